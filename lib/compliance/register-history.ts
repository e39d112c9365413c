/**
 * The holder register of one share token at a past block, built from the indexer's `chain_events` instead of the
 * chain node's historical state (which a pruned node no longer has).
 *
 * A few queries, whatever the number of holders (one more of each per 5,000 wallets): the token's events up to the
 * block (transfers, mints with their lock-up, freezes, forced transfers, recoveries, burns, pause, rules), the
 * registry's link events of every wallet that ever received the token, and the records (KYC expiry) of the investors
 * those wallets were linked to.
 * The events are then replayed in chain order, applying the rules of `ArtworkShareToken` exactly:
 *
 * - balances and supply follow `Transfer`; a wallet joins the holder enumeration when its balance becomes non-zero
 *   and leaves it (swap-and-pop, like OpenZeppelin's EnumerableSet) when it is zero again;
 * - the investor id a holding wallet's balance is accounted to is the registry link it had when its balance became
 *   non-zero, kept until the balance is zero again (relinking meanwhile does not move it); holders are counted per
 *   investor;
 * - lock-ups are kept per purchase lot, from events alone: a mint adds its shares to the lot of the release its
 *   `SharesMinted` names; `LockMerged` moves held shares to a later release (a merge that placed the purchase itself
 *   in a later lot names a release no held lot has, and `SharesMinted` already says where the shares went);
 *   `LockConsumed` takes shares out of a lot (forced transfer, burn); a lot is over once the block time reaches it;
 * - frozen shares follow `SharesFrozen` / `SharesUnfrozen` (a forced transfer or burn emits the latter for the
 *   frozen shares it consumed);
 * - a recovery moves the lost wallet's lots (`LockMoved`), frozen part and freeze flag (`FreezeMoved`,
 *   `WalletFrozenSet`) to the new wallet; the lost wallet stays frozen, holding nothing;
 * - at the block itself: locked amount (the running lots) and release (the latest running one) show only while a
 *   lot runs at that block's time, and a wallet is verified when the registry links it and its investor's KYC expiry
 *   is after that block's time.
 *
 * Plain module (no `server-only`): the server calls it from `register.ts`, tests and benchmarks with their own
 * database. It reads only the indexer's tables.
 */
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { type Address, getAddress, type Hex, zeroHash } from "viem";
import type { Database } from "@/lib/db/connect";
import { chainEvents } from "@/lib/db/schema";
import { TOKEN_REGISTER_EVENTS } from "@/lib/indexer/indexer";
import type { ChainHolder } from "./register-chain";

/** Token events the replay reads (the indexer records them from event set 2 on). */
const REGISTER_TOKEN_EVENTS = ["Transfer", ...TOKEN_REGISTER_EVENTS] as const;
const LINK_EVENTS = ["WalletLinked", "WalletUnlinked"] as const;
const INVESTOR_EVENTS = ["InvestorRegistered", "InvestorUpdated", "InvestorRemoved"] as const;

type Args = Record<string, string | number | boolean>;
export type HistoryEvent = {
  eventName: string;
  args: Args;
  blockNumber: bigint;
  logIndex: number;
  txHash: string;
  blockTime: Date;
};
export type LinkEvent = { eventName: string; args: Args; blockNumber: bigint; logIndex: number };
/** An investor's registry record at the block: its KYC expiry (unix seconds), 0 once removed. */
export type InvestorRecord = { investorId: string; kycExpiry: bigint };

export type IndexedRegister = {
  token: Address;
  blockNumber: bigint;
  blockTime: number;
  totalSupply: bigint;
  holderCount: number;
  holderWalletCount: number;
  paused: boolean;
  /** From the latest RulesUpdated up to the block (initialize emits the deployment's rules); null when there was
   * none (a token deployed before initialize emitted them). */
  maxHolders: number | null;
  /** Some RulesUpdated exists after the block (so the rules now are not necessarily those at the block). */
  rulesChangedLater: boolean;
  /** In the token's on-chain enumeration order at that block. */
  holders: ChainHolder[];
};

type WalletState = {
  balance: bigint;
  frozen: boolean;
  frozenAmount: bigint;
  /** Lock-up lots: release (unix seconds) → shares; lots whose release has passed are dropped lazily. */
  lots: Map<bigint, bigint>;
  investor: string;
};

