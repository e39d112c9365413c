/**
 * The chain indexer: reads Atelier's events with `getLogs` in chunks from a stored cursor and projects
 * them into `chain_events`, `market_orders` and `market_trades`.
 *
 * - Idempotent: every event is keyed by (transaction hash, log index); a batch re-read after a crash
 *   inserts nothing twice.
 * - Confirmations: only blocks at least `confirmations` deep are read.
 * - Reorgs: the cursor and every indexed block with events keep their block hash; when the chain no
 *   longer has the cursor's hash, the indexer walks back to the last stored block the chain still
 *   agrees with, deletes everything above it and re-reads from there.
 * - One batch (events, projections, cursor) is written in one database transaction.
 * - Versioned event set: a cursor written by an older version (fewer events) gets a one-time backfill that
 *   re-reads its history from the start block in chunks, beside the live cursor, which keeps going; rows
 *   already there are skipped by the (transaction hash, log index) key. Until it ends, views that need every
 *   event (the register at a past block) ask `getIndexerCoverage` how far the record is complete.
 *
 * Plain module (no `server-only`): the worker script and the tests import it; the server runs it through
 * `lib/indexer/embedded.ts`.
 */
import { and, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import {
  BaseError,
  ContractFunctionZeroDataError,
  type Address,
  type Chain,
  getAbiItem,
  type Hex,
  type Log,
  type PublicClient,
  type Transport,
  decodeEventLog,
} from "viem";
import {
  artworkShareTokenAbi,
  enforcementDeskAbi,
  identityRegistryAbi,
  marketAbi,
  primaryOfferingAbi,
  shareTokenFactoryAbi,
} from "../chain/abis";
import type { Database } from "../db/connect";
import {
  chainEvents,
  type IndexerCursor,
  indexerBlocks,
  indexerCursor,
  marketOrders,
  marketTrades,
} from "../db/schema";
import {
  readRegisterSnapshots,
  type RegisterSnapshots,
  rollbackRegisterSnapshots,
  snapshotsThrough,
  writeRegisterSnapshots,
} from "./token-states";

export const DEFAULT_INDEXER_NAME = "main";
/** Blocks per getLogs call (most providers accept 2,000–10,000). */
export const DEFAULT_CHUNK_SIZE = 2_000n;
/** Block hashes kept for reorg detection (deeper reorgs fall back to a re-read from the start block). */
const KEPT_BLOCKS = 512n;

export type IndexerContracts = {
  identityRegistry: Address;
  shareTokenFactory: Address;
  primaryOffering: Address;
  market?: Address | undefined;
  /** A deployed Multicall3 for the register snapshots' reads (deployless multicall without one). */
  multicall3?: Address | undefined;
  /** The two-agent enforcement desk (absent on deployments made before it). */
  enforcementDesk?: Address | undefined;
  startBlock: bigint;
};

export type IndexerOptions = {
  db: Database;
  client: PublicClient<Transport, Chain | undefined>;
  contracts: IndexerContracts;
  confirmations: number;
  name?: string;
  chunkSize?: bigint;
  log?: (message: string) => void;
};

export type SyncResult = {
  /** Events newly recorded in this call. */
  inserted: number;
  /** Last block now indexed (the cursor). */
  cursor: bigint;
  /** Head of the chain minus the confirmation depth. */
  safeHead: bigint;
  /** The block rolled back to, when a reorg was found. */
  reorgedTo?: bigint;
  /** A history re-scan for a newer event set, when one is pending: where it stands and where it ends. */
  backfill?: { cursor: bigint; to: bigint; inserted: number };
};

/**
 * Version of the event set below. Raise it when adding events: databases indexed by an older version re-read their
 * history once (see `backfillStep`). 1: transfers, purchases, market, registry. 2: the token's agent events, mints
 * with their lock-up, and rules (the register at a past block is built from them). 3: lock-up lots (merged,
 * consumed by a forced transfer or burn, moved by a recovery) and the freeze state a recovery moves. 4: the token's
 * role grants and revokes and its ownership changes (the register's role history). 5: register snapshots (the token's
 * state read at each block with its register events, `token-states.ts`): the register at a past block is read from
 * them, so a re-read of the history fills them for the blocks indexed before. 6: the enforcement desk's proposals,
 * executions and cancellations (two-agent forced transfers, recoveries, burns), recorded with `token` = the token
 * they act on; the registry's two-agent wallet links (`WalletLink*`) and the platform's emergency stop and resume.
 */
export const INDEXER_EVENTS_VERSION = 6;

/** Events of the enforcement desk, recorded with `token` = the token the proposal acts on. */
export const DESK_EVENTS = ["EnforcementProposed", "EnforcementExecuted", "EnforcementCancelled"] as const;
const DESK_EVENT_NAMES = new Set<string>(DESK_EVENTS);

/** Events of a share token that change its register (besides Transfer), recorded with `token` = the token. */
export const TOKEN_REGISTER_EVENTS = [
  "SharesMinted",
  "SharesBurned",
  "WalletFrozenSet",
  "SharesFrozen",
  "SharesUnfrozen",
  "ForcedTransferred",
  "WalletRecovered",
  "Paused",
  "Unpaused",
  "RulesUpdated",
  "LockMerged",
  "LockConsumed",
  "LockMoved",
  "FreezeMoved",
] as const;
/** Events of a share token that change who holds which role on it (the owner included), with `token` = the token. */
export const TOKEN_ROLE_EVENTS = [
  "RoleGranted",
  "RoleRevoked",
  "OwnershipTransferStarted",
  "OwnershipTransferred",
] as const;
/** Events after which the indexer reads the token's register state at their block (`token-states.ts`). */
const REGISTER_SNAPSHOT_EVENTS: ReadonlySet<string> = new Set<string>(["Transfer", ...TOKEN_REGISTER_EVENTS]);
// The registry emits RoleGranted/RoleRevoked too: these names are accepted from the factory's tokens only.
const TOKEN_EVENT_NAMES = new Set<string>(["Transfer", ...TOKEN_REGISTER_EVENTS, ...TOKEN_ROLE_EVENTS]);

const EVENTS = [
  getAbiItem({ abi: artworkShareTokenAbi, name: "Transfer" }),
  getAbiItem({ abi: artworkShareTokenAbi, name: "SharesMinted" }),
  getAbiItem({ abi: artworkShareTokenAbi, name: "SharesBurned" }),
  getAbiItem({ abi: artworkShareTokenAbi, name: "WalletFrozenSet" }),
  getAbiItem({ abi: artworkShareTokenAbi, name: "SharesFrozen" }),
  getAbiItem({ abi: artworkShareTokenAbi, name: "SharesUnfrozen" }),
  getAbiItem({ abi: artworkShareTokenAbi, name: "ForcedTransferred" }),
  getAbiItem({ abi: artworkShareTokenAbi, name: "WalletRecovered" }),
  getAbiItem({ abi: artworkShareTokenAbi, name: "Paused" }),
  getAbiItem({ abi: artworkShareTokenAbi, name: "Unpaused" }),
  getAbiItem({ abi: artworkShareTokenAbi, name: "RulesUpdated" }),
  getAbiItem({ abi: artworkShareTokenAbi, name: "LockMerged" }),
  getAbiItem({ abi: artworkShareTokenAbi, name: "LockConsumed" }),
  getAbiItem({ abi: artworkShareTokenAbi, name: "LockMoved" }),
  getAbiItem({ abi: artworkShareTokenAbi, name: "FreezeMoved" }),
  getAbiItem({ abi: artworkShareTokenAbi, name: "RoleGranted" }),
  getAbiItem({ abi: artworkShareTokenAbi, name: "RoleRevoked" }),
  getAbiItem({ abi: artworkShareTokenAbi, name: "OwnershipTransferStarted" }),
  getAbiItem({ abi: artworkShareTokenAbi, name: "OwnershipTransferred" }),
  getAbiItem({ abi: primaryOfferingAbi, name: "SharesPurchased" }),
  getAbiItem({ abi: marketAbi, name: "OrderPlaced" }),
  getAbiItem({ abi: marketAbi, name: "OrderFilled" }),
  getAbiItem({ abi: marketAbi, name: "OrderCancelled" }),
  getAbiItem({ abi: identityRegistryAbi, name: "InvestorRegistered" }),
  getAbiItem({ abi: identityRegistryAbi, name: "InvestorUpdated" }),
  getAbiItem({ abi: identityRegistryAbi, name: "InvestorRemoved" }),
  getAbiItem({ abi: identityRegistryAbi, name: "WalletLinked" }),
  getAbiItem({ abi: identityRegistryAbi, name: "WalletUnlinked" }),
  getAbiItem({ abi: enforcementDeskAbi, name: "EnforcementProposed" }),
  getAbiItem({ abi: enforcementDeskAbi, name: "EnforcementExecuted" }),
  getAbiItem({ abi: enforcementDeskAbi, name: "EnforcementCancelled" }),
  getAbiItem({ abi: identityRegistryAbi, name: "WalletLinkProposed" }),
  getAbiItem({ abi: identityRegistryAbi, name: "WalletLinkConfirmed" }),
  getAbiItem({ abi: identityRegistryAbi, name: "WalletLinkCancelled" }),
  getAbiItem({ abi: identityRegistryAbi, name: "PlatformStopped" }),
  getAbiItem({ abi: identityRegistryAbi, name: "PlatformResumed" }),
] as const;

const lower = (a: string) => a.toLowerCase();

/** Current getLogs span per indexer name, after a range was too large (absent = the configured chunk). */
const adaptiveChunk = new Map<string, bigint>();

/** Provider or client refusals that a smaller block range avoids (response size, result count, range). */
function isRangeTooLarge(error: unknown): boolean {
  const text =
    error instanceof Error ? `${error.message} ${(error as { details?: string }).details ?? ""}` : String(error);
  return /size limit|too large|too many|more than \d+ results|exceed|block range|range is too|limit exceeded|response size/i.test(
    text,
  );
}

type CursorRow = Pick<IndexerCursor, "blockNumber" | "blockHash">;

async function readCursor(db: Database, name: string): Promise<IndexerCursor | null> {
  const rows = await db.select().from(indexerCursor).where(eq(indexerCursor.name, name)).limit(1);
  return rows[0] ?? null;
}

/** Every share token the factory has deployed, as of `blockNumber`. */
async function listTokens(opts: IndexerOptions, blockNumber: bigint): Promise<Address[]> {
  const { client, contracts } = opts;
  let count: bigint;
  try {
    count = await client.readContract({
      address: contracts.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "tokenCount",
      blockNumber,
    });
  } catch (error) {
    // Early in the deployment range the factory may not exist yet: then there is no token to follow.
    if (error instanceof BaseError && error.walk((e) => e instanceof ContractFunctionZeroDataError)) return [];
    throw error;
  }
  const tokens: Address[] = [];
  for (let offset = 0n; offset < count; offset += 200n) {
    const page = await client.readContract({
      address: contracts.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "tokens",
      args: [offset, 200n],
      blockNumber,
    });
    tokens.push(...page);
  }
  return tokens;
}

function plain(value: unknown): string | number | boolean {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return /^0x[0-9a-fA-F]{40}$/.test(value) ? lower(value) : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

type DecodedEvent = {
  blockNumber: bigint;
  blockHash: Hex;
  txHash: Hex;
  logIndex: number;
  contract: string;
  eventName: string;
  args: Record<string, string | number | boolean>;
  token: string | null;
  orderId: string | null;
};

function decode(log: Log, tokenSet: Set<string>, contracts: IndexerContracts): DecodedEvent | null {
  if (log.blockNumber == null || log.blockHash == null || log.transactionHash == null || log.logIndex == null)
    return null;
  const contract = lower(log.address);
  let decoded: { eventName: string; args: Record<string, unknown> };
  try {
    decoded = decodeEventLog({
      abi: EVENTS,
      data: log.data,
      topics: log.topics,
      strict: true,
    }) as unknown as typeof decoded;
  } catch {
    return null; // an event we do not project
  }
  // Only accept each event from the contract that is meant to emit it (a market or offering may share a signature).
  const from = TOKEN_EVENT_NAMES.has(decoded.eventName)
    ? tokenSet.has(contract)
    : DESK_EVENT_NAMES.has(decoded.eventName)
      ? !!contracts.enforcementDesk && contract === lower(contracts.enforcementDesk)
      : ({
          SharesPurchased: contract === lower(contracts.primaryOffering),
          OrderPlaced: !!contracts.market && contract === lower(contracts.market),
          OrderFilled: !!contracts.market && contract === lower(contracts.market),
          OrderCancelled: !!contracts.market && contract === lower(contracts.market),
        }[decoded.eventName] ?? contract === lower(contracts.identityRegistry));
  if (!from) return null;
  const args: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(decoded.args)) args[k] = plain(v);
  let token: string | null = null;
  if (TOKEN_EVENT_NAMES.has(decoded.eventName)) token = contract;
  if (decoded.eventName === "OrderPlaced" || DESK_EVENT_NAMES.has(decoded.eventName)) token = String(args.token);
  const orderId = decoded.eventName.startsWith("Order") ? String(args.orderId) : null;
  return {
    blockNumber: log.blockNumber,
    blockHash: log.blockHash,
    txHash: log.transactionHash,
    logIndex: log.logIndex,
    contract,
    eventName: decoded.eventName,
    args,
    token,
    orderId,
  };
}

/**
 * Recompute the projection of these orders from `chain_events` (which is reorg-safe and idempotent);
 * an order whose OrderPlaced event is gone is deleted, and its trades are rebuilt from its fills.
 */
async function refreshOrders(tx: Database, orderIds: readonly string[]): Promise<void> {
  if (orderIds.length === 0) return;
  const events = await tx
    .select()
    .from(chainEvents)
    .where(inArray(chainEvents.orderId, [...orderIds]))
    .orderBy(chainEvents.blockNumber, chainEvents.logIndex);
  const byOrder = new Map<string, typeof events>();
  for (const e of events) {
    const list = byOrder.get(e.orderId!) ?? [];
    list.push(e);
    byOrder.set(e.orderId!, list);
  }
  await tx.delete(marketTrades).where(inArray(marketTrades.orderId, [...orderIds]));
  const gone = orderIds.filter((id) => !byOrder.get(id)?.some((e) => e.eventName === "OrderPlaced"));
  if (gone.length) await tx.delete(marketOrders).where(inArray(marketOrders.orderId, gone));
  for (const [orderId, list] of byOrder) {
    const placed = list.find((e) => e.eventName === "OrderPlaced");
    if (!placed) continue;
    const side = Number(placed.args.side) === 0 ? "ask" : "bid";
    const maker = String(placed.args.maker);
    const token = String(placed.args.token);
    const size = BigInt(String(placed.args.shares));
    let filled = 0n;
    let cancelled = 0n;
    const trades: (typeof marketTrades.$inferInsert)[] = [];
    for (const e of list) {
      if (e.eventName === "OrderFilled") {
        const shares = BigInt(String(e.args.shares));
        filled += shares;
        const taker = String(e.args.taker);
        trades.push({
          txHash: e.txHash,
          logIndex: e.logIndex,
          blockNumber: e.blockNumber,
          tradedAt: e.blockTime,
          orderId,
          token,
          makerSide: side,
          buyer: side === "ask" ? taker : maker,
          seller: side === "ask" ? maker : taker,
          shares: shares.toString(),
          price: String(e.args.price),
          fee: String(e.args.fee),
        });
      } else if (e.eventName === "OrderCancelled") {
        cancelled += BigInt(String(e.args.remaining));
      }
    }
    const status = filled + cancelled >= size ? (cancelled > 0n ? "cancelled" : "filled") : "open";
    const row = {
      orderId,
      token,
      maker,
      side,
      price: String(placed.args.price),
      size: size.toString(),
      filled: filled.toString(),
      cancelled: cancelled.toString(),
      status,
      placedBlock: placed.blockNumber,
      placedTx: placed.txHash,
      placedAt: placed.blockTime,
      expiresAt: placed.args.expiresAt === undefined ? null : new Date(Number(placed.args.expiresAt) * 1000),
    } as const;
    await tx
      .insert(marketOrders)
      .values(row)
      .onConflictDoUpdate({
        target: marketOrders.orderId,
        set: { filled: row.filled, cancelled: row.cancelled, status: row.status },
      });
    if (trades.length) await tx.insert(marketTrades).values(trades).onConflictDoNothing();
  }
}

/** Roll the projections back to `ancestor` (everything in later blocks is deleted) inside `tx`. */
async function rollbackTo(tx: Database, name: string, ancestor: bigint, ancestorHash: string): Promise<void> {
  const removed = await tx
    .delete(chainEvents)
    .where(gt(chainEvents.blockNumber, ancestor))
    .returning({ orderId: chainEvents.orderId });
  await tx.delete(marketTrades).where(gt(marketTrades.blockNumber, ancestor));
  await rollbackRegisterSnapshots(tx, ancestor);
  const orderIds = [...new Set(removed.map((r) => r.orderId).filter((id): id is string => id !== null))];
  await refreshOrders(tx, orderIds);
  await tx.delete(indexerBlocks).where(and(eq(indexerBlocks.name, name), gt(indexerBlocks.blockNumber, ancestor)));
  // A pending backfill and the audit reconciliation never stand above the live cursor: the blocks they covered
  // above the ancestor are re-read from scratch.
  const clamp = (column: AnyPgColumn) =>
    sql`CASE WHEN ${column} IS NULL THEN NULL ELSE LEAST(${column}, ${ancestor}::bigint) END`;
  await tx
    .insert(indexerCursor)
    .values({ name, blockNumber: ancestor, blockHash: ancestorHash, eventsVersion: INDEXER_EVENTS_VERSION })
    .onConflictDoUpdate({
      target: indexerCursor.name,
      set: {
        blockNumber: ancestor,
        blockHash: ancestorHash,
        backfillTo: clamp(indexerCursor.backfillTo),
        backfillCursor: clamp(indexerCursor.backfillCursor),
        reconciledBlock: clamp(indexerCursor.reconciledBlock),
      },
    });
}

/** Finds the newest stored block the chain still agrees with (or the block before the start block). */
async function findCommonAncestor(
  opts: IndexerOptions,
  name: string,
  head: bigint,
): Promise<{ number: bigint; hash: string }> {
  const { db, client, contracts } = opts;
  const stored = await db
    .select()
    .from(indexerBlocks)
    .where(eq(indexerBlocks.name, name))
    .orderBy(desc(indexerBlocks.blockNumber))
    .limit(Number(KEPT_BLOCKS));
  for (const b of stored) {
    if (b.blockNumber > head) continue;
    const block = await client.getBlock({ blockNumber: b.blockNumber });
    if (block.hash === b.blockHash) return { number: b.blockNumber, hash: b.blockHash };
  }
  const base = contracts.startBlock > 0n ? contracts.startBlock - 1n : 0n;
  const block = await client.getBlock({ blockNumber: base });
  return { number: base, hash: block.hash };
}

type Batch = {
  /** Last block of the range actually read (a range too large for the provider is shortened). */
  to: bigint;
  toBlock: { number: bigint; hash: Hex; timestamp: bigint };
  decoded: DecodedEvent[];
  blocks: Map<bigint, { hash: Hex; timestamp: bigint }>;
  /** The token state read at each block whose events changed it. */
  snapshots: RegisterSnapshots;
};

/**
 * Reads and decodes the events of `from`..`to` (shortened when the provider refuses the range), with the time and
 * hash of each block that has one. Null when a log's block hash differs from the block read (a reorg under way).
 */
async function readBatch(opts: IndexerOptions, name: string, from: bigint, toWanted: bigint): Promise<Batch | null> {
  const { client, contracts } = opts;
  const chunk = opts.chunkSize ?? DEFAULT_CHUNK_SIZE;
  let to = toWanted;
  const tokens = await listTokens(opts, to);
  const addresses = [
    contracts.identityRegistry,
    contracts.primaryOffering,
    ...(contracts.market ? [contracts.market] : []),
    ...(contracts.enforcementDesk ? [contracts.enforcementDesk] : []),
    ...tokens,
  ];
  // A busy range can exceed what the provider (or viem's 10 MB response limit) accepts: halve it and retry,
  // remember the smaller span for the next batches, and grow it back once ranges go through.
  let logs: Log[];
  for (;;) {
    try {
      logs = (await client.getLogs({
        address: addresses,
        events: EVENTS,
        fromBlock: from,
        toBlock: to,
        strict: true,
      })) as Log[];
      break;
    } catch (error) {
      if (to <= from || !isRangeTooLarge(error)) throw error;
      to = from + (to - from + 1n) / 2n - 1n;
      adaptiveChunk.set(name, to - from + 1n);
      opts.log?.(`getLogs range too large; retrying ${from}–${to}`);
    }
  }
  const current = adaptiveChunk.get(name);
  if (current !== undefined && logs.length < 2_000) {
    // A light range: try twice the span next time (back to the configured chunk).
    if (current * 2n >= chunk) adaptiveChunk.delete(name);
    else adaptiveChunk.set(name, current * 2n);
  }
  const toBlock = await client.getBlock({ blockNumber: to });
  const tokenSet = new Set(tokens.map(lower));
  const decoded = logs.map((l) => decode(l, tokenSet, contracts)).filter((e): e is DecodedEvent => e !== null);

  // Block times and hashes for the blocks that have events (one getBlock each; `toBlock` is known).
  const blockNumbers = [...new Set(decoded.map((e) => e.blockNumber))];
  const blocks = new Map<bigint, { hash: Hex; timestamp: bigint }>([
    [toBlock.number, { hash: toBlock.hash, timestamp: toBlock.timestamp }],
  ]);
  const missing = blockNumbers.filter((n) => !blocks.has(n));
  for (let i = 0; i < missing.length; i += 20) {
    const got = await Promise.all(missing.slice(i, i + 20).map((n) => client.getBlock({ blockNumber: n })));
    for (const b of got) blocks.set(b.number, { hash: b.hash, timestamp: b.timestamp });
  }
  for (const e of decoded) {
    if (blocks.get(e.blockNumber)?.hash !== e.blockHash) return null;
  }
  const snapshots = await readRegisterSnapshots({
    client,
    events: decoded,
    registerEvents: REGISTER_SNAPSHOT_EVENTS,
    multicall3: contracts.multicall3,
  });
  return {
    to,
    toBlock: { number: toBlock.number, hash: toBlock.hash, timestamp: toBlock.timestamp },
    decoded,
    blocks,
    snapshots,
  };
}

/**
 * Inserts a batch's events (existing ones are skipped) and refreshes the orders they touch (`onlyNew`: only orders
 * with a newly recorded event); returns how many were new.
 */
async function insertEvents(
  tx: Database,
  batch: Batch,
  { onlyNew = false }: { onlyNew?: boolean } = {},
): Promise<number> {
  let inserted = 0;
  const fresh: DecodedEvent[] = [];
  for (let i = 0; i < batch.decoded.length; i += 500) {
    const part = batch.decoded.slice(i, i + 500);
    const rows = part.map((e) => ({
      blockNumber: e.blockNumber,
      blockHash: e.blockHash,
      blockTime: new Date(Number(batch.blocks.get(e.blockNumber)!.timestamp) * 1000),
      txHash: e.txHash,
      logIndex: e.logIndex,
      contract: e.contract,
      eventName: e.eventName,
      args: e.args,
      token: e.token,
      orderId: e.orderId,
    }));
    const res = await tx
      .insert(chainEvents)
      .values(rows)
      .onConflictDoNothing()
      .returning({ txHash: chainEvents.txHash, logIndex: chainEvents.logIndex });
    inserted += res.length;
    const keys = new Set(res.map((r) => `${r.txHash}:${r.logIndex}`));
    fresh.push(...part.filter((e) => keys.has(`${e.txHash}:${e.logIndex}`)));
  }
  const orderIds = [
    ...new Set((onlyNew ? fresh : batch.decoded).map((e) => e.orderId).filter((id): id is string => id !== null)),
  ];
  await refreshOrders(tx, orderIds);
  // Every snapshot of the batch, also for events already recorded (a re-read after an upgrade fills them).
  await writeRegisterSnapshots(tx, batch.snapshots);
  return inserted;
}

/**
 * A cursor written by an older event set: schedule the re-read of its history (start block → the cursor) and mark
 * it current. The live cursor is not moved, so waits for the indexer and views built from it carry on.
 */
async function planBackfill(opts: IndexerOptions, name: string, cursor: IndexerCursor): Promise<void> {
  const start = opts.contracts.startBlock;
  await opts.db
    .update(indexerCursor)
    .set({
      eventsVersion: INDEXER_EVENTS_VERSION,
      backfillTo: cursor.blockNumber,
      backfillCursor: start > 0n ? start - 1n : 0n,
    })
    .where(and(eq(indexerCursor.name, name), eq(indexerCursor.eventsVersion, cursor.eventsVersion)));
  opts.log?.(
    `event set ${cursor.eventsVersion} → ${INDEXER_EVENTS_VERSION}: re-reading blocks ${start}–${cursor.blockNumber} for the new events`,
  );
}

/** One chunk of a pending backfill, in one database transaction with its progress. */
async function backfillStep(opts: IndexerOptions, name: string): Promise<SyncResult["backfill"]> {
  const row = await readCursor(opts.db, name);
  if (!row || row.backfillTo === null || row.backfillCursor === null) return undefined;
  const { backfillTo, backfillCursor } = row;
  if (backfillCursor >= backfillTo) {
    await opts.db
      .update(indexerCursor)
      .set({ backfillTo: null, backfillCursor: null })
      .where(and(eq(indexerCursor.name, name), eq(indexerCursor.backfillCursor, backfillCursor)));
    return { cursor: backfillCursor, to: backfillTo, inserted: 0 };
  }
  const from = backfillCursor + 1n;
  const span = adaptiveChunk.get(name) ?? opts.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const batch = await readBatch(opts, name, from, from + span - 1n < backfillTo ? from + span - 1n : backfillTo);
  if (!batch) return { cursor: backfillCursor, to: backfillTo, inserted: 0 };
  const done = batch.to >= backfillTo;
  const inserted = await opts.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const now = await readCursor(tx, name);
    if (now?.backfillCursor !== backfillCursor || now.backfillTo === null) throw new IndexerConflictError();
    // A reorg since may have lowered the end: never write above it (the live cursor re-reads those blocks).
    const end = now.backfillTo;
    const n = await insertEvents(
      tx,
      {
        ...batch,
        decoded: batch.decoded.filter((e) => e.blockNumber <= end),
        snapshots: snapshotsThrough(batch.snapshots, end),
      },
      { onlyNew: true },
    );
    const reached = batch.to < end ? batch.to : end;
    await tx
      .update(indexerCursor)
      .set(done || reached >= end ? { backfillTo: null, backfillCursor: null } : { backfillCursor: reached })
      .where(eq(indexerCursor.name, name));
    return n;
  });
  if (done) opts.log?.(`backfill complete (to block ${backfillTo}, ${inserted} new events in the last chunk)`);
  return { cursor: done ? backfillTo : batch.to, to: backfillTo, inserted };
}

