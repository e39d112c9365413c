/**
 * KYC renewal with four eyes, against a real anvil chain and a real database: an expired professional investor's
 * renewal starts from the last approved answers; renewing as retail (a downgrade) is refused to a single officer
 * (audited), the first officer's pre-approval proposes the exact record on the identity registry, the proposer can
 * neither approve in the portal nor confirm on-chain, and the second officer's approval confirms it. A wallet the
 * registry verifies without an approval in the database raises an alert.
 */
import { and, eq } from "drizzle-orm";
import { type Hex, keccak256, stringToHex, zeroAddress } from "viem";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { identityRegistryAbi } from "@/lib/chain/abis";
import { devAccount, startTestChain, type TestChain } from "@/lib/chain/local/test-chain";
import { auditLog, investors, investorWallets, kycApplications, kycDocuments } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { resetServerEnv } from "@/lib/env";
import type { RegistrationPlan } from "./registration";

const grace = devAccount(1);
const marcus = devAccount(2);
const kenji = devAccount(18);
const outsider = devAccount(19);
const mei = devAccount(17);
const meiId = keccak256(stringToHex("investor-mei-renewal")) as Hex;
const onChainId = keccak256(stringToHex("investor-kenji")) as Hex;
const DAY = 86_400;

let tc: TestChain;
let t: TestDatabase;
let approval: typeof import("./approval");
let applications: typeof import("./applications");
let alerts: typeof import("@/lib/compliance/alerts");
let investorId: string;
let renewalId: string;

const registry = () => ({ address: tc.deployments.identityRegistry, abi: identityRegistryAbi }) as const;
const readRecord = async () => tc.client.readContract({ ...registry(), functionName: "investor", args: [onChainId] });
const app = async () => (await t.db.select().from(kycApplications).where(eq(kycApplications.id, renewalId)))[0]!;

/** Sends the plan's registry call from the officer's wallet, as the review page does. */
async function sendPlan(plan: RegistrationPlan, officer: typeof grace): Promise<Hex> {
  const w = tc.wallet(officer);
  const expiry = BigInt(plan.expiry);
  let hash: Promise<Hex>;
  if (plan.functionName === "proposeUpdate" || plan.functionName === "updateInvestor")
    hash = w.writeContract({
      ...registry(),
      functionName: plan.functionName,
      args: [plan.investorId, plan.country, plan.categoryCode, expiry],
    });
  else if (plan.functionName === "confirmProposal")
    hash = w.writeContract({
      ...registry(),
      functionName: "confirmProposal",
      args: [plan.investorId, plan.registers ? plan.wallet : zeroAddress, plan.country, plan.categoryCode, expiry],
    });
  else
    hash = w.writeContract({
      ...registry(),
      functionName: plan.functionName,
      args: [plan.wallet, plan.investorId, plan.country, plan.categoryCode, expiry],
    });
  return (await tc.send(hash)).transactionHash;
}

/**
 * A retail investor from Hong Kong (`investor`: name, on-chain id) with `wallet`, and their application in review with
 * every checklist item ticked and both documents uploaded (their hashes of repeated `mark`): ready to approve.
 */
async function reviewedApplication(
  investor: { legalName: string; onChainId?: Hex },
  wallet: { address: Hex },
  mark: string,
) {
  const address = wallet.address.toLowerCase();
  const [inv] = await t.db
    .insert(investors)
    .values({ ...investor, kycStatus: "submitted", residence: "HK", category: "retail" })
    .returning();
  await t.db.insert(investorWallets).values({ address, investorId: inv!.id });
  const [application] = await t.db
    .insert(kycApplications)
    .values({
      investorId: inv!.id,
      wallet: address,
      status: "in_review",
      data: { residence: { nationality: "HK", residence: "HK" }, category: { category: "retail" } },
      checklist: Object.fromEntries(
        ["identity_matches", "address_recent", "sanctions_clear", "category_evidence", "questionnaire_ok"].map((k) => [
          k,
          true,
        ]),
      ),
    })
    .returning();
  for (const kind of ["identity", "address"] as const)
    await t.db.insert(kycDocuments).values({
      applicationId: application!.id,
      kind,
      originalName: `${kind}.pdf`,
      mime: "application/pdf",
      sizeBytes: 1000,
      sha256: `0x${mark.repeat(64)}`,
      filePath: `${mark}/${kind}`,
      uploadedBy: address,
    });
  return application!;
}

