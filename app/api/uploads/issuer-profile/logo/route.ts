import { revalidatePath } from "next/cache";
import { postIssuerLogo } from "@/lib/uploads";

export const dynamic = "force-dynamic";

/** The issuer's own logo. Session and role are checked before the body is read: see lib/uploads. */
export async function POST(request: Request) {
  return postIssuerLogo(request, { revalidate: revalidatePath });
}