/**
 * One step: check for a reorg, then index up to one chunk of confirmed blocks, then one chunk of a pending backfill.
 * Call repeatedly (the poll loop does) until `cursor === safeHead` and no backfill is pending.
 */
export async function syncOnce(opts: IndexerOptions): Promise<SyncResult> {
  const { db, client, contracts } = opts;
  const name = opts.name ?? DEFAULT_INDEXER_NAME;
  const chunk = opts.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const head = await client.getBlockNumber({ cacheTime: 0 });
  const safeHead = head - BigInt(opts.confirmations);
  const stored = await readCursor(db, name);
  let cursor: CursorRow | null = stored;
  let reorgedTo: bigint | undefined;

  if (cursor) {
    const current =
      cursor.blockNumber <= head ? await client.getBlock({ blockNumber: cursor.blockNumber }).catch(() => null) : null;
    if (!current || current.hash !== cursor.blockHash) {
      const ancestor = await findCommonAncestor(opts, name, head);
      await db.transaction(async (tx) => rollbackTo(tx as unknown as Database, name, ancestor.number, ancestor.hash));
      opts.log?.(`reorg: block ${cursor.blockNumber} changed; rolled back to ${ancestor.number}`);
      reorgedTo = ancestor.number;
      cursor = { blockNumber: ancestor.number, blockHash: ancestor.hash };
    }
  }
  if (stored && stored.eventsVersion < INDEXER_EVENTS_VERSION) await planBackfill(opts, name, { ...stored, ...cursor });

  const withBackfill = async (r: SyncResult): Promise<SyncResult> => {
    const backfill = await backfillStep(opts, name);
    return backfill ? { ...r, backfill } : r;
  };

  const from = cursor ? cursor.blockNumber + 1n : contracts.startBlock;
  if (from > safeHead) {
    return withBackfill({
      inserted: 0,
      cursor: cursor?.blockNumber ?? from - 1n,
      safeHead,
      ...(reorgedTo !== undefined ? { reorgedTo } : {}),
    });
  }
  const span = adaptiveChunk.get(name) ?? chunk;
  const batch = await readBatch(opts, name, from, from + span - 1n < safeHead ? from + span - 1n : safeHead);
  // A log whose block hash differs from the block we just read means a reorg is under way: retry later.
  if (!batch) return { inserted: 0, cursor: cursor?.blockNumber ?? from - 1n, safeHead };
  const { to, toBlock, blocks } = batch;

  const inserted = await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    // Guard against two writers: the cursor must not have moved since we read it.
    const now = await readCursor(tx, name);
    if ((now?.blockNumber ?? null) !== (cursor?.blockNumber ?? null)) throw new IndexerConflictError();
    const n = await insertEvents(tx, batch);
    const keep = [...blocks.entries()].map(([blockNumber, b]) => ({ name, blockNumber, blockHash: b.hash }));
    if (keep.length) await tx.insert(indexerBlocks).values(keep).onConflictDoNothing();
    await tx
      .delete(indexerBlocks)
      .where(and(eq(indexerBlocks.name, name), sql`${indexerBlocks.blockNumber} < ${to - KEPT_BLOCKS}`));
    // A new cursor reads the whole event set from the start block: no backfill.
    await tx
      .insert(indexerCursor)
      .values({ name, blockNumber: to, blockHash: toBlock.hash, eventsVersion: INDEXER_EVENTS_VERSION })
      .onConflictDoUpdate({ target: indexerCursor.name, set: { blockNumber: to, blockHash: toBlock.hash } });
    return n;
  });
  return withBackfill({ inserted, cursor: to, safeHead, ...(reorgedTo !== undefined ? { reorgedTo } : {}) });
}

