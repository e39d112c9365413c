import { eq } from "drizzle-orm";
import type { Address, PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { artworks, auditLog } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { followTokenMigration, readSuccessor, TokenMigrationError } from "./token-migration";

const ZERO = "0x0000000000000000000000000000000000000000";
const OLD: Address = "0x1111111111111111111111111111111111111111";
const NEW: Address = "0x2222222222222222222222222222222222222222";
const LUMEN = "0x90f79bf6eb2c4f870365e785982e1f101e93b906";

/** What the chain answers to `migration()`: per token, (predecessor, successor, copying). */
function chain(state: Record<string, readonly [string, string, boolean]>, failing: string[] = []): PublicClient {
  return {
    readContract: async ({ address, functionName }: { address: string; functionName: string }) => {
      expect(functionName).toBe("migration");
      if (failing.includes(address)) throw new Error("execution reverted");
      return state[address] ?? [ZERO, ZERO, false];
    },
  } as unknown as PublicClient;
}

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.insert(artworks).values({
    slug: "harbour-at-dusk-1a2b",
    issuerAddress: LUMEN,
    title: "Harbour at Dusk",
    artist: "Lam",
    status: "deployed",
    tokenAddress: OLD.toLowerCase(),
  });
});
afterAll(async () => {
  await t?.close();
});

describe("the listing follows a finished token migration", () => {
  it("refuses until the chain says the old token is retired and its successor's copy ended", async () => {
    await expect(followTokenMigration({ db: t.db, client: chain({}), token: OLD, actor: LUMEN })).rejects.toThrowError(
      new TokenMigrationError("not_retired"),
    );
    const copying = chain({ [OLD]: [ZERO, NEW, false], [NEW]: [OLD, ZERO, true] });
    await expect(followTokenMigration({ db: t.db, client: copying, token: OLD, actor: LUMEN })).rejects.toThrowError(
      new TokenMigrationError("copy_running"),
    );
    const [row] = await t.db.select().from(artworks);
    expect(row!.tokenAddress).toBe(OLD.toLowerCase());
  });

  it("points the listing at the successor once, audited; a second run finds it done", async () => {
    const done = chain({ [OLD]: [ZERO, NEW, false], [NEW]: [OLD, ZERO, false] });
    const first = await followTokenMigration({ db: t.db, client: done, token: OLD, actor: LUMEN });
    expect(first).toMatchObject({ status: "moved", from: OLD, to: NEW });
    const [row] = await t.db.select().from(artworks);
    expect(row!.tokenAddress).toBe(NEW.toLowerCase());
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, "listing.token_migrated"));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: LUMEN, subjectType: "artwork", subjectId: row!.id });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);

    expect(await followTokenMigration({ db: t.db, client: done, token: OLD, actor: LUMEN })).toEqual({
      status: "already",
      artworkId: row!.id,
      to: NEW,
    });
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "listing.token_migrated"))).toHaveLength(1);
  });

  it("reads no successor from a live token or one cloned before migrations existed", async () => {
    expect(await readSuccessor(chain({}), OLD)).toBeNull();
    expect(await readSuccessor(chain({}, [OLD]), OLD)).toBeNull();
    expect(await readSuccessor(chain({ [OLD]: [ZERO, NEW, false] }), OLD)).toBe(NEW);
  });
});
