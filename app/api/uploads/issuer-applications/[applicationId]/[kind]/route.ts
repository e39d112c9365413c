import { revalidatePath } from "next/cache";
import { postKybDocument } from "@/lib/uploads";

export const dynamic = "force-dynamic";

/** A company document of an issuer application: only its applicant, checked before the body is read (lib/uploads). */
export async function POST(request: Request, { params }: { params: Promise<{ applicationId: string; kind: string }> }) {
  return postKybDocument(request, await params, { revalidate: revalidatePath });
}
