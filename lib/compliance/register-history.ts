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
 * - a mint with a lock-up adds to the wallet's locked amount when its lock-up is still running at the mint's block
 *   time (else restarts it) and moves the release time; a lock-up is over once the block time reaches it;
 * - a forced transfer or burn then trims the sender's restrictions to its balance: locked shares first (unevented,
 *   recomputed here), then frozen ones (the contract's `SharesUnfrozen` for that part is not applied a second time);
 * - a recovery moves the lost wallet's freeze flag, frozen part and running lock-up to the new wallet, merging two
 *   running lock-ups (sum, later release), and clears the lost wallet;
 * - at the block itself: locked amount and release show only while the lock-up runs at that block's time, and a
 *   wallet is verified when the registry links it and its investor's KYC expiry is after that block's time.
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
  /** From the latest RulesUpdated up to the block; null when there was none (the deployment's rules apply). */
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
  lockedAmount: bigint;
  lockedUntil: bigint;
  investor: string;
};

const ZERO = "0x0000000000000000000000000000000000000000";
const TRIMMING = new Set(["ForcedTransferred", "SharesBurned", "WalletRecovered"]);
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
      s = { balance: 0n, frozen: false, frozenAmount: 0n, lockedAmount: 0n, lockedUntil: 0n, investor: zeroHash };
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

  /** After a forced transfer or burn (`_trimRestrictions`): locked + frozen ≤ balance, consuming locked first. */
  const trim = (w: string, now: bigint) => {
    const s = state(w);
    const locked = s.lockedUntil > now ? s.lockedAmount : 0n;
    const restricted = s.frozenAmount + locked;
    if (restricted <= s.balance) return;
    let excess = restricted - s.balance;
    const fromLocked = excess < locked ? excess : locked;
    if (fromLocked !== 0n) s.lockedAmount = locked - fromLocked;
    excess -= fromLocked;
    if (excess !== 0n) s.frozenAmount -= excess;
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
        const s = state(addr(a.to));
        const still = s.lockedUntil > now ? s.lockedAmount : 0n;
        s.lockedAmount = still + big(a.amount);
        s.lockedUntil = until;
        break;
      }
      case "WalletFrozenSet":
        state(addr(a.wallet)).frozen = a.frozen === true || a.frozen === "true";
        break;
      case "SharesFrozen":
        state(addr(a.wallet)).frozenAmount += big(a.amount);
        break;
      case "SharesUnfrozen": {
        // The trim of a forced transfer, burn or recovery emits this right before that action's own event; the
        // replay computes the trim itself at that event.
        const next = tokenEvents[i + 1];
        const wallet = addr(a.wallet);
        const partOfTrim =
          next !== undefined &&
          next.txHash === e.txHash &&
          next.logIndex === e.logIndex + 1 &&
          TRIMMING.has(next.eventName) &&
          addr(next.eventName === "WalletRecovered" ? next.args.lostWallet : next.args.from) === wallet;
        if (!partOfTrim) state(wallet).frozenAmount -= big(a.amount);
        break;
      }
      case "ForcedTransferred":
      case "SharesBurned":
        if (big(a.amount) !== 0n) trim(addr(a.from), now);
        break;
      case "WalletRecovered": {
        const lostWallet = addr(a.lostWallet);
        const lost = state(lostWallet);
        const next = state(addr(a.newWallet));
        next.frozen = next.frozen || lost.frozen;
        next.frozenAmount += lost.frozenAmount;
        const lostLocked = lost.lockedUntil > now;
        const nextLocked = next.lockedUntil > now;
        if (lostLocked && nextLocked) {
          next.lockedAmount += lost.lockedAmount;
          if (lost.lockedUntil > next.lockedUntil) next.lockedUntil = lost.lockedUntil;
        } else if (lostLocked) {
          next.lockedAmount = lost.lockedAmount;
          next.lockedUntil = lost.lockedUntil;
        }
        wallets.delete(lostWallet); // balance is zero after the transfer; freeze and lock-up are gone
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
      const running = s.lockedUntil > at;
      const linked = links.get(w);
      return {
        wallet: checksum(w),
        shares: s.balance,
        frozen: s.frozen,
        frozenAmount: s.frozenAmount,
        lockedAmount: running ? s.lockedAmount : 0n,
        lockedUntil: running ? Number(s.lockedUntil) : 0,
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
