/** The buy form's chain work (./buy-chain: ABIs, reads, calls), fetched once on first use: not in the first load. */
export type BuyChain = typeof import("./buy-chain");

export const loadBuyChain = (): Promise<BuyChain> => import("./buy-chain");
