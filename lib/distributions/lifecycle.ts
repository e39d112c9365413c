/**
 * After the distribution is anchored: the issuer's close (after the claim window; the unclaimed entitlements and the
 * dust come back) and compliance's hold and release (claims wait while it is held). Each is signed in the caller's
 * own wallet; the server reads the mined transaction back ({@link readDistributorCall}: sender, target, function, not
 * reverted), takes what happened from the distributor's event in its receipt — never from the browser — and writes
 * the audit entry. Plain module taking the chain client and deployments, so it is tested against a real anvil.
 */
import { and, desc, eq, like } from "drizzle-orm";
import type { Address, Hex, PublicClient } from "viem";
import { writeAudit } from "@/lib/audit";
import type { Deployments } from "@/lib/chain/deployments";
import type { TxRefusal } from "@/lib/chain/verify-tx";
import type { Database } from "@/lib/db/connect";
import { anyRowWhere } from "@/lib/db/rows";
import { lockForTransaction } from "@/lib/db/locks";
import { auditLog, distributions, distributionStates, type DistributionStateRow } from "@/lib/db/schema";
import { readDistributorCall } from "./distributor-call";

export type LifecycleRefusal = "no_distributor" | "not_found" | "not_issuer" | "tx_other_distribution" | TxRefusal;
type Refused = { ok: false; code: LifecycleRefusal };
type Common = { client: PublicClient; deployments: Deployments; txHash: Hex; waitMs?: number };

/** The issuer's close, read back from the chain: what came back, audited once per transaction. */
export function recordDistributionClose(
  db: Database,
  { issuer, ...chain }: Common & { issuer: Address; onChainId: bigint },
): Promise<{ ok: true; returned: bigint } | Refused> {
  const call = { sender: issuer, actorRole: "issuer", functions: ["close"], eventName: "DistributionClosed" } as const;
  return recordLifecycleCall(db, chain, call, (read) => {
    const [id] = read.call.args as [bigint];
    const [closed] = read.events;
    if (id !== chain.onChainId || !closed || closed.args.id !== chain.onChainId) return null;
    const { returned } = closed.args;
    return { action: "distribution.close", after: { returned: returned.toString() }, result: { returned } };
  });
}

/** A compliance agent's hold or release, read back from the chain with the reason it carries on-chain. */
export function recordDistributionHold(
  db: Database,
  { agent, ...chain }: Common & { agent: Address; onChainId: bigint },
): Promise<{ ok: true; held: boolean; reason: string } | Refused> {
  const call = { sender: agent, actorRole: "compliance", functions: ["hold"], eventName: "DistributionHeld" } as const;
  return recordLifecycleCall(db, chain, call, (read) => {
    const [event] = read.events;
    if (!event || event.args.id !== chain.onChainId) return null;
    const { held, reason } = event.args;
    return {
      action: held ? "distribution.hold" : "distribution.release",
      after: { held, reason },
      result: { held, reason },
    };
  });
}

type LifecycleEvent = "DistributionClosed" | "DistributionHeld";
type ReadCall<E extends LifecycleEvent> = Extract<Awaited<ReturnType<typeof readDistributorCall<E>>>, { ok: true }>;

/**
 * What a close and a hold share: the caller's call read back from the chain, its event matched to this distribution
 * by `entry` (null: the transaction was about another one), and the audit entry written once, named by the server's
 * row of the distribution (or `distributor:id` when the server did not build it).
 */
async function recordLifecycleCall<E extends LifecycleEvent, T extends object>(
  db: Database,
  { onChainId, ...chain }: Common & { onChainId: bigint },
  call: { sender: Address; actorRole: "issuer" | "compliance"; functions: readonly string[]; eventName: E },
  entry: (read: ReadCall<E>) => { action: string; after: Record<string, unknown>; result: T } | null,
): Promise<({ ok: true } & T) | Refused> {
  const { sender, actorRole, functions, eventName } = call;
  const read = await readDistributorCall({ ...chain, sender, functions, eventName });
  if (!read.ok) return read;
  const matched = entry(read);
  if (!matched) return { ok: false, code: "tx_other_distribution" };
  await auditOnce(db, chain.txHash, async (t) => {
    const row = await serverRow(t, read.contract, onChainId);
    await writeAudit(t, {
      actor: sender.toLowerCase(),
      actorRole,
      action: matched.action,
      subjectType: "distribution",
      subjectId: row?.id ?? `${read.contract.toLowerCase()}:${onChainId}`,
      after: { onChainId: onChainId.toString(), ...matched.after, token: row?.token ?? null },
      txHash: chain.txHash.toLowerCase(),
    });
  });
  return { ok: true, ...matched.result };
}

/**
 * Writes a transaction's audit entry once: a post-back sent twice (a retry, a second tab), even at the same moment,
 * finds the first one's entry (the check and the write hold the transaction's advisory lock).
 */
async function auditOnce(db: Database, txHash: Hex, write: (t: Database) => Promise<void>): Promise<void> {
  await db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    await lockForTransaction(t, `distribution.tx:${txHash.toLowerCase()}`);
    if (!(await audited(t, txHash))) await write(t);
  });
}

const audited = (db: Database, txHash: Hex): Promise<boolean> =>
  anyRowWhere(db, auditLog, and(eq(auditLog.txHash, txHash.toLowerCase()), like(auditLog.action, "distribution.%")));

async function serverRow(db: Database, distributor: Address, onChainId: bigint) {
  const [row] = await db
    .select({ id: distributions.id, token: distributions.token })
    .from(distributions)
    .where(and(eq(distributions.distributor, distributor.toLowerCase()), eq(distributions.onChainId, `${onChainId}`)))
    .limit(1);
  return row ?? null;
}

/** A token's distributions as the indexer projected them, newest first, with the server's id of each (if it built it). */
export async function listTokenDistributionStates(
  db: Database,
  token: Address,
): Promise<(DistributionStateRow & { serverId: string | null })[]> {
  const rows = await db
    .select({ s: distributionStates, serverId: distributions.id })
    .from(distributionStates)
    .leftJoin(
      distributions,
      and(
        eq(distributions.distributor, distributionStates.distributor),
        eq(distributions.onChainId, distributionStates.onChainId),
      ),
    )
    .where(eq(distributionStates.token, token.toLowerCase()))
    .orderBy(desc(distributionStates.createdBlock));
  return rows.map((r) => ({ ...r.s, serverId: r.serverId }));
}
