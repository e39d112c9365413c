/**
 * lib/sale's public surface: the holders' vote on selling an artwork and the redemption (issue 15), for routes, server
 * components, actions and other domains. Its client-safe part is ./client.
 */
export type { SaleRefusal } from "./plan";
export { DEFAULT_APPROVAL_BPS, DEFAULT_QUORUM_BPS, MAX_VOTING_DAYS, MIN_VOTING_DAYS } from "./plan";
export type { SaleStep, SaleStepRefusal } from "./record";
export type { HolderSale, TokenSale } from "./reads";
export {
  loadHolderSale,
  loadMySale,
  loadSaleOfToken,
  loadWeightsDocument,
  planIssuerSale,
  recordIssuerSaleOpened,
  recordWalletSaleStep,
} from "./server";
export * from "./client";
export type { HoldingSale, PortfolioSales, SaleRedemption } from "./holdings";
export { loadPortfolioSales, redeemPayout } from "./holdings";
