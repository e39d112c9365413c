/**
 * Per-projection backfill: a projection that is new, or whose version changed, rebuilds its rows from the recorded
 * events (`chain_events`) alone — no other projection re-reads anything, and the chain is not asked for logs. The
 * chain here is a stub that only answers the cursor's block (any other call fails the test).
 */
import { asc, eq } from "drizzle-orm";
import type { Chain, PublicClient, Transport } from "viem";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chainEvents, indexerCursor, indexerProjections, marketOrders } from "../db/schema";
import { createTestDatabase, type TestDatabase } from "../db/testing";
import { syncOnce, syncToHead } from "./indexer";
import { type ApplyBatch, defineProjection, type IndexerSetup, type Projection } from "./projection";
import { ATELIER_INDEXER, getIndexerCoverage, INDEXER_EVENTS_VERSION } from "./projections";

const HEAD = 100n;
const hash = (n: bigint) => `0x${n.toString(16).padStart(64, "0")}` as const;
const addr = (n: number) => `0x${n.toString(16).padStart(40, "0")}` as const;
const contracts = {
  identityRegistry: addr(1),
  shareTokenFactory: addr(2),
  primaryOffering: addr(3),
  market: addr(4),
  startBlock: 10n,
};
const TOKEN = addr(0xaa);
const MAKER = addr(0xbb);

/** A chain whose head is the cursor: the engine only checks the cursor's block hash. */
const client = {
  getBlockNumber: async () => HEAD,
  getBlock: async ({ blockNumber }: { blockNumber: bigint }) => ({
    number: blockNumber,
    hash: hash(blockNumber),
    timestamp: 1_700_000_000n + blockNumber,
  }),
  getLogs: async () => {
    throw new Error("the chain's logs must not be read");
  },
  readContract: async () => {
    throw new Error("the chain must not be read");
  },
  multicall: async () => {
    throw new Error("the chain's state must not be read");
  },
} as unknown as PublicClient<Transport, Chain | undefined>;

let database: TestDatabase;

function event(
  blockNumber: bigint,
  logIndex: number,
  eventName: string,
  fields: Partial<typeof chainEvents.$inferInsert>,
) {
  return {
    blockNumber,
    blockHash: hash(blockNumber),
    blockTime: new Date(Number(1_700_000_000n + blockNumber) * 1000),
    txHash: hash(blockNumber * 1000n + BigInt(logIndex)),
    logIndex,
    contract: contracts.identityRegistry,
    eventName,
    args: {},
    token: null,
    orderId: null,
    ...fields,
  };
}

beforeEach(async () => {
  database = await createTestDatabase();
  await database.db.insert(indexerCursor).values({
    name: "main",
    blockNumber: HEAD,
    blockHash: hash(HEAD),
    eventsVersion: INDEXER_EVENTS_VERSION,
  });
  const placed = { side: 0, maker: MAKER, token: TOKEN, shares: "10", price: "5000000", expiresAt: "1900000000" };
  await database.db.insert(chainEvents).values([
    event(20n, 0, "InvestorRegistered", { args: { wallet: MAKER } }),
    event(30n, 0, "Transfer", { contract: TOKEN, token: TOKEN, args: { from: addr(0), to: MAKER, value: "10" } }),
    event(40n, 0, "OrderPlaced", {
      contract: contracts.market,
      token: TOKEN,
      orderId: "1",
      args: { orderId: "1", ...placed },
    }),
    event(60n, 1, "OrderFilled", {
      contract: contracts.market,
      orderId: "1",
      args: { orderId: "1", taker: addr(0xcc), shares: "4", price: "5000000", fee: "0" },
    }),
    event(70n, 0, "OrderPlaced", {
      contract: contracts.market,
      token: TOKEN,
      orderId: "2",
      args: { orderId: "2", ...placed },
    }),
  ]);
});

afterEach(async () => {
  await database?.close();
});

const options = (setup: IndexerSetup, chunkSize = 2_000n) => ({
  db: database.db,
  client,
  contracts,
  confirmations: 0,
  setup,
  chunkSize,
});

