import "server-only";

/**
 * The issuer console's on-chain steps, recorded from the chain's own word. Each transaction the issuer's wallet
 * sends from the console is confirmed here only after its receipt has been read and decoded (`verifyContractCall`:
 * sent by the issuer's wallet, to the expected contract, successful, the call and its arguments matching this
 * listing), and each confirmation writes its audit entry with the transaction hash, in the same database
 * transaction as the change it records.
 *
 * Never twice: a deploy or an offering is recorded as pending as soon as the wallet returns its hash; until
 * that transaction is mined, replaced or dropped, the console waits for it instead of offering the step again.
 * And what the chain shows but the database does not know yet (a tab closed before the client recorded a step,
 * a transaction sent from elsewhere) is found and recorded on the next load.
 *
 * The steps live in `chain-deps.ts` (what they share), `chain-sent.ts` (waiting deploys and offerings),
 * `chain-describe.ts` (what a verified call records), `chain-confirm.ts` (confirming and settling) and
 * `chain-catch-up.ts` (what the chain shows that the database does not know yet); this file is their entry point.
 */
export { AUDIT_ACTIONS, type ChainDeps, DROP_AFTER_MS, type GuardedKind } from "./chain-deps";
export { recordSentTx } from "./chain-sent";
export { type ConfirmResult, confirmListingTx, resolvePendingTxs } from "./chain-confirm";
export { getConfirmedTxs, getStepTxs, readListingProgress, recordChainProgress, type StepTx } from "./chain-catch-up";
