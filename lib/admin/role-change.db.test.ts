/**
 * The admin console's role changes against a real anvil chain and a real database: the admin's own grantRole /
 * revokeRole is verified and audited with its reason; the change holds in the person's next session check (a revoked
 * officer is refused at once, not after a cached read); the portal refuses to take the last agent before any wallet
 * is asked, and the chain refuses it too; the indexer records who granted each role and when, and tells the person of
 * each grant and revoke (made from the console or straight on the contract).
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { shareTokenFactoryAbi } from "@/lib/chain/abis";
import { devAccount, roleId, type TestChain } from "@/lib/chain/local/test-chain";
import { auditLog } from "@/lib/db/schema";
import type { TestDatabase } from "@/lib/db/testing";
import { actionHarness } from "@/lib/actions/test-support";
import { listNotifications } from "@/lib/notifications";

const admin = devAccount(0);
const grace = devAccount(1);
const newcomer = devAccount(7);
const stranger = devAccount(8);

const h = actionHarness({ chain: { agents: [grace] } });
vi.mock("@/lib/db", () => ({ getDb: async () => h.t.db }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => h.session }));
const { send, registry, signInAs } = h;

let tc: TestChain;
let t: TestDatabase;
let change: typeof import("./role-change");
let holders: typeof import("./holders");
let guard: typeof import("@/lib/auth/guard");
let indexer: typeof import("@/lib/indexer/projections");

const AGENT = roleId("AGENT_ROLE");
const index = () =>
  indexer.syncToHead({
    db: t.db,
    client: tc.client,
    contracts: { ...tc.deployments },
    confirmations: 0,
  });

beforeAll(async () => {
  ({ tc, t } = h);
  change = await import("./role-change");
  holders = await import("./holders");
  guard = await import("@/lib/auth/guard");
  indexer = await import("@/lib/indexer/projections");
}, 120_000);

describe("admin console: roles", () => {
  it("lists who holds each role from the chain, with when and by whom from the indexer", async () => {
    await index();
    const { holders: list, counts } = await holders.listRoleHolders(t.db);
    expect(counts.identityAgent).toBe(1);
    expect(counts.enforcementAgent).toBe(1);
    const agent = list.find((h) => h.role === "identityAgent");
    expect(agent).toMatchObject({ account: grace.address, grantedBy: admin.address });
    expect(agent?.grantedAt).toBeInstanceOf(Date);
    expect(list.some((h) => h.role === "admin" && h.account === admin.address)).toBe(true);
  });

  it("refuses to take the last agent before any wallet is asked, and the chain refuses it too", async () => {
    expect(
      await change.checkRoleChange(t.db, { change: "revoke", role: "identityAgent", account: grace.address }),
    ).toEqual({ ok: false, code: "last_holder" });
    expect(
      await change.checkRoleChange(t.db, { change: "revoke", role: "enforcementAgent", account: grace.address }),
    ).toEqual({ ok: false, code: "last_holder" });
    await expect(
      tc.client.simulateContract({
        ...registry(),
        functionName: "revokeRole",
        args: [AGENT, grace.address],
        account: admin.address,
      }),
    ).rejects.toThrow(/IdentityRegistryLastAgent/);
    // Nor a grant twice, nor a revoke from someone who does not hold the role.
    expect(
      await change.checkRoleChange(t.db, { change: "grant", role: "identityAgent", account: grace.address }),
    ).toEqual({ ok: false, code: "already_holder" });
    expect(await change.checkRoleChange(t.db, { change: "revoke", role: "issuer", account: stranger.address })).toEqual(
      { ok: false, code: "not_holder" },
    );
  });

  it("a grant opens the console at the officer's next session check, audited with the reason", async () => {
    signInAs(newcomer.address);
    await expect(guard.requireSession({ role: "compliance" })).rejects.toMatchObject({ code: "forbidden" });
    expect(
      await change.checkRoleChange(t.db, { change: "grant", role: "identityAgent", account: newcomer.address }),
    ).toEqual({ ok: true });
    const hash = await send(
      tc.wallet(admin).writeContract({ ...registry(), functionName: "grantRole", args: [AGENT, newcomer.address] }),
    );
    const input = {
      change: "grant" as const,
      role: "identityAgent" as const,
      account: newcomer.address,
      reason: "New compliance officer (ticket 42)",
      txHash: hash,
    };
    // Presented by someone else, or as another role or wallet: refused, nothing written.
    expect(await change.recordRoleChange(t.db, { ...input, admin: grace.address })).toEqual({
      ok: false,
      code: "tx_wrong_sender",
    });
    expect(await change.recordRoleChange(t.db, { ...input, role: "issuer", admin: admin.address })).toEqual({
      ok: false,
      code: "tx_wrong_call",
    });
    expect(await change.recordRoleChange(t.db, { ...input, account: stranger.address, admin: admin.address })).toEqual({
      ok: false,
      code: "tx_wrong_call",
    });
    expect(await change.recordRoleChange(t.db, { ...input, change: "revoke", admin: admin.address })).toEqual({
      ok: false,
      code: "tx_wrong_call",
    });
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "admin.role_grant"))).toHaveLength(0);

    expect(await change.recordRoleChange(t.db, { ...input, admin: admin.address })).toMatchObject({ ok: true });
    expect(await change.recordRoleChange(t.db, { ...input, admin: admin.address })).toEqual({
      ok: false,
      code: "already_recorded",
    });
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, "admin.role_grant"));
    expect(row).toMatchObject({
      actor: admin.address.toLowerCase(),
      actorRole: "admin",
      subjectType: "wallet",
      subjectId: newcomer.address.toLowerCase(),
      after: { role: "identityAgent", held: true, reason: "New compliance officer (ticket 42)" },
      txHash: hash.toLowerCase(),
    });
    await expect(guard.requireSession({ role: "compliance" })).resolves.toMatchObject({
      roles: { compliance: true, identityAgent: true },
    });
  });

  it("a revoke refuses the officer's very next request, audited with the reason", async () => {
    await index();
    signInAs(newcomer.address);
    // The officer's session reads its roles (cached for this block).
    await expect(guard.requireSession({ role: "compliance" })).resolves.toBeTruthy();
    expect(
      await change.checkRoleChange(t.db, { change: "revoke", role: "identityAgent", account: newcomer.address }),
    ).toEqual({ ok: true });
    const hash = await send(
      tc.wallet(admin).writeContract({ ...registry(), functionName: "revokeRole", args: [AGENT, newcomer.address] }),
    );
    expect(
      await change.recordRoleChange(t.db, {
        change: "revoke",
        role: "identityAgent",
        account: newcomer.address,
        reason: "Left the firm",
        txHash: hash,
        admin: admin.address,
      }),
    ).toMatchObject({ ok: true });
    await expect(guard.requireSession({ role: "compliance" })).rejects.toMatchObject({ code: "forbidden" });
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, "admin.role_revoke"));
    expect(row).toMatchObject({
      subjectId: newcomer.address.toLowerCase(),
      before: { role: "identityAgent", held: true },
      after: { role: "identityAgent", held: false, reason: "Left the firm" },
    });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    // The indexer's record follows: the revoked officer is no longer listed; grace is the last agent again.
    await index();
    const { counts } = await holders.listRoleHolders(t.db);
    expect(counts.identityAgent).toBe(1);
    // The officer was told of both, once each, from the indexer's record: the console to open, then home.
    await index();
    const told = await listNotifications(t.db, { address: newcomer.address, locale: "en" });
    expect(told.map((n) => [n.title, n.link])).toEqual([
      ["Your role as compliance officer (identity registry) was revoked", "/"],
      ["You are now a compliance officer (identity registry)", "/compliance"],
    ]);
  });

  it("grants and revokes the issuer role on the factory", async () => {
    const factory = { address: tc.deployments.shareTokenFactory, abi: shareTokenFactoryAbi } as const;
    const hash = await send(
      tc.wallet(admin).writeContract({
        ...factory,
        functionName: "grantRole",
        args: [roleId("ISSUER_ROLE"), stranger.address],
      }),
    );
    expect(
      await change.recordRoleChange(t.db, {
        change: "grant",
        role: "issuer",
        account: stranger.address,
        reason: "New issuer onboarded",
        txHash: hash,
        admin: admin.address,
      }),
    ).toMatchObject({ ok: true });
    signInAs(stranger.address);
    await expect(guard.requireSession({ role: "issuer" })).resolves.toBeTruthy();
    await index();
    const { holders: list } = await holders.listRoleHolders(t.db);
    expect(list.find((h) => h.role === "issuer" && h.account === stranger.address)).toMatchObject({
      grantedBy: admin.address,
      txHash: hash,
    });
  });

  it("a change made outside the portal (straight on the contract) is told to the person, and holds at their next request once indexed", async () => {
    const factory = { address: tc.deployments.shareTokenFactory, abi: shareTokenFactoryAbi } as const;
    signInAs(stranger.address);
    await expect(guard.requireSession({ role: "issuer" })).resolves.toBeTruthy();
    await send(
      tc.wallet(admin).writeContract({
        ...factory,
        functionName: "revokeRole",
        args: [roleId("ISSUER_ROLE"), stranger.address],
      }),
    );
    await index();
    // The indexer saw the revoke: the next request reads the roles at or after its block (not a cached read).
    await expect(guard.requireSession({ role: "issuer" })).rejects.toMatchObject({ code: "forbidden" });
    const told = await listNotifications(t.db, { address: stranger.address, locale: "zh-HK" });
    expect(told.map((n) => [n.title, n.link])).toEqual([
      ["你的發行人角色已被撤銷", "/"],
      ["你現已成為發行人", "/issuer"],
    ]);
  });
});