beforeAll(async () => {
  tc = await startTestChain({ agents: [grace, marcus] });
  const now = Number((await tc.client.getBlock()).timestamp);
  // Kenji was registered as a professional investor (by two agents); his KYC ends in a week (renewal window).
  const expiry = BigInt(now + 7 * DAY);
  await tc.send(
    tc.wallet(grace).writeContract({
      ...registry(),
      functionName: "proposeRegistration",
      args: [kenji.address, onChainId, 344, 2, expiry],
    }),
  );
  await tc.send(
    tc.wallet(marcus).writeContract({
      ...registry(),
      functionName: "confirmProposal",
      args: [onChainId, kenji.address, 344, 2, expiry],
    }),
  );
  // Mei, retail, whose KYC ends in a week: her renewal keeps every answer.
  await tc.send(
    tc.wallet(grace).writeContract({
      ...registry(),
      functionName: "registerInvestor",
      args: [mei.address, meiId, 344, 1, expiry],
    }),
  );
  // A wallet verified on-chain that no one approved in the portal.
  await tc.send(
    tc.wallet(grace).writeContract({
      ...registry(),
      functionName: "registerInvestor",
      args: [outsider.address, keccak256(stringToHex("outsider")), 344, 1, BigInt(now + 365 * DAY)],
    }),
  );

  tc.serveToServer();
  approval = await import("./approval");
  applications = await import("./applications");
  alerts = await import("@/lib/compliance/alerts");

  t = await createTestDatabase();
  const [inv] = await t.db
    .insert(investors)
    .values({
      legalName: "Kenji Sato",
      email: "kenji@example.jp",
      onChainId,
      kycStatus: "approved",
      nationality: "JP",
      residence: "HK",
      residenceNumeric: 344,
      category: "professional",
      kycApprovedAt: new Date((now - 358 * DAY) * 1000),
      kycExpiresAt: new Date(Number(expiry) * 1000),
    })
    .returning();
  investorId = inv!.id;
  await t.db.insert(investorWallets).values({ address: kenji.address.toLowerCase(), investorId, isPrimary: true });
  await t.db.insert(kycApplications).values({
    investorId,
    wallet: kenji.address.toLowerCase(),
    status: "approved",
    data: {
      personal: {
        legalName: "Kenji Sato",
        dateOfBirth: "1980-04-01",
        email: "kenji@example.jp",
        phone: "+852 9000 0000",
        address: "1 Queen's Road Central, Hong Kong",
      },
      residence: { nationality: "JP", residence: "HK" },
      category: { category: "professional", portfolioHkd: 12_500_000, declaredAt: "2026-01-01T00:00:00.000Z" },
      questionnaire: { answers: {}, score: 5, total: 5, passed: true, at: "2026-01-01T00:00:00.000Z" },
      disclosures: [{ key: "loss", version: "2026-01", acknowledgedAt: "2026-01-01T00:00:00.000Z" }],
    },
  });
}, 180_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  resetServerEnv();
  await t?.close();
  await tc?.stop();
});

