import { revalidatePath } from "next/cache";
import { postKycDocument } from "@/lib/uploads";

export const dynamic = "force-dynamic";

/** Only the applicant, checked before the body is read: see lib/uploads. */
export async function POST(request: Request, { params }: { params: Promise<{ applicationId: string; kind: string }> }) {
  return postKycDocument(request, await params, { revalidate: revalidatePath });
}
