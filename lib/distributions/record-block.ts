/**
 * What an issuer's plan at a record block (a distribution, a sale vote) checks first: the token is the platform's and
 * the caller owns it; the record block ("now": the latest block the indexer has fully recorded, and at most the one
 * before the head, as the contracts want a record block below the block their transaction is mined in) is mined and
 * covered by the indexer's register; a refused plan is audited. Plain module.
 */
import { type Address, getAddress, type PublicClient } from "viem";
import { artworkShareTokenAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import type { Deployments } from "@/lib/chain/deployments";
import type { TxRefusal } from "@/lib/chain/verify-tx";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { getIndexerCoverage } from "@/lib/indexer/coverage";

/** null when `issuer` owns `token`, a share token of the platform's factory. */
export async function tokenOwnerRefusal(
  client: PublicClient,
  deployments: Deployments,
  token: Address,
  issuer: Address,
): Promise<"unknown_token" | "not_issuer" | null> {
  const isToken = await client.readContract({
    address: deployments.shareTokenFactory,
    abi: shareTokenFactoryAbi,
    functionName: "isToken",
    args: [token],
  });
  if (!isToken) return "unknown_token";
  const owner = await client.readContract({ address: token, abi: artworkShareTokenAbi, functionName: "owner" });
  return getAddress(owner) === getAddress(issuer) ? null : "not_issuer";
}

export type ResolvedRecordBlock =
  | { ok: true; block: bigint; blockTime: number; headTime: number }
  | { ok: false; code: "indexer_behind" | "record_block_future" };

/** The record block asked for, checked against the head and the indexer's coverage, with its time and the head's. */
export async function resolveRecordBlock(
  db: Database,
  client: PublicClient,
  asked: bigint | "now",
): Promise<ResolvedRecordBlock> {
  const head = await client.getBlock();
  const through = (await getIndexerCoverage(db))?.completeThrough ?? null;
  const block = asked !== "now" ? asked : through === null ? null : through < head.number ? through : head.number - 1n;
  if (block === null) return { ok: false, code: "indexer_behind" };
  if (block >= head.number) return { ok: false, code: "record_block_future" };
  if (through === null || through < block) return { ok: false, code: "indexer_behind" };
  const blockTime = Number((await client.getBlock({ blockNumber: block })).timestamp);
  return { ok: true, block, blockTime, headTime: Number(head.timestamp) };
}

/** What an issuer's plan at a record block is given: the chain, the platform's contracts, the caller and the token. */
export type RecordBlockPlanArgs = {
  client: PublicClient;
  deployments: Deployments;
  issuer: Address;
  token: Address;
  /** "now", or the block the issuer typed. */
  recordBlock: bigint | "now";
};

/**
 * What every plan at a record block returns for the issuer to sign: the server's id of it (its record step names it),
 * the token and the payment token the issuer approves before the plan's own call.
 */
export type PlanToSign = { ok: true; id: string; token: Address; paymentToken: Address };

/** Rows of the preview a plan returns (a larger register is summed up and published in the tree document). */
export const PREVIEW_ROWS = 500;

/**
 * What any plan at a record block may be refused for: the token and its owner, the record block and its register;
 * then, recording its transaction, the stored plan (see {@link recordableRow}) and the transaction's check.
 */
export type PlanRefusal =
  | "unknown_token"
  | "not_issuer"
  | "record_block_future"
  | "indexer_behind"
  | "no_holders"
  | "supply_mismatch"
  | "not_found"
  | "already_recorded"
  | "tx_mismatch"
  | TxRefusal;

/**
 * An issuer's plan for a token whose refusal is audited (`action`, with the refusal's code and what was `asked`), so
 * compliance sees attempts on tokens the caller does not issue.
 */
export function auditingRefusal<A extends RecordBlockPlanArgs, T extends { ok: true }, C extends string>(
  action: string,
  asked: (args: A) => object,
  plan: (db: Database, args: A) => Promise<T | { ok: false; code: C }>,
): (db: Database, args: A) => Promise<T | { ok: false; code: C }> {
  return async (db, args) => {
    const result = await plan(db, args);
    if (!result.ok)
      await writeAudit(db, {
        actor: args.issuer.toLowerCase(),
        actorRole: "issuer",
        action,
        subjectType: "token",
        subjectId: args.token.toLowerCase(),
        after: { code: result.code, ...asked(args) },
      });
    return result;
  };
}

/**
 * The plan stored as `row`, when it may take `issuer`'s transaction now (it exists, `issuer` made it and nothing is
 * recorded yet), else why not.
 */
export function recordableRow<R extends { createdBy: string; onChainId: string | null }>(
  row: R | null,
  issuer: Address,
): { ok: true; row: R } | { ok: false; code: "not_found" | "not_issuer" | "already_recorded" } {
  if (!row) return { ok: false, code: "not_found" };
  if (row.createdBy !== issuer.toLowerCase()) return { ok: false, code: "not_issuer" };
  return row.onChainId !== null ? { ok: false, code: "already_recorded" } : { ok: true, row };
}
