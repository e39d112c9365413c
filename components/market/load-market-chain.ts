/** The trade form's chain work (./market-chain: ABIs, reads, events), fetched once on first use: not in the first load. */
export type MarketChain = typeof import("./market-chain");

let loaded: MarketChain | null = null;

export const loadMarketChain = (): Promise<MarketChain> => import("./market-chain").then((chain) => (loaded = chain));

/**
 * The chain work once fetched, else null. A market action fetches it before it sends anything: by the time one has
 * failed, its words (`describeMarketError`) are in.
 */
export const loadedMarketChain = (): MarketChain | null => loaded;
