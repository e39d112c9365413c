/**
 * Faults, the indexer, against a real anvil and a real database:
 *
 * - killed mid-batch: the batch's events are written inside its database transaction and the process dies before
 *   the cursor moves (the transaction never commits); a restarted indexer (new client, new database connection)
 *   ends with exactly the chain's events — none twice, none missing. On PostgreSQL the same with the connection
 *   cut as the batch's cursor is sent (the database sees the writer vanish mid-transaction).
 * - a reorg deeper than the confirmations (the indexer waits for 2; 6 already-indexed blocks are replaced): the
 *   indexer rolls back, and the register built from its events (each holder's shares) equals the chain's balances.
 */
import { eq, sql } from "drizzle-orm";
import { type Address, type Hex, keccak256, parseEventLogs, toHex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artworkShareTokenAbi, identityRegistryAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import { devAccount, offeringMinter, startTestChain, type TestChain } from "@/lib/chain/local/test-chain";
import type { Database } from "@/lib/db/connect";
import { chainEvents, indexerBlocks, indexerCursor } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { type IndexerOptions, syncOnce, syncToHead } from "@/lib/indexer/projections";
import { createProxiedDatabase, postgresAnswers } from "./postgres";

const pgAvailable = await postgresAnswers();

const admin = devAccount(0);
const holders = [5, 6, 7, 11, 13, 14].map(devAccount);

let tc: TestChain;
let t: TestDatabase;
let token: Address;
let mint: (to: Address, shares: bigint) => Promise<void>;

const options = (db: Database, over: Partial<IndexerOptions> = {}): IndexerOptions => ({
  db,
  client: tc.client as IndexerOptions["client"],
  contracts: { ...tc.deployments, market: tc.deployments.market },
  confirmations: 0,
  chunkSize: 4n,
  ...over,
});

/** Every InvestorRegistered and Transfer the chain has, as (transaction hash, log index) keys. */
async function chainKeys(): Promise<string[]> {
  const [registered, transfers] = await Promise.all([
    tc.client.getContractEvents({
      address: tc.deployments.identityRegistry,
      abi: identityRegistryAbi,
      eventName: "InvestorRegistered",
      fromBlock: 0n,
    }),
    tc.client.getContractEvents({ address: token, abi: artworkShareTokenAbi, eventName: "Transfer", fromBlock: 0n }),
  ]);
  return [...registered, ...transfers].map((l) => `${l.transactionHash}:${l.logIndex}`).sort();
}

async function tableKeys(db: Database): Promise<string[]> {
  const rows = await db
    .select({ txHash: chainEvents.txHash, logIndex: chainEvents.logIndex })
    .from(chainEvents)
    .where(sql`${chainEvents.eventName} in ('InvestorRegistered', 'Transfer')`);
  return rows.map((r) => `${r.txHash}:${r.logIndex}`).sort();
}

/** A database whose indexer "dies" in its `kill`-th batch: after the batch's events are written, before its cursor. */
function dyingDb(db: Database, kill: number): { db: Database; died: () => boolean } {
  let batches = 0;
  let died = false;
  const wrapTx = (tx: Database): Database =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop !== "insert") return Reflect.get(target, prop, receiver) as unknown;
        return (table: unknown) => {
          if (table === indexerCursor && ++batches === kill) {
            died = true;
            throw new Error("indexer killed mid-batch");
          }
          return target.insert(table as typeof indexerCursor);
        };
      },
    });
  const wrapped = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== "transaction") return Reflect.get(target, prop, receiver) as unknown;
      return (fn: (tx: Database) => Promise<unknown>) =>
        target.transaction((tx) => fn(wrapTx(tx as unknown as Database)));
    },
  });
  return { db: wrapped, died: () => died };
}

beforeAll(async () => {
  [tc, t] = await Promise.all([startTestChain({ agents: [admin], issuers: [admin] }), createTestDatabase()]);
  const expiry = BigInt(Math.floor(Date.now() / 1000) + 365 * 86_400);
  // One block per registration: many small batches for the indexer.
  for (const [i, h] of holders.entries()) {
    await tc.send(
      tc.wallet(admin).writeContract({
        address: tc.deployments.identityRegistry,
        abi: identityRegistryAbi,
        functionName: "registerInvestor",
        args: [h.address, keccak256(toHex(`faults-investor-${i}`)), 344, 1, expiry],
      }),
    );
  }
  const deployed = await tc.send(
    tc.wallet(admin).writeContract({
      address: tc.deployments.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "deployToken",
      args: [
        "Faults",
        "FLT",
        1_000_000n,
        {
          allowedCountries: [],
          eligibleCategories: 14,
          maxHolders: 1000,
          maxBalancePerInvestor: 1_000_000n,
          lockupSeconds: 0n,
        },
        "ipfs://x",
        `0x${"22".repeat(32)}`,
      ],
    }),
  );
  token = parseEventLogs({ abi: shareTokenFactoryAbi, logs: deployed.logs, eventName: "TokenDeployed" })[0]!.args.token;
  const minter = await offeringMinter(tc.url, tc.deployments.primaryOffering);
  mint = async (to, shares) => {
    await tc.send(
      minter.writeContract({ address: token, abi: artworkShareTokenAbi, functionName: "mint", args: [to, shares] }),
    );
  };
  for (const [i, h] of holders.entries()) await mint(h.address, BigInt(10 * (i + 1)));
}, 180_000);

