/**
 * lib/sale's client-safe surface: pure helpers and types, for client components and for any layer.
 */
export {
  bpsPercent,
  SALE_OK,
  SALE_REASONS,
  saleReason,
  saleReasonWaits,
  saleRefusedCode,
  tallyOutcome,
  TRANSFER_TRADING_ENDED,
  voteChoice,
} from "./codes";
export type { SaleReason, VoteChoice } from "./codes";
