/**
 * The KYC approval workflow through its server actions (the action pipeline, lib/kyc/decisions, lib/kyc/approval),
 * on a real database and a real anvil chain: bad input is refused before anything else; a wallet without the
 * identity agent role is refused (audited); a retail application gets its on-chain id at the first approval step
 * and keeps it; a professional one needs two officers (the pre-approver cannot approve), each on-chain step
 * verified; an unknown failure answers `unavailable` with nothing written.
 */
import { and, eq } from "drizzle-orm";
import { type Address, type Hex, zeroAddress } from "viem";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { NO_ROLES, type Roles } from "@/lib/auth/roles";
import { identityRegistryAbi } from "@/lib/chain/abis";
import { devAccount, startTestChain, type TestChain } from "@/lib/chain/local/test-chain";
import type { KycApplicationData, KycDocumentKind } from "@/lib/db/schema";
import { auditLog, investors, investorWallets, kycApplications, kycDocuments } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { resetServerEnv } from "@/lib/env";
import type { RegistrationPlan } from "./registration";
import { REVIEW_CHECKLIST } from "./review";

const state: { session: { address: Address; expiresAt: Date; jti: string } | null; roles: Roles } = {
  session: null,
  roles: NO_ROLES,
};
const failAudit = { action: null as string | null };
let t: TestDatabase;

vi.mock("@/lib/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => state.session }));
vi.mock("@/lib/auth/roles", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/roles")>()),
  getRoles: async () => state.roles,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/chain/settle", () => ({ settleConfirmedTx: async () => undefined }));
// The audit writer, failing on request for one action (an unknown failure in the middle of a decision).
vi.mock("@/lib/audit", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/audit")>();
  return {
    ...real,
    writeAudit: async (...args: Parameters<typeof real.writeAudit>) => {
      if (failAudit.action && args[1].action === failAudit.action) throw new Error("disk full at 10.0.0.7");
      return real.writeAudit(...args);
    },
  };
});
vi.mock("next-intl/server", () => ({
  getLocale: async () => "en",
  getTranslations: async (ns?: string) => {
    const t = (key: string) => `${ns ?? ""}.${key}`;
    t.has = () => true;
    return t;
  },
}));

const grace = devAccount(1);
const marcus = devAccount(2);
const bad = devAccount(10);
const chan = devAccount(11);
const nobody = devAccount(12);
const mei = devAccount(16);
const kenji = devAccount(17);

let tc: TestChain;
let actions: typeof import("@/components/compliance/kyc-actions");

const registry = () => ({ address: tc.deployments.identityRegistry, abi: identityRegistryAbi }) as const;
const officer = (who: typeof grace) => {
  state.session = { address: who.address, expiresAt: new Date(Date.now() + 3_600_000), jti: who.address };
  state.roles = { ...NO_ROLES, compliance: true, identityAgent: true };
};
const appOf = async (id: string) => (await t.db.select().from(kycApplications).where(eq(kycApplications.id, id)))[0]!;
const investorOf = async (id: string) => (await t.db.select().from(investors).where(eq(investors.id, id)))[0]!;
const auditOf = (subjectId: string) => t.db.select().from(auditLog).where(eq(auditLog.subjectId, subjectId));

/** Sends the plan's registry call from the officer's wallet, as the review page does. */
async function sendPlan(plan: RegistrationPlan, from: typeof grace): Promise<Hex> {
  const w = tc.wallet(from);
  const expiry = BigInt(plan.expiry);
  let hash: Promise<Hex>;
  if (plan.functionName === "confirmProposal")
    hash = w.writeContract({
      ...registry(),
      functionName: "confirmProposal",
      args: [plan.investorId, plan.registers ? plan.wallet : zeroAddress, plan.country, plan.categoryCode, expiry],
    });
  else if (plan.functionName === "proposeRegistration" || plan.functionName === "registerInvestor")
    hash = w.writeContract({
      ...registry(),
      functionName: plan.functionName,
      args: [plan.wallet, plan.investorId, plan.country, plan.categoryCode, expiry],
    });
  else throw new Error(`unexpected ${plan.functionName}`);
  return (await tc.send(hash)).transactionHash;
}

/** A submitted application with its documents and every check ticked. */
async function submitted(who: typeof grace, name: string, category: "retail" | "professional") {
  const [inv] = await t.db
    .insert(investors)
    .values({ legalName: name, kycStatus: "submitted", residence: "HK", residenceNumeric: 344, category })
    .returning();
  await t.db
    .insert(investorWallets)
    .values({ address: who.address.toLowerCase(), investorId: inv!.id, isPrimary: true });
  const data: KycApplicationData = {
    personal: {
      legalName: name,
      dateOfBirth: "1980-04-01",
      email: "x@example.hk",
      phone: "+852 9000 0000",
      address: "1 Queen's Road Central, Hong Kong",
    },
    residence: { nationality: "HK", residence: "HK" },
    category:
      category === "professional"
        ? { category, portfolioHkd: 12_500_000, declaredAt: "2026-01-01T00:00:00.000Z" }
        : { category },
    questionnaire: { answers: {}, score: 5, total: 5, passed: true, at: "2026-01-01T00:00:00.000Z" },
  };
  const [app] = await t.db
    .insert(kycApplications)
    .values({
      investorId: inv!.id,
      wallet: who.address.toLowerCase(),
      status: "submitted",
      submittedAt: new Date(),
      data,
      checklist: Object.fromEntries(REVIEW_CHECKLIST.map((k) => [k, true])),
    })
    .returning();
  const kinds: KycDocumentKind[] =
    category === "professional" ? ["identity", "address", "professional"] : ["identity", "address"];
  for (const kind of kinds)
    await t.db.insert(kycDocuments).values({
      applicationId: app!.id,
      kind,
      originalName: `${kind}.pdf`,
      mime: "application/pdf",
      sizeBytes: 1000,
      sha256: `0x${"a".repeat(64)}`,
      filePath: `x/${kind}`,
      uploadedBy: who.address.toLowerCase(),
    });
  return { appId: app!.id, investorId: inv!.id };
}

beforeAll(async () => {
  tc = await startTestChain({ agents: [grace, marcus] });
  tc.serveToServer();
  t = await createTestDatabase();
  actions = await import("@/components/compliance/kyc-actions");
}, 180_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  resetServerEnv();
  await t?.close();
  await tc?.stop();
});

