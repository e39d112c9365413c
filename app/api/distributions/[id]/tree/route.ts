import { loadTreeDocument } from "@/lib/distributions";

/**
 * A distribution's tree document, byte for byte as built: its SHA-256 is the tree hash anchored on-chain with the
 * root, so anyone can fetch it here and check it (`npm run verify-distribution -- <file>`).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const found = await loadTreeDocument((await params).id);
  if (found === null) return new Response("Not found", { status: 404 });
  return new Response(found.document, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      // Once anchored the text never changes; a plan not yet signed may never be, so no cache keeps it.
      "cache-control": found.anchored ? "public, max-age=31536000, immutable" : "no-store",
    },
  });
}
