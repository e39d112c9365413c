/**
 * Faults, the database: PostgreSQL stops answering in the middle of an action (the connection is cut the moment
 * the action's audit entry is sent, after its change was written inside the transaction), then comes back.
 * A real PostgreSQL server is reached through a TCP proxy the test cuts (the shared server is never stopped);
 * skipped, saying so, when no PostgreSQL answers (CI has one).
 *
 * - the action fails with an error (the actions turn it into their "unavailable" words) and leaves nothing
 *   half-written: no change without its audit entry, the audit chain intact;
 * - while the database is away, `/api/health` says degraded, naming the database;
 * - when it returns, the same pool serves again (no restart) and the action goes through once.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { artworks, auditLog } from "@/lib/db/schema";
import { createListing, updateListing } from "@/lib/issuer/listings";
import { createProxiedDatabase, FAULTS_PG_URL, postgresAnswers, type ProxiedDatabase } from "./postgres";
import { listingFormInput } from "@/lib/issuer/listing-fixture";

const available = await postgresAnswers();
if (!available) console.warn(`[faults] PostgreSQL does not answer at ${FAULTS_PG_URL}: database-down faults skipped`);

let p: ProxiedDatabase;
vi.mock("@/lib/db", () => ({ getDb: async () => p.db }));

const ISSUER = "0x90f79bf6eb2c4f870365e785982e1f101e93b906";
const input = (title: string) =>
  listingFormInput({ title, artist: "Lam Wing-sze", year: "2019", descriptionMd: "Two fields of colour." });

beforeAll(async () => {
  if (!available) return;
  p = await createProxiedDatabase();
  // The health route reads the chain too: point it at a port nothing listens on (its chain check is not the subject).
  vi.stubEnv("RPC_URL", "http://127.0.0.1:9");
  vi.stubEnv("INDEXER_MODE", "off");
}, 60_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await p?.close();
});

describe.skipIf(!available)("faults: PostgreSQL stops mid-action and comes back", () => {
  it("writes nothing half-way, says the database is down, and takes the same action once it is back", async () => {
    const db = p.db;
    const listing = await createListing(db, { issuer: ISSUER, input: input("Harbour at Dusk") });
    const audits = () =>
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, listing.id), eq(auditLog.action, "listing.update")));

    // The connection drops as the audit entry is sent: the listing's new title was already written in the transaction.
    const cut = p.proxy.cutOn('insert into "audit_log"');
    await expect(updateListing(db, { id: listing.id, issuer: ISSUER, input: input("Renamed") })).rejects.toThrow();
    await cut;

    // While it is down: every query fails fast with an error, and health says which dependency is missing.
    await expect(updateListing(db, { id: listing.id, issuer: ISSUER, input: input("Renamed") })).rejects.toThrow();
    const { GET } = await import("@/app/api/health/route");
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "degraded", database: { ok: false } });

    // Back: the same pool (no restart) sees that nothing was half-written.
    p.proxy.restore();
    const [still] = await db.select().from(artworks).where(eq(artworks.id, listing.id));
    expect(still?.title).toBe("Harbour at Dusk");
    expect(await audits()).toHaveLength(0);

    // And the action goes through, once, with its audit entry; the chain of audit hashes is whole.
    await updateListing(db, { id: listing.id, issuer: ISSUER, input: input("Renamed") });
    const [after] = await db.select().from(artworks).where(eq(artworks.id, listing.id));
    expect(after?.title).toBe("Renamed");
    expect(await audits()).toHaveLength(1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
