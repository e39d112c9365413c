/**
 * The audit page's queries cost what they show: the total stops counting past a cap (the page then says "more
 * than"), and the action list is read along the action index, whatever the size of the log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAudit } from "@/lib/audit";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { listAudit, listAuditActions, parseAuditParams } from "./audit-query";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  for (let i = 0; i < 30; i++)
    await writeAudit(t.db, {
      actor: "system",
      actorRole: "system",
      action: ["kyc.approve", "auth.sign_in", "token.wallet_freeze"][i % 3]!,
      subjectType: "investor",
      subjectId: `inv-${i}`,
    });
});
afterAll(async () => {
  await t?.close();
});

describe("audit queries", () => {
  it("counts every entry under the cap and says when there are more", async () => {
    expect(await listAudit(t.db, parseAuditParams({}), { limit: 5 })).toMatchObject({ total: 30, capped: false });
    const capped = await listAudit(t.db, parseAuditParams({}), { limit: 5, countCap: 12 });
    expect(capped).toMatchObject({ total: 12, capped: true });
    expect(capped.rows).toHaveLength(5);
    // The cap counts from the page's first entry: page 3 of 5 still knows 12 more.
    expect(await listAudit(t.db, parseAuditParams({ page: "3" }), { limit: 5, countCap: 12 })).toMatchObject({
      total: 22,
      capped: true,
    });
    expect(
      await listAudit(t.db, parseAuditParams({ action: "kyc.approve" }), { limit: 5, countCap: 12 }),
    ).toMatchObject({ total: 10, capped: false });
  });

  it("lists each action once, in order", async () => {
    expect(await listAuditActions(t.db)).toEqual(["auth.sign_in", "kyc.approve", "token.wallet_freeze"]);
  });
});
