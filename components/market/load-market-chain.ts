/** The trade form's chain work (./market-chain: ABIs, reads, events), fetched once on first use: not in the first load. */
export type MarketChain = typeof import("./market-chain");

export const loadMarketChain = (): Promise<MarketChain> => import("./market-chain");
