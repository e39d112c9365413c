import { loadTreeDocument } from "@/lib/distributions";
import { anchoredDocumentResponse } from "@/lib/http/anchored-document";

/**
 * A distribution's tree document, byte for byte as built: its SHA-256 is the tree hash anchored on-chain with the
 * root, so anyone can fetch it here and check it (`npm run verify-distribution -- <file>`).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return anchoredDocumentResponse(await loadTreeDocument((await params).id));
}
