/**
 * The holder register of one share token at a past block, read from the indexer's tables instead of the chain node's
 * historical state (which a pruned node no longer has).
 *
 * Nothing of the token's accounting is recomputed here. For every block in which the token's events changed its
 * register, the indexer stored what the token's own views said at that block (`lib/compliance/token-states.ts`): the
 * header (supply, holder counts, pause, holder limit) and, for each wallet the events named, its balance, freeze flag
 * and frozen part, running lock-up lots and the investor id its balance is accounted to. The register at a block is
 * the latest header and the latest row of each wallet up to that block, keeping the wallets that hold shares; then,
 * at that block's time:
 *
 * - the locked amount and release are those of the stored lots still running (a lot ends with time, not an event);
 * - a wallet is verified when the registry's link events link it and its investor's latest record (KYC expiry) is
 *   after that time (registry facts from its events, joined as the chain's `isVerified` does).
 *
 * Holders come in wallet order (the console sorts them itself; the chain's enumeration order is not a register fact).
 *
 * Four queries whatever the number of holders (one more of the last two per 5,000 wallets). Plain module (no
 * `server-only`): the server calls it from `register.ts`, tests and benchmarks with their own database. It reads
 * only the indexer's tables.
 */
import { and, asc, desc, eq, inArray, lte, type SQL, sql } from "drizzle-orm";
import { type Address, getAddress, type Hex } from "viem";
import type { Database } from "@/lib/db/connect";
import { chainEvents, tokenStates, tokenWalletStates } from "@/lib/db/schema";
import type { ChainHolder } from "./register-chain";

const LINK_EVENTS = ["WalletLinked", "WalletUnlinked"] as const;
const INVESTOR_EVENTS = ["InvestorRegistered", "InvestorUpdated", "InvestorRemoved"] as const;

export type IndexedRegister = {
  token: Address;
  blockNumber: bigint;
  blockTime: number;
  totalSupply: bigint;
  holderCount: number;
  holderWalletCount: number;
  paused: boolean;
  /** The holder limit at the block; null when the indexer has no state of the token up to it (no event yet). */
  maxHolders: number | null;
  /** In wallet order. */
  holders: ChainHolder[];
};

/** Checksummed addresses, memoised across registers (a checksum is a keccak: 10,000 of them take ~0.2 s). */
const checksums = new Map<string, Address>();
function checksum(lowercase: string): Address {
  let v = checksums.get(lowercase);
  if (!v) {
    if (checksums.size >= 100_000) checksums.clear();
    checksums.set(lowercase, (v = getAddress(lowercase)));
  }
  return v;
}

/** Values per `IN (…)` list (well under the 65,535 bind parameters of one statement). */
const IN_CHUNK = 5_000;
function chunked<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += IN_CHUNK) out.push(list.slice(i, i + IN_CHUNK));
  return out;
}
const later = (
  x: { blockNumber: bigint; logIndex: number },
  y: { blockNumber: bigint; logIndex: number } | undefined,
): boolean => !y || x.blockNumber > y.blockNumber || (x.blockNumber === y.blockNumber && x.logIndex > y.logIndex);

type LatestEvent = { key: string; value: string | null; eventName: string; blockNumber: bigint; logIndex: number };

/**
 * The registry's latest of `events` up to the block for each of `keys` (what `keyOf` reads from an event), with
 * what `valueOf` reads from it. The keys are passed as lists, in chunks.
 */
async function latestRegistryEvents(
  db: Database,
  {
    registry,
    blockNumber,
    events,
    keys,
    keyOf,
    valueOf,
  }: {
    registry: string;
    blockNumber: bigint;
    events: readonly string[];
    keys: readonly string[];
    keyOf: SQL;
    valueOf: SQL;
  },
): Promise<Map<string, LatestEvent>> {
  const ce = chainEvents;
  const latest = new Map<string, LatestEvent>();
  for (const part of chunked(keys)) {
    const rows = await db
      .select({
        key: sql<string>`${keyOf}`,
        value: sql<string | null>`${valueOf}`,
        eventName: ce.eventName,
        blockNumber: ce.blockNumber,
        logIndex: ce.logIndex,
      })
      .from(ce)
      .where(
        and(
          eq(ce.contract, registry),
          inArray(ce.eventName, [...events]),
          lte(ce.blockNumber, blockNumber),
          inArray(keyOf, part),
        ),
      );
    for (const row of rows) if (later(row, latest.get(row.key))) latest.set(row.key, row);
  }
  return latest;
}

