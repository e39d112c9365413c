/**
 * Job runs for the operators' health page: each housekeeping run is recorded (success with what it did, or the
 * failure's first line), the newest first, and runs older than a week are pruned by housekeeping itself; it also
 * applies the email outbox's retention.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { notificationOutbox } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";

let t: TestDatabase;
/** Failures of the next `getDb` calls (the run's own, then the recording's). */
const failures: boolean[] = [];
vi.mock("@/lib/db", () => ({
  getDb: async () => {
    if (failures.shift()) throw new Error("database unreachable\nstack…");
    return t.db;
  },
}));

const { listJobRuns, recordJobRun } = await import("./runs");
const { runHousekeepingRecorded } = await import("./housekeeping");

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe("job runs", () => {
  it("records each housekeeping run with what it did, newest first, and prunes runs older than a week", async () => {
    const old = new Date(Date.now() - 8 * 24 * 3_600_000);
    await recordJobRun(t.db, { job: "housekeeping", startedAt: old, finishedAt: old, ok: true, detail: {} });
    const result = await runHousekeepingRecorded();
    const runs = await listJobRuns(t.db, "housekeeping");
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ job: "housekeeping", ok: true, detail: { ...result } });
    expect(runs[0]!.finishedAt.getTime()).toBeGreaterThanOrEqual(runs[0]!.startedAt.getTime());
    expect(await listJobRuns(t.db, "notifications")).toEqual([]);
  });

  it("a failed run is thrown to the caller and recorded with its first line when the database answers", async () => {
    failures.push(true, false);
    await expect(runHousekeepingRecorded()).rejects.toThrow("database unreachable");
    expect((await listJobRuns(t.db, "housekeeping"))[0]).toMatchObject({
      ok: false,
      detail: { error: "database unreachable" },
    });
    // When the database is what failed, nothing can be recorded: the run still fails loudly.
    failures.push(true, true);
    await expect(runHousekeepingRecorded()).rejects.toThrow("database unreachable");
    expect(await listJobRuns(t.db, "housekeeping")).toHaveLength(2);
  });

  it("deletes sent emails past their retention (address and body with them) and records how many", async () => {
    const daysAgo = (d: number) => new Date(Date.now() - d * 24 * 3_600_000);
    const email = { email: "x@example.hk", locale: "en", subject: "s", text: "t", html: "h" };
    await t.db.insert(notificationOutbox).values([
      { ...email, sentAt: daysAgo(31) },
      { ...email, sentAt: daysAgo(1) },
      { ...email, failedAt: daysAgo(120), lastError: "550" },
    ]);
    const result = await runHousekeepingRecorded();
    expect(result.emailsDeleted).toEqual({ sent: 1, failed: 1 });
    expect(await t.db.select().from(notificationOutbox)).toHaveLength(1);
    expect((await listJobRuns(t.db, "housekeeping"))[0]!.detail).toMatchObject({
      emailsDeleted: { sent: 1, failed: 1 },
    });
  });
});
