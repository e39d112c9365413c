/**
 * lib/compliance's client-safe surface: pure helpers and types (no server-only module behind a value), for client
 * components and for any layer.
 */
export { auditActionWording } from "./audit-actions";
export { BATCH_MODES, batchCall, modeTakesAmount, parseBatchList } from "./batch-list";
export type { BatchLineError, BatchMode } from "./batch-list";
export { parseTransferList } from "./batch-transfer";
export { batchTransferCalldata } from "./batch-transfer-calldata";
export type { TransferLineError } from "./batch-transfer";
export { PLATFORM_ROLE_EVENTS } from "./indexed-events";
export { REGISTER_DEFAULT_PER, REGISTER_PAGE_SIZES, parseRegisterParams } from "./register-query";
export type { RegisterParams, RegisterSort } from "./register-query";
export * from "./status-look";
