import { sql } from "drizzle-orm";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { investors, investorWallets } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { auditKnownWalletRead, auditSessionEvent, isKnownWallet } from "./known-wallet";

const none = { admin: false, compliance: false, issuer: false, registered: false };
const stranger = privateKeyToAccount(generatePrivateKey()).address;
const investor = privateKeyToAccount(generatePrivateKey()).address;
const officer = privateKeyToAccount(generatePrivateKey()).address;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  const [inv] = await t.db
    .insert(investors)
    .values({ legalName: "Mei Chan", kycStatus: "draft", residence: "HK", category: "retail" })
    .returning();
  await t.db.insert(investorWallets).values({ address: investor.toLowerCase(), investorId: inv!.id, isPrimary: true });
});
afterAll(async () => {
  await t?.close();
});

const auditRows = async () => Number((await t.db.execute(sql`SELECT count(*)::int AS n FROM audit_log`)).rows[0]!.n);

describe("sign-in audit of unknown wallets", () => {
  it("knows a wallet by its investor record, an on-chain role or registry entry; not a self-made one", async () => {
    expect(await isKnownWallet(t.db, { address: stranger, readRoles: async () => none })).toBe(false);
    expect(await isKnownWallet(t.db, { address: investor, readRoles: async () => none })).toBe(true);
    expect(
      await isKnownWallet(t.db, { address: officer, readRoles: async () => ({ ...none, compliance: true }) }),
    ).toBe(true);
    expect(
      await isKnownWallet(t.db, { address: officer, readRoles: async () => ({ ...none, registered: true }) }),
    ).toBe(true);
    // Chain down: audit rather than lose a real user's trail.
    expect(
      await isKnownWallet(t.db, {
        address: stranger,
        readRoles: async () => {
          throw new Error("chain down");
        },
      }),
    ).toBe(true);
  });

  it("a self-made wallet signing in and out leaves no audit row; a known one does", async () => {
    const before = await auditRows();
    for (const action of ["auth.sign_in", "auth.sign_out"] as const)
      expect(
        await auditSessionEvent(t.db, { address: stranger, action, jti: "j1", ip: null, readRoles: async () => none }),
      ).toBe(false);
    expect(await auditRows()).toBe(before);
    expect(
      await auditSessionEvent(t.db, {
        address: investor,
        action: "auth.sign_in",
        jti: "j2",
        ip: "203.0.113.9",
        readRoles: async () => none,
      }),
    ).toBe(true);
    expect(await auditRows()).toBe(before + 1);
  });
});

describe("audit of reads any wallet may make", () => {
  it("a self-made wallet downloading its (empty) statement leaves no row, however often; a known one does", async () => {
    const entry = (actor: string) => ({
      actor,
      actorRole: "investor",
      action: "portfolio.statement_exported",
      subjectType: "investor",
      subjectId: actor.toLowerCase(),
    });
    const before = await auditRows();
    for (let i = 0; i < 3; i++)
      expect(await auditKnownWalletRead(t.db, { entry: entry(stranger), readRoles: async () => none })).toBe(false);
    expect(await auditRows()).toBe(before);
    expect(await auditKnownWalletRead(t.db, { entry: entry(investor), readRoles: async () => none })).toBe(true);
    expect(await auditRows()).toBe(before + 1);
  });
});
