import { getArtworkDocumentFile, documentFileAccess } from "@/lib/assets";
import { getFileViewer } from "@/lib/auth";
import { contentDisposition } from "@/lib/format/csv";

/**
 * Serves an artwork document exactly as stored, so anyone can hash it and compare with the hash anchored in the
 * token's document registry. Before the listing is approved only its issuer and compliance may read it.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const access = await documentFileAccess(id, getFileViewer);
  if (access === "not_found") return new Response("Document not found", { status: 404 });
  const found = await getArtworkDocumentFile({ id });
  if (!found?.bytes) return new Response("Document not found", { status: 404 });
  const filename = `${found.doc.name}.pdf`;
  return new Response(new Uint8Array(found.bytes), {
    headers: {
      "content-type": found.doc.mime,
      "content-disposition": contentDisposition("inline", filename),
      "cache-control": access === "public" ? "no-cache" : "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