/** A projection that only notes what it is given. */
function spy(name: string, version: number, events: Projection["events"]) {
  const calls: ApplyBatch<unknown>[] = [];
  const projection = defineProjection({
    name,
    version,
    events,
    apply: async (_tx, batch) => void calls.push(batch),
    rollback: async () => {},
  });
  return { projection, calls };
}

const rows = async () =>
  (await database.db.select().from(indexerProjections).orderBy(asc(indexerProjections.projection))).map((r) => ({
    projection: r.projection,
    version: r.version,
    backfillTo: r.backfillTo,
    backfillCursor: r.backfillCursor,
  }));

describe("per-projection backfill", () => {
  it("rebuilds a changed projection (the market's orders) from recorded events alone, no other projection", async () => {
    // Every projection was built at its current version (an indexed database up to date).
    await database.db
      .insert(indexerProjections)
      .values(ATELIER_INDEXER.projections.map((p) => ({ indexer: "main", projection: p.name, version: p.version })));
    // The market's projection changes (its next version). The register snapshots would read the chain for the Transfer
    // event, which the stub refuses: only the market's projection may run.
    const setup: IndexerSetup = {
      ...ATELIER_INDEXER,
      projections: ATELIER_INDEXER.projections.map((p) => (p.name === "market" ? { ...p, version: p.version + 1 } : p)),
    };
    const first = await syncOnce(options(setup, 25n));
    expect(first.projectionBackfill).toEqual({ projection: "market", cursor: 34n, to: HEAD });
    // While it runs, the record counts as complete only through its cursor.
    expect((await getIndexerCoverage(database.db))?.completeThrough).toBe(34n);
    expect(await database.db.select().from(marketOrders)).toHaveLength(0);

    const done = await syncToHead(options(setup, 25n));
    expect(done.projectionBackfill).toBeUndefined();
    const orders = await database.db.select().from(marketOrders).orderBy(asc(marketOrders.orderId));
    expect(orders.map((o) => [o.orderId, o.filled, o.status])).toEqual([
      ["1", "4", "open"],
      ["2", "0", "open"],
    ]);
    expect(await rows()).toEqual(
      ATELIER_INDEXER.projections
        .map((p) => ({
          projection: p.name,
          version: p.name === "market" ? p.version + 1 : p.version,
          backfillTo: null,
          backfillCursor: null,
        }))
        .sort((a, b) => a.projection.localeCompare(b.projection)),
    );
    expect((await getIndexerCoverage(database.db))?.completeThrough).toBe(HEAD);
  });

  it("backfills a new projection alone, with only its own events; a version change re-runs only that one", async () => {
    const registry = spy("registry-view", 1, [
      { abi: { type: "event", name: "InvestorRegistered", inputs: [] }, from: "identityRegistry" },
    ]);
    const market = spy("market-view", 1, [{ abi: { type: "event", name: "OrderPlaced", inputs: [] }, from: "market" }]);
    await database.db.insert(indexerProjections).values({ indexer: "main", projection: "registry-view", version: 1 });

    await syncToHead(
      options({ eventsVersion: INDEXER_EVENTS_VERSION, projections: [registry.projection, market.projection] }),
    );
    // The registry view is current: never asked. The new market view saw its two placements, from chain_events.
    expect(registry.calls).toHaveLength(0);
    expect(market.calls.map((c) => c.kind)).toEqual(["backfill"]);
    expect(market.calls[0]!.events.map((e) => [e.eventName, e.orderId])).toEqual([
      ["OrderPlaced", "1"],
      ["OrderPlaced", "2"],
    ]);
    expect(market.calls[0]!.through).toBe(HEAD);

    // Now the registry view changes: it alone re-reads.
    const registry2 = spy("registry-view", 2, registry.projection.events);
    const market2 = spy("market-view", 1, market.projection.events);
    await syncToHead(
      options({ eventsVersion: INDEXER_EVENTS_VERSION, projections: [registry2.projection, market2.projection] }),
    );
    expect(market2.calls).toHaveLength(0);
    expect(registry2.calls.flatMap((c) => c.events.map((e) => e.eventName))).toEqual(["InvestorRegistered"]);
    const state = await database.db
      .select()
      .from(indexerProjections)
      .where(eq(indexerProjections.projection, "registry-view"));
    expect(state[0]).toMatchObject({ version: 2, backfillTo: null, backfillCursor: null });
  });
});
