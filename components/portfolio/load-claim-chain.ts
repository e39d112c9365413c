/** A claim's chain work (./claim-chain: the Distributor's ABI, reads, the call), fetched once on the first press. */
export type ClaimChain = typeof import("./claim-chain");

export const loadClaimChain = (): Promise<ClaimChain> => import("./claim-chain");
