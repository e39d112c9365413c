/**
 * The indexer against a real anvil chain and a real database: tables match the chain after trading, after a
 * reorg (anvil snapshot + revert + different blocks), and after a restart, with no duplicates.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import {
  type Address,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  keccak256,
  parseEventLogs,
  toHex,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  artworkShareTokenAbi,
  hKDStablecoinAbi,
  identityRegistryAbi,
  marketAbi,
  shareTokenFactoryAbi,
} from "../chain/abis";
import { deployAtelier } from "../chain/deploy";
import type { Deployments } from "../chain/deployments";
import { startAnvil, type LocalChain } from "../chain/local/anvil";
import { freePort, offeringMinter } from "../chain/local/test-chain";
import { chainEvents, indexerCursor, marketOrders, marketTrades } from "../db/schema";
import { createTestDatabase, type TestDatabase } from "../db/testing";
import { type IndexerOptions, syncToHead } from "./projections";

const MNEMONIC = "test test test test test test test test test test test junk";
const acct = (i: number) => mnemonicToAccount(MNEMONIC, { addressIndex: i });
const admin = acct(0);
const seller = acct(5);
const buyer = acct(6);

let chain: LocalChain;
let database: TestDatabase;
let d: Deployments;
let token: Address;
let market: Address;
const publicClient = () => createPublicClient({ chain: foundry, transport: http(chain.url) });
const wallet = (a: ReturnType<typeof acct>) =>
  createWalletClient({ account: a, chain: foundry, transport: http(chain.url) });

async function send(p: Promise<Hex>) {
  const hash = await p;
  const receipt = await publicClient().waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`tx ${hash} reverted`);
  return receipt;
}
const rpc = (method: string, params: unknown[] = []) =>
  publicClient().request({ method: method as never, params: params as never }) as Promise<unknown>;

function options(): IndexerOptions {
  return {
    db: database.db,
    client: publicClient(),
    contracts: { ...d, market: d.market },
    confirmations: 0,
    chunkSize: 7n,
  };
}

async function placeAsk(shares: bigint, price: bigint): Promise<bigint> {
  await send(
    wallet(seller).writeContract({
      address: token,
      abi: artworkShareTokenAbi,
      functionName: "approve",
      args: [market, 1_000n],
    }),
  );
  const r = await send(
    wallet(seller).writeContract({
      address: market,
      abi: marketAbi,
      functionName: "placeAsk",
      args: [token, shares, price, (await publicClient().getBlock()).timestamp + 30n * 86_400n, 100n],
    }),
  );
  return parseEventLogs({ abi: marketAbi, logs: r.logs, eventName: "OrderPlaced" })[0]!.args.orderId;
}
async function take(orderId: bigint, shares: bigint, price: bigint) {
  await send(
    wallet(buyer).writeContract({
      address: d.paymentToken,
      abi: hKDStablecoinAbi,
      functionName: "approve",
      args: [market, 10n ** 15n],
    }),
  );
  await send(
    wallet(buyer).writeContract({
      address: market,
      abi: marketAbi,
      functionName: "fill",
      args: [orderId, shares, price, 100n],
    }),
  );
}

/** What the chain says about every order and every share Transfer, in the shape of the tables. */
async function chainTruth() {
  const client = publicClient();
  const count = await client.readContract({ address: market, abi: marketAbi, functionName: "orderCount" });
  const orders = [];
  for (let id = 1n; id <= count; id++) {
    const o = await client.readContract({ address: market, abi: marketAbi, functionName: "order", args: [id] });
    orders.push({
      orderId: id.toString(),
      size: o.size.toString(),
      filled: o.filled.toString(),
      cancelled: o.cancelled.toString(),
      status: o.remaining > 0n ? "open" : o.cancelled > 0n ? "cancelled" : "filled",
      expiresAt: new Date(Number(o.expiresAt) * 1000).toISOString(),
    });
  }
  const fills = await client.getContractEvents({
    address: market,
    abi: marketAbi,
    eventName: "OrderFilled",
    fromBlock: 0n,
  });
  const transfers = await client.getContractEvents({
    address: token,
    abi: artworkShareTokenAbi,
    eventName: "Transfer",
    fromBlock: 0n,
  });
  return { orders, fills: fills.map((l) => `${l.transactionHash}:${l.logIndex}`).sort(), transfers: transfers.length };
}

async function tableState() {
  const db = database.db;
  const orders = await db
    .select()
    .from(marketOrders)
    .orderBy(asc(sql`${marketOrders.orderId}::numeric`));
  const trades = await db.select().from(marketTrades);
  const transfers = await db.select().from(chainEvents).where(eq(chainEvents.eventName, "Transfer"));
  return {
    orders: orders.map((o) => ({
      orderId: o.orderId,
      size: o.size,
      filled: o.filled,
      cancelled: o.cancelled,
      status: o.status,
      expiresAt: o.expiresAt?.toISOString() ?? null,
    })),
    fills: trades.map((t) => `${t.txHash}:${t.logIndex}`).sort(),
    transfers: transfers.length,
  };
}

