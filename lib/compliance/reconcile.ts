/**
 * Audit reconciliation. An agent action is signed by the officer's own wallet and audited when the browser posts the
 * transaction back (`recordAgentActionAction` → `recordAgentTx`). When the tab closes or the post-back fails, the
 * action is on-chain but not in the audit log. After each indexer batch, this finds the agent events the indexer
 * recorded (the token's agent events and the registry's, every one of them from an agent-role call) whose
 * transaction has no audit entry at all, decodes the transaction and writes its entry: actor = the transaction's
 * sender, the reason {@link RECONCILE_REASON}, `after.source = "indexer"`; registry changes are mirrored into the
 * investor records as the post-back would have.
 *
 * No duplicates with the normal path: a transaction is considered only once its block is {@link RECONCILE_GRACE_MS}
 * old (the post-back comes within seconds), and the write takes the transaction's advisory lock and looks again
 * under it, as `recordAgentTx` does, so whichever comes second finds the other's entry.
 *
 * Plain module (no `server-only`): the indexer loop runs it, in the server or in the worker process.
 */
import { and, asc, eq, gt, inArray, lte, or, sql } from "drizzle-orm";
import { type Address, type Chain, getAddress, type Hex, type PublicClient, type Transport } from "viem";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { anyRowWhere } from "@/lib/db/rows";
import { chainEvents, indexerCursor } from "@/lib/db/schema";
import {
  agentAuditInput,
  type AgentCall,
  decodeAgentCall,
  lockAgentTxAudit,
  REGISTRY_AGENT_CALLS,
  syncRegistryChange,
  TOKEN_AGENT_CALLS,
} from "./agent-audit";

export const RECONCILE_REASON = "Not recorded from the portal (found on-chain by the indexer)";
/** How long after its block an agent transaction is left to the browser's post-back. */
export const RECONCILE_GRACE_MS = 2 * 60_000;

/** Events only agent-role calls emit. */
export const TOKEN_AGENT_EVENTS = [
  "WalletFrozenSet",
  "SharesFrozen",
  "SharesUnfrozen",
  "ForcedTransferred",
  "WalletRecovered",
  "SharesBurned",
  "Paused",
  "Unpaused",
] as const;
export const REGISTRY_AGENT_EVENTS = [
  "InvestorRegistered",
  "InvestorUpdated",
  "InvestorRemoved",
  "WalletLinked",
  "WalletUnlinked",
] as const;
const AGENT_EVENTS: string[] = [...TOKEN_AGENT_EVENTS, ...REGISTRY_AGENT_EVENTS];

type Client = PublicClient<Transport, Chain | undefined>;
type TxEvent = { contract: string; event: string; args: Record<string, string | number | boolean>; logIndex: number };

export type ReconcileResult = {
  /** Audit entries written. */
  recorded: number;
  /** Transactions someone else audited meanwhile (found under the lock). */
  alreadyRecorded: number;
  /** Transactions that could not be read from the node (retried on the next pass). */
  failed: number;
  /** Every agent transaction up to this block is audited (null: nothing indexed yet). */
  reconciledBlock: bigint | null;
};

const failing = new Set<string>();

/** Registry events and the portal function whose off-chain mirror they need. */
const REGISTRY_SYNC: Record<string, { fn: AgentCall; key: "wallet" | "investorId" }> = {
  WalletLinked: { fn: "linkWallet", key: "wallet" },
  WalletUnlinked: { fn: "unlinkWallet", key: "wallet" },
  InvestorUpdated: { fn: "updateInvestor", key: "investorId" },
  InvestorRemoved: { fn: "removeInvestor", key: "investorId" },
};

/**
 * Mirrors the registry events of one transaction into the investor records, skipping any a later registry event
 * about the same wallet or investor supersedes (that one's own path, or pass, keeps the records in step).
 */
