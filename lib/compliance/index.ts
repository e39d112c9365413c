/**
 * lib/compliance's public surface: what routes, server components, actions and other domains call. Its client-safe
 * part (pure helpers, types) is ./client, which client components import instead.
 */
export { recordOfficerAgentTx } from "./agent";
export type { AgentTxError } from "./agent";
export { DESK_TOKEN_CALLS } from "./agent-audit";
export type { Alert } from "./alerts";
export * from "./audit-export";
export { AUDIT_PAGE, auditDetailLines, auditDetails, parseAuditParams } from "./audit-query";
export type { AuditParams } from "./audit-query";
export { previewBatch } from "./batch";
export { previewTransferList, previewTransferProposal } from "./batch-transfer-preview";
export type { TransferPreviewResult } from "./batch-transfer-preview";
export { getTokenPowers } from "./enforcement";
export { RegisterUnavailableError } from "./register";
export type { TokenSummary } from "./register";
export * from "./register-export";
export { getRegisterView } from "./register-view";
export type { RegisterView } from "./register-view";
export * from "./views";
export * from "./client";
