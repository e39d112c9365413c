import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { auditCheckpoints, auditLog, auditWalks } from "@/lib/db/schema";
import { toJson } from "./canonical";
import {
  computeAuditHash,
  GENESIS_HASH,
  getAuditHead,
  verifyAuditChain,
  lastAuditWalk,
  walkAuditChainIfDue,
  writeAudit,
} from "./index";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

const alice = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

/**
 * The database refuses UPDATE, DELETE and TRUNCATE on the audit log (migration 0004). These tests play an operator
 * with DDL rights who disables the triggers to tamper anyway: the hash chain must still show it.
 */
async function asTamperer(statement: ReturnType<typeof sql>) {
  await t.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
  try {
    await t.db.execute(statement);
  } finally {
    await t.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
  }
}

async function resetLog() {
  await asTamperer(sql`TRUNCATE audit_log RESTART IDENTITY`);
  await t.db.execute(sql`TRUNCATE audit_checkpoints RESTART IDENTITY`);
  await t.db.execute(sql`TRUNCATE audit_walks RESTART IDENTITY`);
}

async function appendSome(n: number) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    rows.push(
      await writeAudit(t.db, {
        actor: i % 2 ? "system" : alice,
        actorRole: i % 2 ? "system" : "compliance",
        action: "kyc.approve",
        subjectType: "investor",
        subjectId: `inv-${i}`,
        before: { status: "in_review", nested: { b: 2, a: 1 } },
        after: {
          status: "approved",
          amount: 10n ** 20n,
          when: new Date("2026-01-02T03:04:05.678Z"),
          skip: undefined,
        },
        txHash: i === 2 ? `0x${"ab".repeat(32)}` : undefined,
        ip: "127.0.0.1",
      }),
    );
  }
  return rows;
}