async function syncRegistryEvents(
  db: Database,
  registry: string,
  blockNumber: bigint,
  events: TxEvent[],
): Promise<void> {
  for (const e of events) {
    const sync = REGISTRY_SYNC[e.event];
    if (!sync || e.contract !== registry) continue;
    const value = String(e.args[sync.key] ?? "").toLowerCase();
    const names =
      sync.key === "wallet"
        ? ["WalletLinked", "WalletUnlinked"]
        : ["InvestorUpdated", "InvestorRemoved", "InvestorRegistered"];
    const later = await anyRowWhere(
      db,
      chainEvents,
      and(
        eq(chainEvents.contract, registry),
        inArray(chainEvents.eventName, names),
        sql`${chainEvents.args}->>${sync.key} = ${value}`,
        or(
          gt(chainEvents.blockNumber, blockNumber),
          and(eq(chainEvents.blockNumber, blockNumber), gt(chainEvents.logIndex, e.logIndex)),
        ),
      ),
    );
    if (later) continue;
    const args = Object.fromEntries(Object.entries(e.args).map(([k, v]) => [k, typeof v === "number" ? String(v) : v]));
    await syncRegistryChange(db, sync.fn, args);
  }
}

/**
 * One reconciliation pass: at most `limit` unaudited agent transactions, oldest first, each at least `graceMs` old
 * at `now`. Idempotent; safe to run beside the post-back.
 */
