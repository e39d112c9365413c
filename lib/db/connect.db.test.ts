import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, migrateDatabase } from "./connect";
import { investors, investorWallets, profiles } from "./schema";
import { createTestDatabase } from "./testing";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("createDatabase", () => {
  it("keeps PGlite data in ${dataDir}/pglite across close and reopen, and migrates idempotently", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "atelier-db-"));
    dirs.push(dataDir);
    const first = await createDatabase({ dataDir });
    await migrateDatabase(first.db);
    await first.db.insert(profiles).values({ address: "0x" + "a".repeat(40), displayName: "Ada" });
    await first.close();

    const second = await createDatabase({ dataDir });
    await migrateDatabase(second.db);
    const rows = await second.db.select().from(profiles);
    expect(rows).toMatchObject([{ displayName: "Ada", locale: "en" }]);
    await second.close();
  }, 60_000);

  it("refuses to migrate a foreign object", async () => {
    await expect(migrateDatabase({} as never)).rejects.toThrow(/not created by createDatabase/);
  });
});

describe("schema", () => {
  it("enforces lowercase addresses, one primary wallet and cascades", async () => {
    const t = await createTestDatabase();
    try {
      const [inv] = await t.db.insert(investors).values({ legalName: "Chan Tai Man", category: "retail" }).returning();
      expect(inv).toMatchObject({ kycStatus: "draft", category: "retail" });
      const investorId = inv!.id;
      await expect(
        t.db.insert(investorWallets).values({ address: "0x" + "A".repeat(40), investorId }),
      ).rejects.toThrow();
      await t.db.insert(investorWallets).values({ address: "0x" + "1".repeat(40), investorId, isPrimary: true });
      await expect(
        t.db.insert(investorWallets).values({ address: "0x" + "2".repeat(40), investorId, isPrimary: true }),
      ).rejects.toThrow();
      await t.db.delete(investors).where(eq(investors.id, investorId));
      expect(await t.db.select().from(investorWallets)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