beforeAll(async () => {
  chain = await startAnvil({ port: await freePort() });
  database = await createTestDatabase();
  const file = path.join(mkdtempSync(path.join(tmpdir(), "atelier-indexer-")), "31337.json");
  d = await deployAtelier({ rpcUrl: chain.url, chainId: 31337, account: admin, file });
  market = d.market!;
  const a = wallet(admin);
  const AGENT = keccak256(toHex("AGENT_ROLE"));
  const ISSUER = keccak256(toHex("ISSUER_ROLE"));
  await send(
    a.writeContract({
      address: d.identityRegistry,
      abi: identityRegistryAbi,
      functionName: "grantRole",
      args: [AGENT, admin.address],
    }),
  );
  await send(
    a.writeContract({
      address: d.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "grantRole",
      args: [ISSUER, admin.address],
    }),
  );
  const expiry = BigInt(Math.floor(Date.now() / 1000) + 365 * 86_400);
  for (const [i, who] of [seller, buyer].entries()) {
    await send(
      a.writeContract({
        address: d.identityRegistry,
        abi: identityRegistryAbi,
        functionName: "registerInvestor",
        args: [who.address, keccak256(toHex(`investor-${i}`)), 344, 1, expiry],
      }),
    );
  }
  await send(
    a.writeContract({
      address: d.paymentToken,
      abi: hKDStablecoinAbi,
      functionName: "mint",
      args: [buyer.address, 10n ** 12n],
    }),
  );
  const deployed = await send(
    a.writeContract({
      address: d.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "deployToken",
      args: [
        "Atelier Test",
        "ATT",
        1_000_000n,
        {
          allowedCountries: [],
          eligibleCategories: 14,
          maxHolders: 1000,
          maxBalancePerInvestor: 1_000_000n,
          lockupSeconds: 0n,
        },
        "ipfs://x",
        `0x${"11".repeat(32)}`,
      ],
    }),
  );
  token = parseEventLogs({ abi: shareTokenFactoryAbi, logs: deployed.logs, eventName: "TokenDeployed" })[0]!.args.token;
  // Only the PrimaryOffering mints: the test acts as it (anvil impersonation) instead of running a purchase.
  const minter = await offeringMinter(chain.url, d.primaryOffering);
  await send(
    minter.writeContract({
      address: token,
      abi: artworkShareTokenAbi,
      functionName: "mint",
      args: [seller.address, 500n],
    }),
  );
}, 120_000);

afterAll(async () => {
  await database?.close();
  await chain?.stop();
});

