/**
 * lib/distributions's client-safe surface: pure helpers and types (no server-only module behind a value), for client
 * components and for any layer.
 */
export { PAYMENT_DECIMALS } from "./allocate";
export { CLAIM_OK, claimRefusedCode, claimState } from "./claim-codes";
export type { ClaimState } from "./claim-codes";
export * from "./kinds";
export {
  buildWeightTree,
  byWallet,
  docAddress,
  docHex32,
  documentExcluded,
  DocumentExcludedSchema,
  docUint,
  dumpedTreeRoot,
  holdersInTreeOrder,
  publishDocument,
  StandardTreeDumpSchema,
  sumShares,
  treeDocumentHead,
  treeProblems,
} from "./tree";
export type { DocumentCheck, ExcludedWallet, WeightTree } from "./tree";
