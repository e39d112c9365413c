/**
 * The platform admin's emergency stop against a real anvil chain and a real database: only the admin's own
 * stopPlatform / resumePlatform transaction is recorded, with its reason, in the audit chain; the registry's flag is
 * what the portal reads.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { devAccount, roleId, type TestChain } from "@/lib/chain/local/test-chain";
import { auditLog } from "@/lib/db/schema";
import type { TestDatabase } from "@/lib/db/testing";
import { actionHarness } from "@/lib/actions/test-support";

const admin = devAccount(0);
const officer = devAccount(1);

const h = actionHarness({ chain: { agents: [officer] } });
const { send, registry } = h;

let tc: TestChain;
let t: TestDatabase;
let stop: typeof import("./stop");
let status: typeof import("./status");

beforeAll(async () => {
  ({ tc, t } = h);
  stop = await import("./stop");
  status = await import("./status");
}, 120_000);

describe("emergency stop", () => {
  it("is refused on-chain to anyone but the platform admin", async () => {
    await expect(tc.wallet(officer).writeContract({ ...registry(), functionName: "stopPlatform" })).rejects.toThrow();
    expect(await status.getPlatformStopped()).toBe(false);
  });

  it("records the admin's stop with its reason, and nothing else", async () => {
    const hash = await send(tc.wallet(admin).writeContract({ ...registry(), functionName: "stopPlatform" }));
    // Presented by someone else, or as the other direction: refused.
    expect(
      await stop.recordPlatformStop(t.db, { stop: true, reason: "Key leak", txHash: hash, admin: officer.address }),
    ).toEqual({ ok: false, code: "tx_wrong_sender" });
    expect(
      await stop.recordPlatformStop(t.db, { stop: false, reason: "Key leak", txHash: hash, admin: admin.address }),
    ).toEqual({ ok: false, code: "tx_not_stop" });
    // Another registry call by the admin is not a stop either.
    const grant = await send(
      tc.wallet(admin).writeContract({
        ...registry(),
        functionName: "grantRole",
        args: [roleId("AGENT_ROLE"), devAccount(3).address],
      }),
    );
    expect(
      await stop.recordPlatformStop(t.db, { stop: true, reason: "Key leak", txHash: grant, admin: admin.address }),
    ).toEqual({ ok: false, code: "tx_not_stop" });
    expect(await t.db.select().from(auditLog)).toHaveLength(0);

    expect(
      await stop.recordPlatformStop(t.db, {
        stop: true,
        reason: "Suspected key leak",
        txHash: hash,
        admin: admin.address,
      }),
    ).toEqual({ ok: true });
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, "platform.stop"));
    expect(row).toMatchObject({
      actor: admin.address.toLowerCase(),
      actorRole: "admin",
      subjectType: "platform",
      after: { stopped: true, reason: "Suspected key leak" },
      txHash: hash.toLowerCase(),
    });
  });

  it("makes the registry refuse an agent's write, until the admin resumes", async () => {
    await expect(
      tc.wallet(officer).writeContract({
        ...registry(),
        functionName: "registerInvestor",
        args: [devAccount(9).address, `0x${"ab".repeat(32)}`, 344, 1, 4_000_000_000n],
      }),
    ).rejects.toThrow(/IdentityRegistryPlatformStopped/);
    const hash = await send(tc.wallet(admin).writeContract({ ...registry(), functionName: "resumePlatform" }));
    expect(
      await stop.recordPlatformStop(t.db, { stop: false, reason: "Keys rotated", txHash: hash, admin: admin.address }),
    ).toEqual({ ok: true });
    await send(
      tc.wallet(officer).writeContract({
        ...registry(),
        functionName: "registerInvestor",
        args: [devAccount(9).address, `0x${"ab".repeat(32)}`, 344, 1, 4_000_000_000n],
      }),
    );
    const rows = await t.db.select({ action: auditLog.action }).from(auditLog);
    expect(rows.map((r) => r.action)).toEqual(["platform.stop", "platform.resume"]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});
