/**
 * The operators' health page's reading: the chain's head, the indexer's lag, the database's migrations applied of
 * those shipped, the job runs and this instance's errors; a chain that does not answer is reported as failing
 * without hiding the database's part.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { indexerCursor } from "@/lib/db/schema";

let t: TestDatabase;
let chainUp = true;
vi.mock("@/lib/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/chain/server", () => ({
  getPublicClient: () => ({
    getBlock: async () => {
      if (!chainUp) throw new Error("fetch failed\nat …");
      return { number: 120n, timestamp: 1_700_000_000n };
    },
  }),
}));

const { getOperatorHealth } = await import("./health");
const { recordJobRun } = await import("@/lib/jobs/runs");
const { noteRecentError } = await import("@/lib/platform/recent-errors");

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe("operator health", () => {
  it("reports the head, the indexer's lag, the migrations, the last job runs and the recent errors", async () => {
    await t.db.insert(indexerCursor).values({ name: "main", blockNumber: 100n, blockHash: "0xabc", eventsVersion: 7 });
    await recordJobRun(t.db, { job: "housekeeping", startedAt: new Date(), ok: true, detail: { noncesDeleted: 2 } });
    noteRecentError({ requestId: "req-1", where: "test.action", error: new Error("boom\nstack") });
    const h = await getOperatorHealth();
    expect(h.chain).toEqual({
      ok: true,
      value: { chainId: 31337, head: 120n, headAt: new Date(1_700_000_000_000) },
    });
    expect(h.indexer).toMatchObject({ ok: true, value: { cursor: 100n, lag: 20n } });
    expect(h.database.ok).toBe(true);
    if (h.database.ok) {
      expect(h.database.value.applied).toBeGreaterThanOrEqual(17);
      expect(h.database.value.applied).toBe(h.database.value.shipped);
    }
    expect(h.jobs.ok && h.jobs.value.housekeeping[0]).toMatchObject({ ok: true, detail: { noncesDeleted: 2 } });
    expect(h.jobs.ok && h.jobs.value.notifications).toEqual([]);
    expect(h.errors[0]).toMatchObject({ requestId: "req-1", where: "test.action", message: "boom" });
  });

  it("a chain that does not answer fails its part (and the indexer's lag) without hiding the database", async () => {
    chainUp = false;
    const h = await getOperatorHealth();
    expect(h.chain).toEqual({ ok: false, error: "fetch failed" });
    expect(h.indexer.ok).toBe(false);
    expect(h.database.ok).toBe(true);
    chainUp = true;
  });
});