/**
 * The register of `token` at `blockNumber` (whose timestamp is `blockTime`) from the indexer's tables. The caller
 * checks that the indexer's record is complete through that block (`getIndexerCoverage`).
 *
 * The queries never join a table to itself: the wallets and investor ids are taken from the previous query's rows
 * and passed as lists, so the plan stays a scan plus a hashed list lookup even without table statistics (PGlite runs
 * no autovacuum; a self-join planned on no statistics became a nested loop, quadratic in the holders).
 */
export async function readIndexedRegister({
  db,
  token,
  registry,
  blockNumber,
  blockTime,
}: {
  db: Database;
  token: Address;
  registry: Address;
  blockNumber: bigint;
  blockTime: number;
}): Promise<IndexedRegister> {
  const t = token.toLowerCase();
  const r = registry.toLowerCase();
  const ce = chainEvents;
  const ws = tokenWalletStates;
  const [[header], states] = await Promise.all([
    db
      .select()
      .from(tokenStates)
      .where(and(eq(tokenStates.token, t), lte(tokenStates.blockNumber, blockNumber)))
      .orderBy(desc(tokenStates.blockNumber))
      .limit(1),
    db
      .selectDistinctOn([ws.wallet], {
        wallet: ws.wallet,
        balance: ws.balance,
        frozen: ws.frozen,
        frozenAmount: ws.frozenAmount,
        lots: ws.lots,
        investorId: ws.investorId,
      })
      .from(ws)
      .where(and(eq(ws.token, t), lte(ws.blockNumber, blockNumber)))
      .orderBy(asc(ws.wallet), desc(ws.blockNumber)),
  ]);
  const held = states.filter((s) => BigInt(s.balance) > 0n);
  const receivers = held.map((s) => s.wallet);
  const investorIdOf = sql`lower(${ce.args}->>'investorId')`;
  // The registry's latest link event of each holding wallet up to the block (value: the investor id).
  const links = await latestRegistryEvents(db, {
    registry: r,
    blockNumber,
    events: LINK_EVENTS,
    keys: receivers,
    keyOf: sql`${ce.args}->>'wallet'`,
    valueOf: investorIdOf,
  });
  const linked = new Map<string, string>();
  for (const [w, e] of links) if (e.eventName === "WalletLinked") linked.set(w, e.value as string);
  // The latest record (value: the KYC expiry) of every investor those wallets are linked to.
  const latest = await latestRegistryEvents(db, {
    registry: r,
    blockNumber,
    events: INVESTOR_EVENTS,
    keys: [...new Set(linked.values())],
    keyOf: investorIdOf,
    valueOf: sql`${ce.args}->>'kycExpiry'`,
  });
  const expiry = (investorId: string): bigint => {
    const row = latest.get(investorId);
    return !row || row.eventName === "InvestorRemoved" ? 0n : BigInt(row.value ?? "0");
  };

  const at = BigInt(blockTime);
  return {
    token,
    blockNumber,
    blockTime,
    totalSupply: BigInt(header?.totalSupply ?? "0"),
    holderCount: header?.holderCount ?? 0,
    holderWalletCount: header?.holderWalletCount ?? 0,
    paused: header?.paused ?? false,
    maxHolders: header?.maxHolders ?? null,
    holders: held.map((s): ChainHolder => {
      let lockedAmount = 0n;
      let lockedUntil = 0n;
      for (const [amount, release] of s.lots) {
        const until = BigInt(release);
        if (until <= at) continue;
        lockedAmount += BigInt(amount);
        if (until > lockedUntil) lockedUntil = until;
      }
      const investor = linked.get(s.wallet);
      return {
        wallet: checksum(s.wallet),
        shares: BigInt(s.balance),
        frozen: s.frozen,
        frozenAmount: BigInt(s.frozenAmount),
        lockedAmount,
        lockedUntil: Number(lockedUntil),
        investorId: s.investorId as Hex,
        verified: investor !== undefined && at < expiry(investor),
      };
    }),
  };
}