describe("KYC renewal", () => {
  it("starts from the last approved answers (not an empty form preset to retail); disclosures and documents anew", async () => {
    const { app: draft } = await applications.getOrCreateDraft(t.db, { address: kenji.address });
    renewalId = draft.id;
    expect(draft.status).toBe("draft");
    expect(draft.data.personal?.dateOfBirth).toBe("1980-04-01");
    expect(draft.data.residence).toEqual({ nationality: "JP", residence: "HK" });
    expect(draft.data.category).toMatchObject({ category: "professional", portfolioHkd: 12_500_000 });
    expect(draft.data.disclosures).toBeUndefined();
    expect(await applications.listDocuments(t.db, { applicationId: draft.id })).toEqual([]);
  });

  it("an investor approved before applications were recorded starts from the investor record", () => {
    const data = applications.carriedOverAnswers(null, {
      legalName: "Kenji Sato",
      email: "k@example.jp",
      nationality: "JP",
      residence: "HK",
      category: "professional",
    });
    expect(data.residence).toEqual({ nationality: "JP", residence: "HK" });
    expect(data.category).toEqual({ category: "professional" });
    expect(data.personal?.legalName).toBe("Kenji Sato");
  });

  it("renewing as retail: one officer alone is refused on the server, and the refusal is audited", async () => {
    // Kenji changes his category to retail and submits, with documents and a complete checklist.
    const a = await app();
    await t.db
      .update(kycApplications)
      .set({
        status: "submitted",
        submittedAt: new Date(),
        data: { ...a.data, category: { category: "retail" } },
        checklist: Object.fromEntries(
          ["identity_matches", "address_recent", "sanctions_clear", "category_evidence", "questionnaire_ok"].map(
            (k) => [k, true],
          ),
        ),
      })
      .where(eq(kycApplications.id, renewalId));
    for (const kind of ["identity", "address"] as const)
      await t.db.insert(kycDocuments).values({
        applicationId: renewalId,
        kind,
        originalName: `${kind}.pdf`,
        mime: "application/pdf",
        sizeBytes: 1000,
        sha256: `0x${"a".repeat(64)}`,
        filePath: `x/${kind}`,
        uploadedBy: kenji.address.toLowerCase(),
      });

    const ctx = await approval.approvalContext(t.db, await app());
    expect(ctx).toMatchObject({ category: "retail", previousCategory: "professional", fourEyes: true });
    const refused = await approval.beginApproval(t.db, { app: await app(), actor: grace.address.toLowerCase() });
    expect(refused).toMatchObject({ ok: false, code: "needs_pre_approval" });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "kyc.approve.refused"), eq(auditLog.subjectId, renewalId)));
    expect(entry?.actor).toBe(grace.address.toLowerCase());
    expect(entry?.after).toMatchObject({ code: "needs_pre_approval" });
    // The registry refuses the same downgrade from one agent.
    await expect(
      tc.client.simulateContract({
        ...registry(),
        account: grace,
        functionName: "updateInvestor",
        args: [onChainId, 344, 1, BigInt(Math.floor(Date.now() / 1000) + 365 * DAY)],
      }),
    ).rejects.toThrow(/IdentityRegistryNeedsSecondAgent/);
  });

  it("the first officer's pre-approval proposes the exact record on-chain; the proposer cannot approve", async () => {
    const begun = await approval.beginPreApproval(t.db, { app: await app(), actor: grace.address.toLowerCase() });
    if (!begun.ok) throw new Error(begun.code);
    expect(begun.plan.functionName).toBe("proposeUpdate");
    expect(begun.plan.current).toMatchObject({ country: 344, categoryCode: 2 });
    expect(begun.plan.categoryCode).toBe(1);
    // Without the proposal on the registry, the pre-approval is not recorded.
    const early = await approval.confirmPreApproval(t.db, {
      app: await app(),
      actor: grace.address.toLowerCase(),
      txHash: null,
    });
    expect(early).toMatchObject({ ok: false, code: "not_proposed" });
    expect((await app()).preApprovedBy).toBeNull();

    const hash = await sendPlan(begun.plan, grace);
    const pre = await approval.confirmPreApproval(t.db, {
      app: await app(),
      actor: grace.address.toLowerCase(),
      txHash: hash,
    });
    expect(pre).toMatchObject({ ok: true });
    expect((await app()).preApprovedBy).toBe(grace.address.toLowerCase());
    const [proposer, , , category] = await tc.client.readContract({
      ...registry(),
      functionName: "proposalOf",
      args: [onChainId],
    });
    expect(proposer.toLowerCase()).toBe(grace.address.toLowerCase());
    expect(category).toBe(1);
    // Still professional on-chain until a second officer confirms.
    expect((await readRecord())[1]).toBe(2);

    const same = await approval.beginApproval(t.db, { app: await app(), actor: grace.address.toLowerCase() });
    expect(same).toMatchObject({ ok: false, code: "same_officer" });
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "kyc.approve.refused"), eq(auditLog.subjectId, renewalId)));
    expect(audited.map((e) => (e.after as { code: string }).code)).toContain("same_officer");
    await expect(
      tc.client.simulateContract({
        ...registry(),
        account: grace,
        functionName: "confirmProposal",
        args: [onChainId, zeroAddress, 344, 1, BigInt(begun.plan.expiry)],
      }),
    ).rejects.toThrow(/IdentityRegistrySameAgent/);
  });

  it("the second officer is refused a proposal stretched past an approval's validity", async () => {
    const [, , , , original] = await tc.client.readContract({
      ...registry(),
      functionName: "proposalOf",
      args: [onChainId],
    });
    const w = tc.wallet(grace);
    const send = async (hash: Promise<Hex>) => tc.client.waitForTransactionReceipt({ hash: await hash });
    // The first officer swaps the proposal for one valid for ten years, straight on the registry.
    await send(w.writeContract({ ...registry(), functionName: "cancelProposal", args: [onChainId] }));
    const stretched = BigInt(Math.floor(Date.now() / 1000) + 10 * 365 * DAY);
    await send(w.writeContract({ ...registry(), functionName: "proposeUpdate", args: [onChainId, 344, 1, stretched] }));
    const refused = await approval.beginApproval(t.db, { app: await app(), actor: marcus.address.toLowerCase() });
    expect(refused).toMatchObject({ ok: false, code: "proposal_mismatch" });
    // Put back as pre-approved, for the confirmation that follows.
    await send(w.writeContract({ ...registry(), functionName: "cancelProposal", args: [onChainId] }));
    await send(w.writeContract({ ...registry(), functionName: "proposeUpdate", args: [onChainId, 344, 1, original] }));
  });

  it("the second officer confirms the proposal on-chain, and only then is the renewal approved", async () => {
    const begun = await approval.beginApproval(t.db, { app: await app(), actor: marcus.address.toLowerCase() });
    if (!begun.ok) throw new Error(begun.code);
    expect(begun.plan.functionName).toBe("confirmProposal");
    expect(begun.plan.registers).toBe(false);
    const hash = await sendPlan(begun.plan, marcus);
    const done = await approval.confirmApproval(t.db, {
      app: await app(),
      actor: marcus.address.toLowerCase(),
      txHash: hash,
    });
    expect(done).toMatchObject({ ok: true });
    const a = await app();
    expect(a.status).toBe("approved");
    expect(a.decidedBy).toBe(marcus.address.toLowerCase());
    const [country, category, expiry] = await readRecord();
    expect([country, category]).toEqual([344, 1]);
    expect(expiry.toString()).toBe(begun.plan.expiry);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});

