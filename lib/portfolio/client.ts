/**
 * lib/portfolio's client-safe surface: pure helpers and types (no server-only module behind a value), for client
 * components and for any layer.
 */
export type { ClaimRow, DistributionClaimsView, PaymentRow } from "./distribution-claims";
export { HISTORY_PAGE, pageHistory } from "./history-page";
