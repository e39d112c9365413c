import { anchoredDocumentResponse } from "@/lib/http/anchored-document";
import { loadWeightsDocument } from "@/lib/sale";

/**
 * A sale's weights document, byte for byte as built: its SHA-256 is the tree hash anchored on-chain with the weights
 * root (the `offerURI` of `openSale`), so any holder can fetch it and check their weight.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return anchoredDocumentResponse(await loadWeightsDocument((await params).id));
}