describe("a renewal that keeps every answer", () => {
  it("extends the registration (updateInvestor to a new expiry), not 'already registered' with the old one", async () => {
    const renewal = await reviewedApplication({ legalName: "Mei", onChainId: meiId }, mei, "b");
    const begun = await approval.beginApproval(t.db, { app: renewal, actor: grace.address.toLowerCase() });
    if (!begun.ok) throw new Error(begun.code);
    expect(begun.plan).toMatchObject({ functionName: "updateInvestor", alreadyRegistered: false });
    expect(Number(begun.plan.expiry)).toBeGreaterThan(Number(begun.plan.current!.expiry) + 300 * DAY);
  });
});

describe("alert: verified on-chain, not approved in the database", () => {
  it("names the registered wallet nobody approved, and not the approved investor", async () => {
    // Mei's renewal is in review while the registry still verifies her old registration: flagged (her record has
    // no approval in this database), and Kenji, approved, is not.
    const found = await alerts.verifiedNotApproved(t.db);
    expect(found.map((a) => a.wallet.toLowerCase())).toEqual([mei.address.toLowerCase()]);
    // The wallets the indexer saw registered on-chain are looked at too (here: recorded by hand).
    const { chainEvents } = await import("@/lib/db/schema");
    await t.db.insert(chainEvents).values({
      blockNumber: 1n,
      blockHash: `0x${"1".repeat(64)}`,
      blockTime: new Date(),
      txHash: `0x${"2".repeat(64)}`,
      logIndex: 0,
      contract: tc.deployments.identityRegistry.toLowerCase(),
      eventName: "WalletLinked",
      args: { wallet: outsider.address.toLowerCase(), investorId: keccak256(stringToHex("outsider")) },
    });
    const after = (await alerts.verifiedNotApproved(t.db)).filter((a) => a.investorId === null);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ kind: "verified_not_approved", investorId: null, status: null });
    expect(after[0]!.wallet.toLowerCase()).toBe(outsider.address.toLowerCase());
    // An investor record that is not approved (here: its approval rolled back) is flagged as well.
    await t.db
      .update(investors)
      .set({ kycApprovedAt: null, kycStatus: "in_review" })
      .where(eq(investors.id, investorId));
    const all = await alerts.verifiedNotApproved(t.db);
    expect(all.map((a) => a.investorId)).toContain(investorId);
    expect(all).toHaveLength(3);
  });
});