beforeEach(() => {
  state.session = null;
  state.roles = NO_ROLES;
  failAudit.action = null;
});

describe("the KYC approval workflow, through its actions", () => {
  it("refuses bad input before the session, naming the field; nothing is read or written", async () => {
    const { appId } = await submitted(bad, "Bad Input", "retail");
    // Signed out, and still the input is refused first.
    expect(await actions.beginApprovalAction({ id: "not-an-id" })).toMatchObject({ ok: false, code: "invalid_input" });
    officer(grace);
    const form = new FormData();
    form.set("id", appId);
    form.set("message", "too short");
    expect(await actions.rejectAction(null, form)).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { message: ["kyc.fieldErrors.reason"] },
    });
    expect(await actions.confirmApprovalAction({ id: appId, txHash: "0x1234" as `0x${string}` })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect((await appOf(appId)).status).toBe("submitted");
    expect(await auditOf(appId)).toEqual([]);
  });

  it("refuses a wallet without the identity agent role (audited), and one signed out", async () => {
    const { appId } = await submitted(mei, "Mei Wrong Role", "retail");
    expect(await actions.beginApprovalAction({ id: appId })).toMatchObject({ ok: false, code: "unauthenticated" });
    // Mei herself, an investor with a record: refused, and the refusal is audited.
    state.session = { address: mei.address, expiresAt: new Date(Date.now() + 3_600_000), jti: "mei" };
    state.roles = { ...NO_ROLES, registered: true, compliance: true };
    expect(await actions.beginApprovalAction({ id: appId })).toMatchObject({ ok: false, code: "forbidden" });
    const form = new FormData();
    form.set("id", appId);
    form.set("message", "A reason of enough length.");
    expect(await actions.rejectAction(null, form)).toMatchObject({ ok: false, code: "forbidden" });
    const refusals = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.forbidden"), eq(auditLog.actor, mei.address.toLowerCase())));
    expect(refusals.map((r) => r.subjectId)).toEqual(["identityAgent", "identityAgent"]);
    expect((await appOf(appId)).status).toBe("submitted");
    expect((await investorOf((await appOf(appId)).investorId)).onChainId).toBeNull();
  });

  it("a retail approval: the on-chain id is assigned at the first step and kept; approved once the chain shows it", async () => {
    const { appId, investorId } = await submitted(chan, "Chan Retail", "retail");
    expect((await investorOf(investorId)).onChainId).toBeNull();
    officer(grace);
    const begun = await actions.beginApprovalAction({ id: appId });
    if (!begun.ok) throw new Error(begun.code);
    const assigned = (await investorOf(investorId)).onChainId;
    expect(assigned).toMatch(/^0x[0-9a-f]{64}$/);
    expect(begun.plan).toMatchObject({ functionName: "registerInvestor", investorId: assigned });
    expect((await appOf(appId)).status).toBe("in_review");
    // Asking again (an interrupted approval) keeps the id the investor has.
    const again = await actions.beginApprovalAction({ id: appId });
    expect(again.ok && again.plan.investorId).toBe(assigned);
    expect((await investorOf(investorId)).onChainId).toBe(assigned);
    // Nothing on chain yet: not approved.
    expect(await actions.confirmApprovalAction({ id: appId, txHash: null })).toMatchObject({
      ok: false,
      code: "not_registered",
    });
    const txHash = await sendPlan(begun.plan, grace);
    expect(await actions.confirmApprovalAction({ id: appId, txHash })).toEqual({ ok: true });
    expect((await appOf(appId)).status).toBe("approved");
    expect(await investorOf(investorId)).toMatchObject({ kycStatus: "approved", onChainId: assigned });
    const [record] = await tc.client.readContract({ ...registry(), functionName: "identityOf", args: [chan.address] });
    expect(record).toBe(assigned);
  });

  it("four eyes: a professional needs a pre-approval; the pre-approver cannot approve; a second officer confirms", async () => {
    const { appId, investorId } = await submitted(kenji, "Kenji Professional", "professional");
    officer(grace);
    expect(await actions.beginApprovalAction({ id: appId })).toMatchObject({ ok: false, code: "needs_pre_approval" });
    const refused = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "kyc.approve.refused"), eq(auditLog.subjectId, appId)));
    expect(refused.map((r) => r.actor)).toEqual([grace.address.toLowerCase()]);

    const proposal = await actions.beginPreApprovalAction({ id: appId });
    if (!proposal.ok) throw new Error(proposal.code);
    expect(proposal.plan.functionName).toBe("proposeRegistration");
    expect(proposal.plan.investorId).toBe((await investorOf(investorId)).onChainId);
    const proposed = await sendPlan(proposal.plan, grace);
    expect(await actions.preApproveAction({ id: appId, txHash: proposed })).toEqual({ ok: true });
    expect((await appOf(appId)).preApprovedBy).toBe(grace.address.toLowerCase());

    // The pre-approver may not approve, in the portal…
    expect(await actions.beginApprovalAction({ id: appId })).toMatchObject({ ok: false, code: "same_officer" });
    expect(await actions.confirmApprovalAction({ id: appId, txHash: null })).toMatchObject({
      ok: false,
      code: "same_officer",
    });
    expect((await appOf(appId)).status).toBe("in_review");

    // …a second officer confirms the proposal on chain, and only then is the application approved.
    officer(marcus);
    const confirm = await actions.beginApprovalAction({ id: appId });
    if (!confirm.ok) throw new Error(confirm.code);
    expect(confirm.plan.functionName).toBe("confirmProposal");
    const confirmed = await sendPlan(confirm.plan, marcus);
    expect(await actions.confirmApprovalAction({ id: appId, txHash: confirmed })).toEqual({ ok: true });
    expect(await appOf(appId)).toMatchObject({ status: "approved", decidedBy: marcus.address.toLowerCase() });
  });

  it("an unknown failure in the middle of a decision answers unavailable, and nothing of it is written", async () => {
    const { appId, investorId } = await submitted(nobody, "Nothing Written", "retail");
    await t.db.update(kycApplications).set({ status: "in_review" }).where(eq(kycApplications.id, appId));
    officer(grace);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const before = await appOf(appId);

    failAudit.action = "kyc.reject";
    const form = new FormData();
    form.set("id", appId);
    form.set("message", "The proof of address is older than three months.");
    const rejected = await actions.rejectAction(null, form);
    expect(rejected).toMatchObject({ ok: false, code: "unavailable" });
    expect(rejected.ok === false && rejected.message).not.toContain("10.0.0.7");
    expect((await appOf(appId)).status).toBe("in_review");
    expect((await investorOf(investorId)).rejectionReason).toBeNull();

    failAudit.action = "kyc.review.save";
    expect(
      await actions.saveReviewAction({ id: appId, checklist: { identity_matches: false }, note: "a note" }),
    ).toMatchObject({
      ok: false,
      code: "unavailable",
    });
    const after = await appOf(appId);
    expect([after.checklist, after.notes]).toEqual([before.checklist, before.notes]);
    expect(await auditOf(appId)).toEqual([]);
    error.mockRestore();

    // The same calls succeed once nothing fails, each with its audit entry.
    failAudit.action = null;
    expect(
      await actions.saveReviewAction({ id: appId, checklist: { identity_matches: true }, note: "a note" }),
    ).toEqual({
      ok: true,
    });
    expect(await actions.rejectAction(null, form)).toEqual({ ok: true });
    expect((await investorOf(investorId)).rejectionReason).toBe("The proof of address is older than three months.");
    expect((await auditOf(appId)).map((e) => e.action)).toEqual(["kyc.review.save", "kyc.reject"]);
  });

  it("an unknown application is not found", async () => {
    officer(grace);
    const id = "6f1c1f6a-4a4e-4a0c-9f57-0d3b9c1c1c11";
    expect(await actions.beginApprovalAction({ id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await actions.saveReviewAction({ id, checklist: {} })).toMatchObject({ ok: false, code: "not_found" });
  });
});