export async function reconcileAgentAudit({
  db,
  client,
  contracts,
  name = "main",
  now = new Date(),
  graceMs = RECONCILE_GRACE_MS,
  limit = 50,
  log,
}: {
  db: Database;
  client: Client;
  contracts: { identityRegistry: Address; startBlock: bigint };
  name?: string;
  now?: Date;
  graceMs?: number;
  limit?: number;
  log?: (message: string) => void;
}): Promise<ReconcileResult> {
  const [cursor] = await db.select().from(indexerCursor).where(eq(indexerCursor.name, name)).limit(1);
  if (!cursor) return { recorded: 0, alreadyRecorded: 0, failed: 0, reconciledBlock: null };
  const registry = contracts.identityRegistry.toLowerCase();
  const start = contracts.startBlock > 0n ? contracts.startBlock - 1n : 0n;
  const from = cursor.reconciledBlock ?? start;
  const cutoff = new Date(now.getTime() - graceMs);
  const ce = chainEvents;
  const agentEvent = and(
    inArray(ce.eventName, AGENT_EVENTS),
    gt(ce.blockNumber, from),
    lte(ce.blockNumber, cursor.blockNumber),
  );

  const candidates = await db
    .select({
      txHash: ce.txHash,
      blockNumber: sql<string>`min(${ce.blockNumber})::text`,
      blockTimeMs: sql<string>`(extract(epoch from min(${ce.blockTime})) * 1000)::bigint::text`,
      events: sql<string>`json_agg(json_build_object('contract', ${ce.contract}, 'event', ${ce.eventName}, 'args', ${ce.args}, 'logIndex', ${ce.logIndex}) ORDER BY ${ce.logIndex})::text`,
    })
    .from(ce)
    .where(
      and(
        agentEvent,
        lte(ce.blockTime, cutoff),
        sql`NOT EXISTS (SELECT 1 FROM audit_log a WHERE lower(a.tx_hash) = ${ce.txHash})`,
      ),
    )
    .groupBy(ce.txHash)
    .orderBy(sql`min(${ce.blockNumber})`, asc(ce.txHash))
    .limit(limit + 1);

  let recorded = 0;
  let alreadyRecorded = 0;
  let failed = 0;
  let firstFailed: bigint | null = null;
  for (const c of candidates.slice(0, limit)) {
    const hash = c.txHash as Hex;
    const blockNumber = BigInt(c.blockNumber);
    const events = JSON.parse(c.events) as TxEvent[];
    let receipt;
    let tx;
    try {
      [receipt, tx] = await Promise.all([client.getTransactionReceipt({ hash }), client.getTransaction({ hash })]);
    } catch (error) {
      failed++;
      firstFailed ??= blockNumber;
      if (!failing.has(hash))
        log?.(
          `reconcile: cannot read ${hash} (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); retrying later`,
        );
      failing.add(hash);
      continue;
    }
    failing.delete(hash);
    const actor = getAddress(receipt.from);
    const to = receipt.to ? receipt.to.toLowerCase() : null;
    const tokenContracts = new Set(events.filter((e) => e.contract !== registry).map((e) => e.contract));
    const kind = to === registry ? "registry" : to && tokenContracts.has(to) ? "token" : null;
    const decoded = kind
      ? decodeAgentCall({
          contract: kind,
          to: getAddress(to!),
          input: tx.input,
          blockNumber,
          allowed: kind === "token" ? TOKEN_AGENT_CALLS : REGISTRY_AGENT_CALLS,
        })
      : null;
    const blockTime = new Date(Number(c.blockTimeMs)).toISOString();
    const extra = { source: "indexer", blockTime, events: events.map((e) => e.event) };
    // A call through another contract (a multisig, a batch helper): recorded from its events.
    const entry = decoded
      ? await agentAuditInput(db, { tx: decoded, txHash: hash, actor, reason: RECONCILE_REASON, ip: null, extra })
      : {
          actor,
          actorRole: "compliance",
          action: "agent.onchain_action",
          subjectType: events.some((e) => e.contract === registry) ? "registry" : "token",
          subjectId: events[0]!.contract,
          after: {
            reason: RECONCILE_REASON,
            ...extra,
            to,
            events: events.map((e) => ({ contract: e.contract, event: e.event, args: e.args })),
            blockNumber: blockNumber.toString(),
          },
          txHash: hash.toLowerCase(),
          ip: null,
        };
    const wrote = await db.transaction(async (txn) => {
      const t = txn as unknown as Database;
      if ((await lockAgentTxAudit(t, { txHash: hash })).recorded) return false;
      await syncRegistryEvents(t, registry, blockNumber, events);
      await writeAudit(t, entry);
      return true;
    });
    if (wrote) recorded++;
    else alreadyRecorded++;
  }
  if (recorded)
    log?.(`reconcile: ${recorded} agent transaction(s) found on-chain without an audit entry, now recorded`);

  // Advance the mark to just below the first block that still needs a look: an event inside the grace period, a
  // transaction that could not be read, one beyond this pass's limit; never above the indexer's complete record.
  const [young] = await db
    .select({ b: sql<string | null>`min(${ce.blockNumber})::text` })
    .from(ce)
    .where(and(agentEvent, gt(ce.blockTime, cutoff)));
  const bounds = [cursor.blockNumber];
  if (cursor.backfillTo !== null && cursor.backfillCursor !== null) bounds.push(cursor.backfillCursor);
  if (young?.b) bounds.push(BigInt(young.b) - 1n);
  if (firstFailed !== null) bounds.push(firstFailed - 1n);
  if (candidates.length > limit) bounds.push(BigInt(candidates[limit]!.blockNumber) - 1n);
  let mark = bounds.reduce((m, x) => (x < m ? x : m));
  if (mark < from) mark = from;
  if (mark !== cursor.reconciledBlock) {
    // Only forward, and only if the live cursor did not roll back under us (a reorg lowers the mark itself).
    await db
      .update(indexerCursor)
      .set({ reconciledBlock: mark })
      .where(
        and(
          eq(indexerCursor.name, name),
          sql`${indexerCursor.blockNumber} >= ${mark}`,
          sql`(${indexerCursor.reconciledBlock} IS NULL OR ${indexerCursor.reconciledBlock} < ${mark})`,
        ),
      );
  }
  return { recorded, alreadyRecorded, failed, reconciledBlock: mark };
}