afterAll(async () => {
  await t?.close();
  await tc?.stop();
});

describe("faults: the indexer killed mid-batch and restarted", () => {
  it("ends with every event once, none missing (killed before its batch commits)", async () => {
    const killed = { name: "killed" };
    const dying = dyingDb(t.db, 3);
    await expect(syncToHead(options(dying.db, killed))).rejects.toThrow("indexer killed mid-batch");
    expect(dying.died()).toBe(true);
    const [cursor] = await t.db.select().from(indexerCursor).where(eq(indexerCursor.name, "killed"));
    // Two batches committed, the third not: its events are not there either.
    expect(cursor?.blockNumber).toBe(tc.deployments.startBlock + 2n * 4n - 1n);
    const partial = await tableKeys(t.db);
    expect(partial.length).toBeLessThan((await chainKeys()).length);

    // Restarted: a fresh client on the same database.
    await syncToHead(options(t.db, killed));
    expect(await tableKeys(t.db)).toEqual(await chainKeys());
    const [dupes] = await t.db
      .select({ n: sql<number>`count(*)::int - count(distinct (${chainEvents.txHash}, ${chainEvents.logIndex}))::int` })
      .from(chainEvents);
    expect(dupes?.n).toBe(0);
  });

  it.skipIf(!pgAvailable)("ends with every event once when PostgreSQL loses the writer mid-transaction", async () => {
    const p = await createProxiedDatabase();
    try {
      // Two batches go through; the third's cursor write never reaches the server: the connection drops there.
      await syncOnce(options(p.db));
      await syncOnce(options(p.db));
      const cut = p.proxy.cutOn('insert into "indexer_cursor"');
      await expect(syncOnce(options(p.db))).rejects.toThrow();
      await cut;
      p.proxy.restore();

      // A restarted process: a new pool on the same database.
      const again = await p.reopen();
      const [cursor] = await again.db.select().from(indexerCursor);
      expect(cursor?.blockNumber).toBe(tc.deployments.startBlock + 2n * 4n - 1n);
      await syncToHead(options(again.db));
      expect(await tableKeys(again.db)).toEqual(await chainKeys());
    } finally {
      await p.close();
    }
  });
});

describe("faults: a reorg deeper than the confirmations", () => {
  it("rolls back and the register equals the chain again", async () => {
    const opts = options(t.db, { confirmations: 2, name: "reorg" });
    /** Each holder's shares as the indexer's Transfer events say, and as the chain says. */
    const registers = async () => {
      const rows = await t.db.execute(sql`
        select lower(w) as wallet, sum(v)::text as shares from (
          select ${chainEvents.args}->>'to' as w, (${chainEvents.args}->>'value')::numeric as v from ${chainEvents}
            where ${chainEvents.eventName} = 'Transfer' and ${chainEvents.token} = ${token.toLowerCase()}
          union all
          select ${chainEvents.args}->>'from', -(${chainEvents.args}->>'value')::numeric from ${chainEvents}
            where ${chainEvents.eventName} = 'Transfer' and ${chainEvents.token} = ${token.toLowerCase()}
        ) m where w <> '0x0000000000000000000000000000000000000000' group by w having sum(v) <> 0`);
      const indexed = Object.fromEntries(rows.rows.map((r) => [String(r.wallet), String(r.shares)]));
      const safe = (await tc.client.getBlockNumber()) - 2n;
      const chain: Record<string, string> = {};
      for (const h of holders) {
        const b = await tc.client.readContract({
          address: token,
          abi: artworkShareTokenAbi,
          functionName: "balanceOf",
          args: [h.address],
          blockNumber: safe,
        });
        if (b > 0n) chain[h.address.toLowerCase()] = b.toString();
      }
      return { indexed, chain };
    };
    // Only this indexer writes from here (the tables are shared with the test above).
    await t.db.delete(chainEvents);
    await t.db.delete(indexerBlocks);
    await t.db.delete(indexerCursor);
    await syncToHead(opts);
    const first = await registers();
    expect(first.indexed).toEqual(first.chain);

    const snapshot = (await tc.client.request({ method: "evm_snapshot" as never })) as Hex;
    for (const h of holders.slice(0, 3)) await mint(h.address, 1_000n);
    for (let i = 0; i < 3; i++) await tc.client.request({ method: "evm_mine" as never });
    await syncToHead(opts);
    const before = await registers();
    expect(before.indexed[holders[0]!.address.toLowerCase()]).toBe("1010");

    // The chain replaces those 6 blocks (4 of them already indexed: deeper than the 2 confirmations) with a different
    // history.
    await tc.client.request({ method: "evm_revert" as never, params: [snapshot] as never });
    for (const h of holders.slice(3)) await mint(h.address, 7n);
    for (let i = 0; i < 6; i++) await tc.client.request({ method: "evm_mine" as never });

    const r = await syncToHead(opts);
    expect(r.reorgedTo).toBeDefined();
    const after = await registers();
    expect(after.indexed).toEqual(after.chain);
    expect(after.indexed[holders[0]!.address.toLowerCase()]).toBe("10");
    expect(after.indexed[holders[3]!.address.toLowerCase()]).toBe("47");
  });
});
