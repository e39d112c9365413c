/**
 * lib/trade's client-safe surface: pure helpers and types (no server-only module behind a value), for client
 * components and for any layer.
 */
export { lockMergeFromPreview, lockMergeMessage } from "./lock-merge";
export type { LockMerge } from "./lock-merge";
export { canProceed, evaluateBuyChecks } from "./reasons";
export { transferReasonKeys } from "./transfer-codes";
export type { MessageValues, Reason, ReasonContext } from "./reasons";
export * from "./buy-offering";
export { myOrderKey, pageMyOrders, tradeOrderHref } from "./order-link";