describe("audit log", () => {
  it("chains entries and verifies them", async () => {
    await resetLog();
    const rows = await appendSome(5);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    expect(rows[0]!.actor).toBe(alice.toLowerCase());
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    const result = await verifyAuditChain(t.db, { batchSize: 2 });
    expect(result).toMatchObject({ ok: true, count: 5, headHash: rows[4]!.hash, checked: 5 });
    expect(await getAuditHead(t.db)).toEqual({ id: rows[4]!.id, hash: rows[4]!.hash });
  });

  it("verifies an empty log", async () => {
    await resetLog();
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: true,
      count: 0,
      headHash: GENESIS_HASH,
      checked: 0,
      lastFullAt: null,
    });
  });

  it("refuses to change, delete or truncate a row", async () => {
    await resetLog();
    const rows = await appendSome(2);
    // Drizzle wraps the driver's error: the database's own message is its cause.
    const refusal = (q: Promise<unknown>) =>
      q.then(
        () => "allowed",
        (e: { cause?: { message?: string }; message?: string }) => e.cause?.message ?? e.message ?? "",
      );
    expect(await refusal(t.db.execute(sql`UPDATE audit_log SET subject_id = 'x' WHERE id = ${rows[0]!.id}`))).toMatch(
      /append-only: UPDATE refused/,
    );
    expect(await refusal(t.db.execute(sql`DELETE FROM audit_log WHERE id = ${rows[1]!.id}`))).toMatch(
      /append-only: DELETE refused/,
    );
    expect(await refusal(t.db.execute(sql`TRUNCATE audit_log`))).toMatch(/append-only: TRUNCATE refused/);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, count: 2 });
  });

  it("detects a modified field", async () => {
    await resetLog();
    const rows = await appendSome(4);
    await asTamperer(sql`UPDATE audit_log SET subject_id = 'someone-else' WHERE id = ${rows[1]!.id}`);
    const result = await verifyAuditChain(t.db);
    expect(result).toMatchObject({ ok: false, brokenAtId: rows[1]!.id, count: 1 });
  });

  it("detects a modified jsonb payload", async () => {
    await resetLog();
    const rows = await appendSome(3);
    await asTamperer(
      sql`UPDATE audit_log SET after = jsonb_set(after, '{status}', '"rejected"') WHERE id = ${rows[2]!.id}`,
    );
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAtId: rows[2]!.id });
  });

  it("detects a rewritten row whose hash was recomputed naively (next row no longer follows)", async () => {
    await resetLog();
    const rows = await appendSome(3);
    await asTamperer(sql`UPDATE audit_log SET hash = ${"0x" + "11".repeat(32)} WHERE id = ${rows[0]!.id}`);
    const result = await verifyAuditChain(t.db);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.brokenAtId).toBe(rows[0]!.id);
  });

  it("detects a deleted middle row", async () => {
    await resetLog();
    const rows = await appendSome(5);
    await asTamperer(sql`DELETE FROM audit_log WHERE id = ${rows[2]!.id}`);
    const result = await verifyAuditChain(t.db);
    expect(result).toMatchObject({ ok: false, brokenAtId: rows[3]!.id, count: 2 });
  });

  it("detects a deleted first row", async () => {
    await resetLog();
    const rows = await appendSome(3);
    await asTamperer(sql`DELETE FROM audit_log WHERE id = ${rows[0]!.id}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAtId: rows[1]!.id });
  });

  it("writes inside the caller's transaction and rolls back with it", async () => {
    await resetLog();
    await t.db.transaction(async (tx) => {
      await writeAudit(tx, {
        actor: "system",
        actorRole: "system",
        action: "test.commit",
        subjectType: "n",
        subjectId: "1",
      });
    });
    await expect(
      t.db.transaction(async (tx) => {
        await writeAudit(tx, {
          actor: "system",
          actorRole: "system",
          action: "test.rollback",
          subjectType: "n",
          subjectId: "2",
        });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    await writeAudit(t.db, {
      actor: "system",
      actorRole: "system",
      action: "test.after",
      subjectType: "n",
      subjectId: "3",
    });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, count: 2 });
  });

  it("does not fork the chain under concurrent writers", async () => {
    await resetLog();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        writeAudit(t.db, {
          actor: "system",
          actorRole: "system",
          action: "test.concurrent",
          subjectType: "n",
          subjectId: String(i),
        }),
      ),
    );
    const result = await verifyAuditChain(t.db);
    expect(result).toMatchObject({ ok: true, count: 20 });
    const [{ n }] = (await t.db.select({ n: sql<number>`count(distinct prev_hash)::int` }).from(auditLog)) as [
      { n: number },
    ];
    expect(n).toBe(20);
  });

  describe("from a checkpoint", () => {
    /** Rewrites entry `id` and re-hashes it and every later entry, as an operator covering their tracks would. */
    async function rewriteFrom(id: number, subjectId: string) {
      const rows = await t.db.select().from(auditLog).orderBy(auditLog.id);
      let prev = GENESIS_HASH;
      await t.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
      try {
        for (const row of rows) {
          if (row.id < id) {
            prev = row.hash;
            continue;
          }
          const content = {
            at: row.at,
            actor: row.actor,
            actorRole: row.actorRole,
            action: row.action,
            subjectType: row.subjectType,
            subjectId: row.id === id ? subjectId : row.subjectId,
            before: toJson(row.before),
            after: toJson(row.after),
            txHash: row.txHash,
            ip: row.ip,
            prevHash: prev,
          };
          prev = computeAuditHash(content);
          await t.db.execute(
            sql`UPDATE audit_log SET subject_id = ${content.subjectId}, prev_hash = ${content.prevHash}, hash = ${prev} WHERE id = ${row.id}`,
          );
        }
      } finally {
        await t.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
      }
    }

    it("re-hashes only the entries written since the last verification", async () => {
      await resetLog();
      await appendSome(6);
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, count: 6, checked: 6 });
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, count: 6, checked: 0 });
      const more = await appendSome(3);
      expect(await verifyAuditChain(t.db, { batchSize: 2 })).toMatchObject({
        ok: true,
        count: 9,
        checked: 3,
        headHash: more[2]!.hash,
      });
      const checkpoints = await t.db.select().from(auditCheckpoints).orderBy(auditCheckpoints.throughId);
      expect(checkpoints.map((c) => [c.throughId, c.count])).toEqual([
        [6, 6],
        [9, 9],
      ]);
    });

    it("catches a chain rewritten and re-hashed from before the checkpoint", async () => {
      await resetLog();
      const rows = await appendSome(5);
      await verifyAuditChain(t.db);
      await rewriteFrom(rows[1]!.id, "someone-else");
      // The rewritten chain is consistent in itself; only the checkpoint remembers the old head.
      expect(await verifyAuditChain(t.db, { full: true, record: false })).toMatchObject({ ok: true });
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAtId: rows[4]!.id });
    });

    it("catches a deleted checkpoint entry", async () => {
      await resetLog();
      const rows = await appendSome(3);
      await verifyAuditChain(t.db);
      await asTamperer(sql`DELETE FROM audit_log WHERE id = ${rows[2]!.id}`);
      const result = await verifyAuditChain(t.db);
      expect(result).toMatchObject({ ok: false, brokenAtId: rows[2]!.id });
      if (!result.ok) expect(result.reason).toMatch(/gone/);
    });

    it("leaves an old entry changed without re-hashing to the full walk, which finds it and is dated", async () => {
      await resetLog();
      const rows = await appendSome(4);
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, lastFullAt: null });
      await asTamperer(sql`UPDATE audit_log SET subject_id = 'someone-else' WHERE id = ${rows[1]!.id}`);
      // Incremental: nothing new to re-hash and the checkpoint entry is intact.
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: 0 });
      expect(await verifyAuditChain(t.db, { full: true })).toMatchObject({ ok: false, brokenAtId: rows[1]!.id });
    });

    it("walks the whole chain when a day has passed since the last full walk, not before", async () => {
      await resetLog();
      const rows = await appendSome(3);
      await verifyAuditChain(t.db);
      await asTamperer(sql`UPDATE audit_log SET subject_id = 'someone-else' WHERE id = ${rows[0]!.id}`);
      // Never walked whole: due now, and it finds the change the incremental check cannot see.
      expect(await walkAuditChainIfDue(t.db)).toMatchObject({ ok: false, brokenAtId: rows[0]!.id });
      await resetLog();
      await appendSome(2);
      expect(await walkAuditChainIfDue(t.db)).toMatchObject({ ok: true, count: 2 });
      expect(await walkAuditChainIfDue(t.db)).toBeNull();
      expect(await walkAuditChainIfDue(t.db, { now: new Date(Date.now() + 25 * 3_600_000) })).toMatchObject({
        ok: true,
      });
    });

    it("walks a broken chain once a day, not on every housekeeping tick, and keeps what it found", async () => {
      await resetLog();
      const rows = await appendSome(3);
      await asTamperer(sql`UPDATE audit_log SET subject_id = 'someone-else' WHERE id = ${rows[1]!.id}`);
      const start = new Date();
      expect(await walkAuditChainIfDue(t.db, { now: start })).toMatchObject({ ok: false, brokenAtId: rows[1]!.id });
      // Fifteen minutes later (the next tick) the broken chain is not walked again…
      expect(await walkAuditChainIfDue(t.db, { now: new Date(start.getTime() + 15 * 60_000) })).toBeNull();
      // …and what the walk found is kept for the audit page.
      expect(await lastAuditWalk(t.db)).toMatchObject({ ok: false, brokenAtId: rows[1]!.id, count: 1 });
      // A day later it is walked again (and still found broken).
      expect(await walkAuditChainIfDue(t.db, { now: new Date(start.getTime() + 25 * 3_600_000) })).toMatchObject({
        ok: false,
      });
      expect(await t.db.select().from(auditWalks)).toHaveLength(2);
    });

    it("does not record a whole walk made only to read", async () => {
      await resetLog();
      await appendSome(2);
      expect(await verifyAuditChain(t.db, { full: true, record: false })).toMatchObject({ ok: true });
      expect(await lastAuditWalk(t.db)).toBeNull();
      await verifyAuditChain(t.db, { full: true });
      expect(await lastAuditWalk(t.db)).toMatchObject({ ok: true, count: 2, brokenAtId: null });
    });

    it("records when the whole chain was last walked", async () => {
      await resetLog();
      await appendSome(2);
      const before = Date.now();
      const result = await verifyAuditChain(t.db, { full: true });
      expect(result.ok && result.lastFullAt && result.lastFullAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
      // An incremental walk later still reports it.
      await appendSome(1);
      const later = await verifyAuditChain(t.db);
      expect(later).toMatchObject({ ok: true, count: 3, checked: 1 });
      expect(later.ok && later.lastFullAt).toBeTruthy();
    });
  });
});