const ZERO = "0x0000000000000000000000000000000000000000";
const big = (v: string | number | boolean | undefined): bigint => BigInt(String(v ?? "0"));
const addr = (v: string | number | boolean | undefined): string => String(v ?? ZERO).toLowerCase();
const seconds = (d: Date): bigint => BigInt(Math.floor(d.getTime() / 1000));

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

/**
 * Replays a token's events (chain order) with the registry's link events (chain order) into the register at a block
 * whose timestamp is `blockTime` (unix seconds). Pure.
 */
export function replayRegister({
  tokenEvents,
  linkEvents,
  investorRecords,
  blockTime,
}: {
  tokenEvents: readonly HistoryEvent[];
  linkEvents: readonly LinkEvent[];
  investorRecords: readonly InvestorRecord[];
  blockTime: number;
}): Omit<IndexedRegister, "token" | "blockNumber" | "blockTime" | "rulesChangedLater"> {
  const wallets = new Map<string, WalletState>();
  const state = (w: string): WalletState => {
    let s = wallets.get(w);
    if (!s) {
      s = { balance: 0n, frozen: false, frozenAmount: 0n, lots: new Map(), investor: zeroHash };
      wallets.set(w, s);
    }
    return s;
  };
  // EnumerableSet: append on add, swap the last value into the hole on remove.
  const holders: string[] = [];
  const position = new Map<string, number>();
  const addHolder = (w: string) => {
    if (position.has(w)) return;
    position.set(w, holders.length);
    holders.push(w);
  };
  const removeHolder = (w: string) => {
    const i = position.get(w);
    if (i === undefined) return;
    const last = holders.pop()!;
    if (last !== w) {
      holders[i] = last;
      position.set(last, i);
    }
    position.delete(w);
  };
  const investorBalance = new Map<string, bigint>();
  const links = new Map<string, string>();
  let supply = 0n;
  let paused = false;
  let maxHolders: number | null = null;

  const applyLink = (e: LinkEvent) => {
    if (e.eventName === "WalletLinked") links.set(addr(e.args.wallet), String(e.args.investorId).toLowerCase());
    else links.delete(addr(e.args.wallet));
  };

  /** Adds `amount` to the lot released at `release` (dropping lots that are over at `now`). */
  const addLot = (s: WalletState, release: bigint, amount: bigint, now: bigint) => {
    for (const r of s.lots.keys()) if (r <= now) s.lots.delete(r);
    if (release > now && amount !== 0n) s.lots.set(release, (s.lots.get(release) ?? 0n) + amount);
  };
  /** Takes up to `amount` out of the running lot released at `release`; returns what it took. */
  const takeLot = (s: WalletState, release: bigint, amount: bigint, now: bigint): bigint => {
    const held = release > now ? (s.lots.get(release) ?? 0n) : 0n;
    const take = amount < held ? amount : held;
    if (held - take === 0n) s.lots.delete(release);
    else s.lots.set(release, held - take);
    return take;
  };

  let li = 0;
  for (let i = 0; i < tokenEvents.length; i++) {
    const e = tokenEvents[i]!;
    // Registry changes up to (and before, within the same block) this event.
    while (
      li < linkEvents.length &&
      (linkEvents[li]!.blockNumber < e.blockNumber ||
        (linkEvents[li]!.blockNumber === e.blockNumber && linkEvents[li]!.logIndex < e.logIndex))
    ) {
      applyLink(linkEvents[li]!);
      li++;
    }
    const a = e.args;
    const now = seconds(e.blockTime);
    switch (e.eventName) {
      case "Transfer": {
        const from = addr(a.from);
        const to = addr(a.to);
        const value = big(a.value);
        if (from === ZERO) supply += value;
        else state(from).balance -= value;
        if (to === ZERO) supply -= value;
        else state(to).balance += value;
        if (value === 0n) break;
        let fromInvestor: string = zeroHash;
        if (from !== ZERO) {
          const f = state(from);
          fromInvestor = f.investor;
          if (f.balance === 0n) {
            f.investor = zeroHash;
            removeHolder(from);
          }
        }
        let toInvestor: string = zeroHash;
        if (to !== ZERO) {
          const t = state(to);
          if (t.investor === zeroHash) {
            // The registry's link at the moment the balance becomes non-zero.
            toInvestor = links.get(to) ?? zeroHash;
            t.investor = toInvestor;
            addHolder(to);
          } else {
            toInvestor = t.investor;
          }
        }
        if (fromInvestor === toInvestor) break;
        if (from !== ZERO) investorBalance.set(fromInvestor, (investorBalance.get(fromInvestor) ?? 0n) - value);
        if (to !== ZERO) investorBalance.set(toInvestor, (investorBalance.get(toInvestor) ?? 0n) + value);
        break;
      }
      case "SharesMinted": {
        const until = big(a.lockedUntil);
        if (until === 0n) break; // no lock-up configured (or nothing minted)
        addLot(state(addr(a.to)), until, big(a.amount), now);
        break;
      }
      case "LockMerged": {
        const s = state(addr(a.wallet));
        const moved = takeLot(s, big(a.fromRelease), big(a.amount), now);
        addLot(s, big(a.toRelease), moved, now);
        break;
      }
      case "LockConsumed":
        takeLot(state(addr(a.wallet)), big(a.releaseAt), big(a.amount), now);
        break;
      case "LockMoved": {
        const moved = takeLot(state(addr(a.lostWallet)), big(a.releaseAt), big(a.amount), now);
        addLot(state(addr(a.newWallet)), big(a.releaseAt), moved, now);
        break;
      }
      case "FreezeMoved": {
        const lost = state(addr(a.lostWallet));
        const amount = big(a.frozenAmount);
        lost.frozenAmount -= amount;
        state(addr(a.newWallet)).frozenAmount += amount;
        break;
      }
      case "WalletFrozenSet":
        state(addr(a.wallet)).frozen = a.frozen === true || a.frozen === "true";
        break;
      case "SharesFrozen":
        state(addr(a.wallet)).frozenAmount += big(a.amount);
        break;
      case "SharesUnfrozen":
        // Also emitted for the frozen shares a forced transfer or burn consumed.
        state(addr(a.wallet)).frozenAmount -= big(a.amount);
        break;
      case "WalletRecovered": {
        // Lots and freeze state moved with their own events; the lost wallet keeps its (frozen) flag only.
        const lost = state(addr(a.lostWallet));
        lost.lots.clear();
        lost.frozenAmount = 0n;
        break;
      }
      case "Paused":
        paused = true;
        break;
      case "Unpaused":
        paused = false;
        break;
      case "RulesUpdated": {
        try {
          const rules = JSON.parse(String(a.rules)) as { maxHolders?: number | string };
          maxHolders = Number(rules.maxHolders ?? 0);
        } catch {
          maxHolders = null;
        }
        break;
      }
    }
  }
  while (li < linkEvents.length) applyLink(linkEvents[li++]!);

  const at = BigInt(blockTime);
  const expiry = new Map(investorRecords.map((r) => [r.investorId.toLowerCase(), r.kycExpiry]));
  let holderCount = 0;
  for (const b of investorBalance.values()) if (b > 0n) holderCount++;
  return {
    totalSupply: supply,
    holderCount,
    holderWalletCount: holders.length,
    paused,
    maxHolders,
    holders: holders.map((w): ChainHolder => {
      const s = state(w);
      let lockedAmount = 0n;
      let lockedUntil = 0n;
      for (const [release, amount] of s.lots) {
        if (release <= at) continue;
        lockedAmount += amount;
        if (release > lockedUntil) lockedUntil = release;
      }
      const linked = links.get(w);
      return {
        wallet: checksum(w),
        shares: s.balance,
        frozen: s.frozen,
        frozenAmount: s.frozenAmount,
        lockedAmount,
        lockedUntil: Number(lockedUntil),
        investorId: s.investor as Hex,
        verified: linked !== undefined && at < (expiry.get(linked) ?? 0n),
      };
    }),
  };
}

