import { revalidatePath } from "next/cache";
import { postListingDocument } from "@/lib/uploads";

export const dynamic = "force-dynamic";

/** Session, role and ownership are checked before the body is read: see lib/uploads. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return postListingDocument(request, (await params).id, { revalidate: revalidatePath });
}