describe("indexer (anvil + database)", () => {
  it("records trades, fills and cancels so that the tables match the chain", async () => {
    const o1 = await placeAsk(10n, 5_000_000n);
    await take(o1, 4n, 5_000_000n); // partial fill
    const o2 = await placeAsk(20n, 5_100_000n);
    await send(wallet(seller).writeContract({ address: market, abi: marketAbi, functionName: "cancel", args: [o2] }));
    await take(o1, 6n, 5_000_000n); // fills the rest

    const r = await syncToHead(options());
    expect(r.inserted).toBeGreaterThan(0);
    const truth = await chainTruth();
    const state = await tableState();
    expect(state).toEqual(truth);
    expect(state.orders.map((o) => o.status)).toEqual(["filled", "cancelled"]);
    const trades = await database.db.select().from(marketTrades).orderBy(asc(marketTrades.blockNumber));
    expect(trades).toHaveLength(2);
    expect(trades[0]).toMatchObject({
      buyer: buyer.address.toLowerCase(),
      seller: seller.address.toLowerCase(),
      shares: "4",
      price: "5000000",
      makerSide: "ask",
    });
    // The identity events are recorded too.
    const registered = await database.db
      .select()
      .from(chainEvents)
      .where(eq(chainEvents.eventName, "InvestorRegistered"));
    expect(registered).toHaveLength(2);
  });

  it("rolls back a reorg (snapshot, revert, different blocks) and ends matching the chain", async () => {
    const snapshot = (await rpc("evm_snapshot")) as Hex;
    const o3 = await placeAsk(30n, 4_900_000n);
    await take(o3, 5n, 4_900_000n);
    await syncToHead(options());
    expect((await tableState()).orders.find((o) => o.orderId === o3.toString())?.filled).toBe("5");

    // The chain forgets those blocks; a different history of the same (and greater) height replaces it.
    await rpc("evm_revert", [snapshot]);
    const o3b = await placeAsk(7n, 5_300_000n);
    expect(o3b).toBe(o3); // same id, different order
    for (let i = 0; i < 8; i++) await rpc("evm_mine");

    const r = await syncToHead(options());
    expect(r.reorgedTo).toBeDefined();
    const state = await tableState();
    expect(state).toEqual(await chainTruth());
    const o = await database.db.select().from(marketOrders).where(eq(marketOrders.orderId, o3.toString()));
    expect(o[0]).toMatchObject({ size: "7", price: "5300000", filled: "0", status: "open" });
    const stale = await database.db.select().from(marketTrades).where(eq(marketTrades.orderId, o3.toString()));
    expect(stale).toHaveLength(0);
  });

  it("resumes after a restart from its cursor without duplicates", async () => {
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(chainEvents);
    const cursor = await database.db.select().from(indexerCursor);
    // A "restarted" indexer: new client, same database; nothing new on chain ⇒ nothing inserted.
    const again = await syncToHead(options());
    expect(again.inserted).toBe(0);
    // Forcing a re-read of already indexed blocks (cursor moved back) inserts no duplicate either.
    await database.db.update(indexerCursor).set({
      blockNumber: d.startBlock,
      blockHash: (await publicClient().getBlock({ blockNumber: d.startBlock })).hash,
    });
    const reread = await syncToHead(options());
    expect(reread.inserted).toBe(0);
    const after = await database.db.select({ n: sql<number>`count(*)::int` }).from(chainEvents);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect((await database.db.select().from(indexerCursor))[0]!.blockNumber).toBe(cursor[0]!.blockNumber);

    // New activity after the restart is picked up.
    const o4 = await placeAsk(3n, 5_000_000n);
    await take(o4, 3n, 5_000_000n);
    const next = await syncToHead(options());
    expect(next.inserted).toBeGreaterThan(0);
    expect(await tableState()).toEqual(await chainTruth());
  });

  it("records the trades of a crossing placement (on-chain matching) like any fill, and the rest that rests", async () => {
    const ask = await placeAsk(5n, 5_000_000n);
    await send(
      wallet(buyer).writeContract({
        address: d.paymentToken,
        abi: hKDStablecoinAbi,
        functionName: "approve",
        args: [market, 10n ** 15n],
      }),
    );
    // A bid of 8 at HK$5.20 crosses the ask of 5 at HK$5.00: 5 trade at the ask's price, 3 rest as a bid.
    const placed = await send(
      wallet(buyer).writeContract({
        address: market,
        abi: marketAbi,
        functionName: "placeBid",
        args: [token, 8n, 5_200_000n, (await publicClient().getBlock()).timestamp + 30n * 86_400n, 100n],
      }),
    );
    const [rest] = parseEventLogs({ abi: marketAbi, logs: placed.logs, eventName: "OrderPlaced" });
    await syncToHead(options());
    expect(await tableState()).toEqual(await chainTruth());
    const trades = await database.db.select().from(marketTrades).where(eq(marketTrades.orderId, ask.toString()));
    expect(trades).toHaveLength(1);
    expect(trades[0]).toMatchObject({
      txHash: placed.transactionHash,
      buyer: buyer.address.toLowerCase(),
      seller: seller.address.toLowerCase(),
      shares: "5",
      price: "5000000",
      makerSide: "ask",
    });
    const [askRow] = await database.db.select().from(marketOrders).where(eq(marketOrders.orderId, ask.toString()));
    expect(askRow).toMatchObject({ status: "filled", filled: "5" });
    const [bidRow] = await database.db
      .select()
      .from(marketOrders)
      .where(eq(marketOrders.orderId, rest!.args.orderId.toString()));
    expect(bidRow).toMatchObject({ side: "bid", size: "3", price: "5200000", filled: "0", status: "open" });
  });

  it("halves a getLogs range the provider refuses as too large, and still ends matching the chain", async () => {
    // A provider that refuses any range wider than 2 blocks, the way real ones refuse big responses.
    const real = publicClient();
    const refused: bigint[] = [];
    const picky = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop !== "request") return Reflect.get(target, prop, receiver) as unknown;
        return (args: { method: string; params?: unknown }) => {
          if (args.method === "eth_getLogs") {
            const [filter] = args.params as [{ fromBlock: string; toBlock: string }];
            const span = BigInt(filter.toBlock) - BigInt(filter.fromBlock) + 1n;
            if (span > 2n) {
              refused.push(span);
              return Promise.reject(new Error("HTTP response body exceeded the size limit."));
            }
          }
          return target.request(args as never);
        };
      },
    });
    const fresh = await createTestDatabase();
    try {
      const result = await syncToHead({
        ...options(),
        db: fresh.db,
        client: picky as typeof real,
        name: "picky",
        chunkSize: 16n,
      });
      expect(refused.length).toBeGreaterThan(0);
      expect(result.cursor).toBe(await real.getBlockNumber());
      const [a, b] = await Promise.all([
        fresh.db.select({ n: sql<number>`count(*)::int` }).from(chainEvents),
        database.db.select({ n: sql<number>`count(*)::int` }).from(chainEvents),
      ]);
      expect(a[0]!.n).toBe(b[0]!.n);
      // Anything else is not a range problem: it is thrown, not retried.
      const broken = new Proxy(real, {
        get: (target, prop, receiver) =>
          prop === "request"
            ? (args: { method: string }) =>
                args.method === "eth_getLogs"
                  ? Promise.reject(new Error("connection refused"))
                  : target.request(args as never)
            : (Reflect.get(target, prop, receiver) as unknown),
      });
      await fresh.db.delete(indexerCursor);
      await expect(
        syncToHead({ ...options(), db: fresh.db, client: broken as typeof real, name: "picky" }),
      ).rejects.toThrow("connection refused");
    } finally {
      await fresh.close();
    }
  });
});
