import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageCacheStats, resetPageCache } from "@/lib/http/page-cache";
import { bumpPageEpoch, readPageEpoch } from "./page-epoch";
import { createTestDatabase, type TestDatabase } from "./testing";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  resetPageCache();
}, 60_000);
afterAll(async () => {
  await t?.close();
  resetPageCache();
});

describe("the public page epoch", () => {
  it("starts at 0, moves by one per bump (also at once, for concurrent bumps), and each read tells this process", async () => {
    expect(await readPageEpoch(t.db)).toBe(0);
    expect(pageCacheStats().epoch).toBe(0);
    expect(await bumpPageEpoch(t.db)).toBe(1);
    expect(pageCacheStats().epoch).toBe(1);
    const bumped = await Promise.all([bumpPageEpoch(t.db), bumpPageEpoch(t.db), bumpPageEpoch(t.db)]);
    expect([...bumped].sort()).toEqual([2, 3, 4]);
    expect(await readPageEpoch(t.db)).toBe(4);
    expect(pageCacheStats().epoch).toBe(4);
  });
});
