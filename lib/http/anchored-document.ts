/**
 * The response of a document whose SHA-256 is anchored on-chain (a distribution's tree, a sale's weights), byte for
 * byte as built: 404 when there is none; once anchored the text never changes (cached for good), a plan not yet signed
 * may never be (not cached).
 */
export function anchoredDocumentResponse(found: { document: string; anchored: boolean } | null): Response {
  if (found === null) return new Response("Not found", { status: 404 });
  return new Response(found.document, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": found.anchored ? "public, max-age=31536000, immutable" : "no-store",
    },
  });
}