describe("the KYC validity period (a platform setting)", () => {
  it("a new approval is valid for the configured period, on the registry and in the investor's record", async () => {
    const { setKycValidityMonths } = await import("@/lib/settings");
    const { approvalExpiry } = await import("./state");
    const priya = devAccount(15);
    expect(await setKycValidityMonths(t.db, { months: 6, admin: devAccount(0).address })).toMatchObject({ ok: true });
    const application = await reviewedApplication({ legalName: "Priya" }, priya, "c");
    const lo = Math.floor(approvalExpiry(new Date(), 6).getTime() / 1000);
    const begun = await approval.beginApproval(t.db, { app: application, actor: grace.address.toLowerCase() });
    if (!begun.ok) throw new Error(begun.code);
    const hi = Math.floor(approvalExpiry(new Date(), 6).getTime() / 1000);
    expect(begun.plan.functionName).toBe("registerInvestor");
    expect(Number(begun.plan.expiry)).toBeGreaterThanOrEqual(lo);
    expect(Number(begun.plan.expiry)).toBeLessThanOrEqual(hi);
    const hash = await sendPlan(begun.plan, grace);
    const [current] = await t.db.select().from(kycApplications).where(eq(kycApplications.id, application.id));
    const done = await approval.confirmApproval(t.db, {
      app: current!,
      actor: grace.address.toLowerCase(),
      txHash: hash,
    });
    expect(done).toMatchObject({ ok: true });
    const [approved] = await t.db.select().from(investors).where(eq(investors.id, application.investorId!));
    expect(approved!.kycExpiresAt!.getTime() / 1000).toBe(Number(begun.plan.expiry));
    // Six months, not the twelve of the default: about 183 days from now.
    const days = (approved!.kycExpiresAt!.getTime() - Date.now()) / (DAY * 1000);
    expect(days).toBeGreaterThan(180);
    expect(days).toBeLessThan(186);
  });
});
