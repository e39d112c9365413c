/**
 * lib/distributions's public surface: what routes, server components, actions and other domains call. Its client-safe
 * part (pure helpers, types) is ./client, which client components import instead.
 */
export { listWalletClaims, recoveredToWallet } from "./claims";
export { DistributionInputError, readRecordRegister } from "./holders";
export { auditingRefusal, PREVIEW_ROWS, recordableRow, resolveRecordBlock, tokenOwnerRefusal } from "./record-block";
export { sharesMatchTransferLogs, verificationLines } from "./verify";
export type { VerifyArgs, VerifyResult } from "./verify";
export type { RecordRegister } from "./holders";
export type { PlanRefusal, PlanToSign, RecordBlockPlanArgs } from "./record-block";
export type { DistributionRefusal } from "./issuer";
export type { LifecycleRefusal } from "./lifecycle";
export {
  claimsOfWallet,
  loadTokenDistributions,
  loadTreeDocument,
  planIssuerDistribution,
  recordAgentHold,
  recordInvestorClaim,
  recordIssuerClose,
  recordIssuerDistribution,
} from "./server";
export type { TokenDistribution } from "./server";
export { distributionsByOnChainIds } from "./store";
export { DISTRIBUTION_KINDS } from "./tree";
export type { DistributionKind } from "./tree";
export * from "./client";
