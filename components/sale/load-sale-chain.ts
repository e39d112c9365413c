/** The sale actions' chain work (./sale-chain: the ABI and the code reads), fetched once on the first press. */
export type SaleChain = typeof import("./sale-chain");

export const loadSaleChain = (): Promise<SaleChain> => import("./sale-chain");
