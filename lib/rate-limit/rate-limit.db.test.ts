import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

/** A second "instance": the module loaded again, with no state shared with the first but the database. */
async function instance() {
  vi.resetModules();
  return import("./index");
}

describe("rate limits in the database", () => {
  it("holds across two instances sharing the database, then opens again after the window", async () => {
    const a = await instance();
    const b = await instance();
    expect(a.hitRateLimit).not.toBe(b.hitRateLimit);
    const rule = { limit: 4, windowMs: 60_000 };
    const now = new Date("2026-12-05T04:00:00Z");
    const results = [];
    for (let i = 0; i < 6; i++) {
      const mod = i % 2 === 0 ? a : b;
      results.push(await mod.hitRateLimit(t.db, { key: "nonce:ip:203.0.113.9", rule, now }));
    }
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, false, false]);
    expect(results[5]).toEqual({ ok: false, retryAfterSeconds: 60 });
    const later = new Date(now.getTime() + 45_000);
    expect(await b.hitRateLimit(t.db, { key: "nonce:ip:203.0.113.9", rule, now: later })).toEqual({
      ok: false,
      retryAfterSeconds: 15,
    });
    const next = new Date(now.getTime() + 60_000);
    expect(await a.hitRateLimit(t.db, { key: "nonce:ip:203.0.113.9", rule, now: next })).toEqual({ ok: true });
    // Another key has its own window.
    expect(await a.hitRateLimit(t.db, { key: "nonce:ip:198.51.100.1", rule, now })).toEqual({ ok: true });
  });

  it("counts concurrent hits exactly (no lost update)", async () => {
    const { hitRateLimit } = await instance();
    const rule = { limit: 10, windowMs: 60_000 };
    const now = new Date("2026-12-05T04:10:00Z");
    const results = await Promise.all(
      Array.from({ length: 25 }, () => hitRateLimit(t.db, { key: "signIn:ip:192.0.2.1", rule, now })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
  });

  it("limits per IP and per address, and says how long to wait", async () => {
    const { enforceRateLimits, RATE_LIMITS, RateLimitedError, deleteExpiredRateLimits } = await instance();
    const now = new Date("2026-12-05T04:20:00Z");
    const address = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    // Many IPs, one address: the address limit still holds.
    for (let i = 0; i < RATE_LIMITS.signIn.limit; i++)
      await enforceRateLimits(t.db, { name: "signIn", subjects: { ip: `10.0.0.${i}`, address }, now });
    const error = await enforceRateLimits(t.db, {
      name: "signIn",
      subjects: { ip: "10.0.1.1", address: address.toUpperCase().replace("0X", "0x") },
      now,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as InstanceType<typeof RateLimitedError>).retryAfterSeconds).toBe(60);
    // Housekeeping removes ended windows only.
    expect(await deleteExpiredRateLimits(t.db, { now })).toBeGreaterThan(0);
    await expect(
      enforceRateLimits(t.db, { name: "signIn", subjects: { ip: "10.0.1.2", address }, now }),
    ).rejects.toBeInstanceOf(RateLimitedError);
  });
});
