/**
 * lib/market's client-safe surface: pure helpers and types (no server-only module behind a value), for client
 * components and for any layer.
 */
export { MAX_MATCH_STEPS, buyerSpend, matchingHead, previewMatch } from "./match";
export type { MatchPreview, RestingOrder } from "./match";
export { FillCode, allChecksPass, evaluateMarketChecks, fillReason, tradeCost } from "./reasons";
export { marketErrorReason } from "./error-reasons";
export type { MarketCheck, OrderSide } from "./reasons";
