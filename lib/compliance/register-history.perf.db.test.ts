/**
 * The register at a past block stays a few queries however many holders: 10,000 holders (synthetic indexer rows:
 * registrations and links, and the register snapshots the indexer stores after mints with lock-ups, partial freezes,
 * transfers and forced transfers, several per wallet) are read with a constant number of SQL statements, in well
 * under a few seconds; the identity join adds a few more. Prints the timings.
 */
import { getAddress, keccak256, toHex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/connect";
import { chainEvents, investors, investorWallets, tokenStates, tokenWalletStates } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { loadIdentities } from "./register-identities";
import { readIndexedRegister } from "./register-history";
import { joinRegister } from "./register-query";

const HOLDERS = 10_000;
const token = "0x00000000000000000000000000000000000a7e11";
const registry = "0x0000000000000000000000000000000000000ee1";
const walletOf = (i: number) => `0x${(i + 1).toString(16).padStart(40, "0")}`;
const investorOf = (i: number) => keccak256(toHex(`perf-investor-${i}`));
const T0 = 1_800_000_000;

let t: TestDatabase;
let lastBlock = 0n;

/** Counts the statements the database client runs (both drivers call `query` on their client). */
function countQueries(db: Database): { count: () => number; stop: () => void } {
  const client = (db as unknown as { $client: { query: (...args: unknown[]) => Promise<unknown> } }).$client;
  const original = client.query;
  let n = 0;
  client.query = function (this: unknown, ...args: unknown[]) {
    n++;
    return original.apply(this, args);
  };
  return { count: () => n, stop: () => (client.query = original) };
}

beforeAll(async () => {
  t = await createTestDatabase();
  type Row = typeof chainEvents.$inferInsert;
  type WalletRow = typeof tokenWalletStates.$inferInsert;
  const rows: Row[] = [];
  const walletRows: WalletRow[] = [];
  const tokenRows: (typeof tokenStates.$inferInsert)[] = [];
  let block = 100n;
  let log = 0;
  const next = () => {
    if (++log >= 40) {
      block++;
      log = 0;
    }
  };
  const push = (contract: string, eventName: string, args: Record<string, string | number | boolean>) => {
    rows.push({
      blockNumber: block,
      blockHash: toHex(block, { size: 32 }),
      blockTime: new Date((T0 + Number(block) * 2) * 1000),
      txHash: keccak256(toHex(`${block}:${log}`)),
      logIndex: log,
      contract,
      eventName,
      args,
      token: contract === token ? token : null,
    });
    next();
  };
  const far = T0 + 10 * 365 * 86_400;
  for (let i = 0; i < HOLDERS; i++) {
    push(registry, "InvestorRegistered", {
      investorId: investorOf(i),
      wallet: walletOf(i),
      country: 344,
      category: 1,
      kycExpiry: String(i % 50 === 0 ? T0 : far),
    });
    push(registry, "WalletLinked", { wallet: walletOf(i), investorId: investorOf(i) });
  }
  // What the token's views said after each change, as the indexer stores it (several rows per wallet).
  const balance = new Map<number, number>();
  const frozen = new Map<number, number>();
  const snapshot = (i: number) => {
    walletRows.push({
      token,
      wallet: walletOf(i),
      blockNumber: block,
      balance: String(balance.get(i) ?? 0),
      frozen: false,
      frozenAmount: String(frozen.get(i) ?? 0),
      lots: i % 3 === 0 ? [["100", String(far)]] : [["100", String(T0 + 1)]],
      investorId: investorOf(i),
    });
    next();
  };
  const header = () =>
    tokenRows.push({
      token,
      blockNumber: block,
      totalSupply: String(HOLDERS * 100),
      holderCount: HOLDERS,
      holderWalletCount: HOLDERS,
      paused: false,
      maxHolders: 0,
    });
  for (let i = 0; i < HOLDERS; i++) {
    balance.set(i, 100);
    snapshot(i);
    if (log === 0) header();
  }
  for (let i = 0; i < HOLDERS; i += 10) {
    frozen.set(i, 10);
    snapshot(i);
  }
  header();
  for (let i = 1; i + 1 < HOLDERS; i += 20) {
    balance.set(i, balance.get(i)! - 30);
    balance.set(i + 1, balance.get(i + 1)! + 30);
    snapshot(i);
    snapshot(i + 1);
  }
  header();
  for (let i = 2; i < HOLDERS; i += 50) {
    balance.set(i, balance.get(i)! - 40);
    balance.set(i - 2, balance.get(i - 2)! + 40);
    snapshot(i);
    snapshot(i - 2);
  }
  header();
  for (let i = 0; i < rows.length; i += 1_000) await t.db.insert(chainEvents).values(rows.slice(i, i + 1_000));
  for (let i = 0; i < walletRows.length; i += 1_000)
    await t.db.insert(tokenWalletStates).values(walletRows.slice(i, i + 1_000));
  await t.db.insert(tokenStates).values(tokenRows);
  lastBlock = block;
  // The off-chain identities of every holder, for the join.
  for (let i = 0; i < HOLDERS; i += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, HOLDERS - i) }, (_, k) => i + k);
    const inserted = await t.db
      .insert(investors)
      .values(
        batch.map((k) => ({
          legalName: `Investor ${k}`,
          onChainId: investorOf(k),
          kycStatus: "approved" as const,
          residence: "HK",
          category: "retail" as const,
        })),
      )
      .returning({ id: investors.id });
    await t.db
      .insert(investorWallets)
      .values(inserted.map((r, k) => ({ address: walletOf(i + k), investorId: r.id, isPrimary: true })));
  }
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe("register at a past block, 10,000 holders", () => {
  it("is a constant number of queries and fast", async () => {
    const blockTime = T0 + Number(lastBlock) * 2;
    const coldStarted = performance.now();
    await readIndexedRegister({
      db: t.db,
      token: getAddress(token),
      registry: getAddress(registry),
      blockNumber: lastBlock,
      blockTime,
    }); // first view (cold caches)
    const coldMs = performance.now() - coldStarted;
    const counter = countQueries(t.db);
    const runs: number[] = [];
    let built;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      built = await readIndexedRegister({
        db: t.db,
        token: getAddress(token),
        registry: getAddress(registry),
        blockNumber: lastBlock,
        blockTime,
      });
      runs.push(performance.now() - started);
    }
    const queries = counter.count() / 3;
    const joinStarted = performance.now();
    const identities = await loadIdentities(t.db, {
      investorIds: built!.holders.map((h) => h.investorId),
      wallets: built!.holders.map((h) => h.wallet),
    });
    const rows = joinRegister(built!.holders, built!.totalSupply, identities);
    const joinMs = performance.now() - joinStarted;
    const joinQueries = counter.count() - queries * 3;
    counter.stop();

    expect(built!.holderWalletCount).toBe(HOLDERS);
    expect(built!.holderCount).toBe(HOLDERS);
    expect(built!.totalSupply).toBe(BigInt(HOLDERS * 100));
    expect(built!.holders.filter((h) => !h.verified)).toHaveLength(HOLDERS / 50);
    // Each wallet's latest snapshot, lots read at the block's time.
    expect(built!.holders.reduce((sum, h) => sum + h.shares, 0n)).toBe(BigInt(HOLDERS * 100));
    expect(built!.holders.find((h) => h.wallet === getAddress(walletOf(2)))).toMatchObject({
      shares: 90n, // 100 + 30 received − 40 forced away
      frozenAmount: 0n,
      lockedAmount: 0n,
    });
    expect(built!.holders.find((h) => h.wallet === getAddress(walletOf(0)))).toMatchObject({
      shares: 140n,
      frozenAmount: 10n,
      lockedAmount: 100n,
    });
    expect(rows.every((r) => r.identity !== null)).toBe(true);
    // The token's header and wallet snapshots, then links and investor records per 5,000 wallets: never per wallet.
    expect(queries).toBeLessThanOrEqual(2 + 2 * Math.ceil(HOLDERS / 5_000));
    const median = [...runs].sort((x, y) => x - y)[1]!;
    console.log(
      `[bench] past-block register, ${HOLDERS} holders (${t.driver}): first view ${coldMs.toFixed(0)} ms, then ${median.toFixed(0)} ms (runs ${runs.map((r) => r.toFixed(0)).join(", ")} ms, ${queries} queries); identity join ${joinMs.toFixed(0)} ms (${joinQueries} queries)`,
    );
    expect(median).toBeLessThan(5_000);
  }, 120_000);
});