/** Another writer moved the cursor during our batch (nothing was written). */
export class IndexerConflictError extends Error {
  constructor() {
    super("Another indexer moved the cursor during this batch");
    this.name = "IndexerConflictError";
  }
}

/** True while the indexer has work without sleeping: blocks behind the confirmed head, or a backfill chunk. */
export function hasMoreWork(r: SyncResult): boolean {
  return r.cursor < r.safeHead || (r.backfill !== undefined && r.backfill.cursor < r.backfill.to);
}

/** Index until the cursor reaches the confirmed head and no backfill is pending. Returns the total of newly recorded events. */
export async function syncToHead(opts: IndexerOptions): Promise<SyncResult> {
  let total = 0;
  let reorgedTo: bigint | undefined;
  for (;;) {
    const r = await syncOnce(opts);
    total += r.inserted + (r.backfill?.inserted ?? 0);
    reorgedTo ??= r.reorgedTo;
    if (!hasMoreWork(r)) return { ...r, inserted: total, ...(reorgedTo !== undefined ? { reorgedTo } : {}) };
  }
}

/** The cursor and the chain head, for `/api/health`. */
export async function getIndexerLag(
  db: Database,
  head: bigint,
  name = DEFAULT_INDEXER_NAME,
): Promise<{ cursor: bigint | null; lag: bigint | null }> {
  const c = await readCursor(db, name);
  return c
    ? { cursor: c.blockNumber, lag: head > c.blockNumber ? head - c.blockNumber : 0n }
    : { cursor: null, lag: null };
}

export type IndexerCoverage = {
  /** Last block indexed. */
  cursor: bigint;
  /**
   * Every event of the current event set is recorded from the start block through this block (null: not yet for
   * any block, e.g. while the one-time backfill of an upgraded database has not begun).
   */
  completeThrough: bigint | null;
  /** The backfill's progress, while one is pending. */
  backfill: { cursor: bigint; to: bigint } | null;
};

/** How far the indexer's record is complete, for views built only from it (the register at a past block). */
export async function getIndexerCoverage(db: Database, name = DEFAULT_INDEXER_NAME): Promise<IndexerCoverage | null> {
  const c = await readCursor(db, name);
  if (!c) return null;
  if (c.eventsVersion < INDEXER_EVENTS_VERSION) return { cursor: c.blockNumber, completeThrough: null, backfill: null };
  if (c.backfillTo !== null && c.backfillCursor !== null) {
    const through = c.backfillCursor < c.blockNumber ? c.backfillCursor : c.blockNumber;
    return {
      cursor: c.blockNumber,
      completeThrough: through,
      backfill: { cursor: c.backfillCursor, to: c.backfillTo },
    };
  }
  return { cursor: c.blockNumber, completeThrough: c.blockNumber, backfill: null };
}