/** Values per `IN (…)` list (well under the 65,535 bind parameters of one statement). */
const IN_CHUNK = 5_000;
function chunked<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += IN_CHUNK) out.push(list.slice(i, i + IN_CHUNK));
  return out;
}

/**
 * The register of `token` at `blockNumber` (whose timestamp is `blockTime`) from the indexer's tables. The caller
 * checks that the indexer's record is complete through that block (`getIndexerCoverage`).
 *
 * The queries never join `chain_events` to itself: the wallets and investor ids are taken from the previous query's
 * rows and passed as lists, so the plan stays a scan plus a hashed list lookup even without table statistics (PGlite
 * runs no autovacuum; a self-join planned on no statistics became a nested loop, quadratic in the holders).
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
  const [tokenEvents, [later]] = await Promise.all([
    db
      .select({
        eventName: ce.eventName,
        args: ce.args,
        blockNumber: ce.blockNumber,
        logIndex: ce.logIndex,
        txHash: ce.txHash,
        blockTime: ce.blockTime,
      })
      .from(ce)
      .where(
        and(
          eq(ce.token, t),
          eq(ce.contract, t),
          inArray(ce.eventName, [...REGISTER_TOKEN_EVENTS]),
          lte(ce.blockNumber, blockNumber),
        ),
      )
      .orderBy(asc(ce.blockNumber), asc(ce.logIndex)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(ce)
      .where(
        and(
          eq(ce.token, t),
          eq(ce.contract, t),
          eq(ce.eventName, "RulesUpdated"),
          sql`${ce.blockNumber} > ${blockNumber}`,
        ),
      ),
  ]);
  // Only wallets that ever received the token can be holders: their registry links, in chain order.
  const receivers = [
    ...new Set(tokenEvents.filter((e) => e.eventName === "Transfer").map((e) => addr(e.args.to))),
  ].filter((w) => w !== ZERO);
  const linkEvents = (
    await Promise.all(
      chunked(receivers).map((wallets) =>
        db
          .select({ eventName: ce.eventName, args: ce.args, blockNumber: ce.blockNumber, logIndex: ce.logIndex })
          .from(ce)
          .where(
            and(
              eq(ce.contract, r),
              inArray(ce.eventName, [...LINK_EVENTS]),
              lte(ce.blockNumber, blockNumber),
              inArray(sql`${ce.args}->>'wallet'`, wallets),
            ),
          ),
      ),
    )
  )
    .flat()
    .sort((x, y) =>
      x.blockNumber === y.blockNumber ? x.logIndex - y.logIndex : x.blockNumber < y.blockNumber ? -1 : 1,
    );
  // The latest record (KYC expiry) of every investor those wallets were linked to.
  const ids = [
    ...new Set(
      linkEvents.filter((e) => e.eventName === "WalletLinked").map((e) => String(e.args.investorId).toLowerCase()),
    ),
  ];
  const latest = new Map<
    string,
    { blockNumber: bigint; logIndex: number; eventName: string; kycExpiry: string | null }
  >();
  for (const part of chunked(ids)) {
    const rows = await db
      .select({
        investorId: sql<string>`lower(${ce.args}->>'investorId')`,
        eventName: ce.eventName,
        kycExpiry: sql<string | null>`${ce.args}->>'kycExpiry'`,
        blockNumber: ce.blockNumber,
        logIndex: ce.logIndex,
      })
      .from(ce)
      .where(
        and(
          eq(ce.contract, r),
          inArray(ce.eventName, [...INVESTOR_EVENTS]),
          lte(ce.blockNumber, blockNumber),
          inArray(sql`lower(${ce.args}->>'investorId')`, part),
        ),
      );
    for (const row of rows) {
      const seen = latest.get(row.investorId);
      if (
        !seen ||
        row.blockNumber > seen.blockNumber ||
        (row.blockNumber === seen.blockNumber && row.logIndex > seen.logIndex)
      )
        latest.set(row.investorId, row);
    }
  }
  const investorRecords = [...latest.entries()].map(([investorId, row]) => ({
    investorId,
    kycExpiry: row.eventName === "InvestorRemoved" ? 0n : BigInt(row.kycExpiry ?? "0"),
  }));
  const replayed = replayRegister({ tokenEvents, linkEvents, investorRecords, blockTime });
  return { token, blockNumber, blockTime, rulesChangedLater: (later?.n ?? 0) > 0, ...replayed };
}
