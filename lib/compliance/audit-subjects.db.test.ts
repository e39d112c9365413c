import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAudit } from "@/lib/audit";
import { artworks, auditLog, investors, investorWallets, kycApplications } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { describeAuditSubjects } from "./audit-query";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe("audit subjects for a person", () => {
  it("names the investor (by record, wallet or KYC application) and the artwork (by listing or token)", async () => {
    const [inv] = await t.db.insert(investors).values({ kycStatus: "draft", legalName: "Mei Chan" }).returning();
    const wallet = "0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc";
    await t.db.insert(investorWallets).values({ address: wallet, investorId: inv!.id, isPrimary: true });
    const [app] = await t.db.insert(kycApplications).values({ investorId: inv!.id, wallet }).returning();
    const token = "0x00000000000000000000000000000000000000aa";
    const [art] = await t.db
      .insert(artworks)
      .values({
        slug: "quiet-mountains-aa",
        issuerAddress: "0x90f79bf6eb2c4f870365e785982e1f101e93b906",
        title: "Quiet Mountains",
        artist: "Lam",
        tokenAddress: token,
      })
      .returning();
    for (const [subjectType, subjectId] of [
      ["investor", inv!.id],
      ["wallet", wallet],
      ["kyc_application", app!.id],
      ["token", token],
      ["artwork", art!.id],
      ["wallet", "0x0000000000000000000000000000000000000001"],
      ["registry", "0x00000000000000000000000000000000000000bb"],
    ] as const)
      await writeAudit(t.db, { actor: "system", actorRole: "system", action: "test.subject", subjectType, subjectId });
    const rows = await t.db.select().from(auditLog);
    const names = await describeAuditSubjects(t.db, rows);
    expect(names.get(`investor:${inv!.id}`)).toBe("Mei Chan");
    expect(names.get(`wallet:${wallet}`)).toBe("Mei Chan");
    expect(names.get(`kyc_application:${app!.id}`)).toBe("Mei Chan");
    expect(names.get(`token:${token}`)).toBe("Quiet Mountains");
    expect(names.get(`artwork:${art!.id}`)).toBe("Quiet Mountains");
    expect(names.has("wallet:0x0000000000000000000000000000000000000001")).toBe(false);
    expect(names.has("registry:0x00000000000000000000000000000000000000bb")).toBe(false);
  });
});
