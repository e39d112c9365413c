import { getArtworkDocumentFile } from "@/lib/assets/documents";
import { contentDisposition } from "@/lib/format/csv";

/**
 * Serves a public artwork document exactly as stored, so anyone can hash it and compare with the
 * hash anchored in the token's document registry.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const found = await getArtworkDocumentFile({ id });
  if (!found?.bytes) return new Response("Document not found", { status: 404 });
  const filename = `${found.doc.name}.pdf`;
  return new Response(new Uint8Array(found.bytes), {
    headers: {
      "content-type": found.doc.mime,
      "content-disposition": contentDisposition("inline", filename),
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
    },
  });
}
