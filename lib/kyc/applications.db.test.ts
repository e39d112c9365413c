import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { auditLog, investors, kycApplications, kycDocuments, type KycDocumentKind } from "@/lib/db/schema";
import {
  applyTransition,
  canEditApplication,
  expireLapsedApprovals,
  getInfoThread,
  canViewApplication,
  getApplicationForActor,
  getOrCreateDraft,
  listQueue,
  saveApplicationStep,
} from "./applications";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

const alice = "0x1111111111111111111111111111111111111111";
const bob = "0x2222222222222222222222222222222222222222";
const grace = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

describe("KYC applications on a real database", () => {
  it("an investor sees and edits only their own application; compliance sees all but edits none", async () => {
    const a = await getOrCreateDraft(t.db, { address: alice });
    const b = await getOrCreateDraft(t.db, { address: bob });
    const asAlice = { address: alice, compliance: false, investorId: a.investor.id };
    const asBob = { address: bob, compliance: false, investorId: b.investor.id };
    const asGrace = { address: grace, compliance: true, investorId: null };

    expect(canViewApplication(asAlice, a.app)).toBe(true);
    expect(canViewApplication(asBob, a.app)).toBe(false);
    expect(canViewApplication(asGrace, a.app)).toBe(true);
    expect(await getApplicationForActor(t.db, { id: a.app.id, actor: asBob })).toBeNull();
    expect((await getApplicationForActor(t.db, { id: a.app.id, actor: asAlice }))?.id).toBe(a.app.id);
    expect(canEditApplication(asGrace, a.app)).toBe(false);

    const refused = await saveApplicationStep(t.db, {
      actor: asBob,
      applicationId: a.app.id,
      step: "residence",
      patch: { residence: { nationality: "HK", residence: "HK" } },
    });
    expect(refused).toEqual({ ok: false, code: "not_found" });

    const saved = await saveApplicationStep(t.db, {
      actor: asAlice,
      applicationId: a.app.id,
      step: "residence",
      patch: { residence: { nationality: "HK", residence: "HK" } },
    });
    expect(saved.ok).toBe(true);
    const [inv] = await t.db.select().from(investors).where(eq(investors.id, a.investor.id));
    expect(inv?.residenceNumeric).toBe(344);

    // The same draft resumes (no second application).
    expect((await getOrCreateDraft(t.db, { address: alice })).app.id).toBe(a.app.id);
  });

  it("transitions are compare-and-set, mirrored to the investor, audited, and the chain verifies", async () => {
    const { app, investor } = await getOrCreateDraft(t.db, { address: "0x3333333333333333333333333333333333333333" });
    const submitted = await applyTransition(t.db, {
      app,
      event: { type: "submit" },
      actor: app.wallet,
      actorRole: "investor",
      set: { submittedAt: new Date() },
    });
    expect(submitted.ok).toBe(true);
    // A stale copy (still "draft") cannot be submitted twice.
    expect(
      await applyTransition(t.db, { app, event: { type: "submit" }, actor: app.wallet, actorRole: "investor" }),
    ).toEqual({ ok: false, code: "conflict" });
    if (!submitted.ok) throw new Error("unreachable");
    expect(
      await applyTransition(t.db, {
        app: submitted.app,
        event: { type: "submit" },
        actor: app.wallet,
        actorRole: "investor",
      }),
    ).toEqual({
      ok: false,
      code: "already_submitted",
    });
    const [inv] = await t.db.select().from(investors).where(eq(investors.id, investor.id));
    expect(inv?.kycStatus).toBe("submitted");
    const queue = (await listQueue(t.db, { status: "open" })).rows;
    expect(queue.map((r) => r.id)).toContain(app.id);
    expect((await listQueue(t.db, { status: "open", minAgeDays: 3 })).rows).toEqual([]);
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, app.id));
    expect(entries.map((e) => e.action)).toEqual(["kyc.application.create", "kyc.submit"]);
    expect(entries[1]?.before).toMatchObject({ status: "draft" });
    expect(entries[1]?.after).toMatchObject({ status: "submitted" });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it("an approval past its validity becomes expired once (audited by system); a valid one stays approved", async () => {
    const now = new Date("2027-06-01T00:00:00Z");
    const approve = async (address: string, expiresAt: Date) => {
      const { app, investor } = await getOrCreateDraft(t.db, { address });
      await t.db.update(kycApplications).set({ status: "approved" }).where(eq(kycApplications.id, app.id));
      await t.db
        .update(investors)
        .set({ kycStatus: "approved", kycExpiresAt: expiresAt })
        .where(eq(investors.id, investor.id));
      return { appId: app.id, investorId: investor.id };
    };
    const lapsed = await approve("0x4444444444444444444444444444444444444444", new Date("2027-05-31T23:59:59Z"));
    const valid = await approve("0x5555555555555555555555555555555555555555", new Date("2027-06-02T00:00:00Z"));

    expect(await expireLapsedApprovals(t.db, { now })).toBe(1);
    expect(await expireLapsedApprovals(t.db, { now })).toBe(0);
    const [a] = await t.db.select().from(kycApplications).where(eq(kycApplications.id, lapsed.appId));
    const [b] = await t.db.select().from(kycApplications).where(eq(kycApplications.id, valid.appId));
    expect(a?.status).toBe("expired");
    expect(b?.status).toBe("approved");
    const [inv] = await t.db.select().from(investors).where(eq(investors.id, lapsed.investorId));
    expect(inv?.kycStatus).toBe("expired");
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, lapsed.appId))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({
      action: "kyc.expire",
      actor: "system",
      before: { status: "approved" },
      after: { status: "expired" },
    });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it("the server refuses approval and pre-approval without the identity and address documents and every check; each refusal is audited", async () => {
    const marcus = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
    const openApplication = async (address: string, category: "retail" | "professional") => {
      const { app } = await getOrCreateDraft(t.db, { address });
      await t.db
        .update(kycApplications)
        .set({ status: "in_review", submittedAt: new Date(), data: { category: { category } } as never })
        .where(eq(kycApplications.id, app.id));
      const [row] = await t.db.select().from(kycApplications).where(eq(kycApplications.id, app.id));
      return row!;
    };
    const upload = async (applicationId: string, kind: KycDocumentKind) =>
      t.db.insert(kycDocuments).values({
        applicationId,
        kind,
        originalName: `${kind}.pdf`,
        mime: "application/pdf",
        sizeBytes: 10,
        sha256: `0x${"a".repeat(64)}`,
        filePath: `kyc/${applicationId}/${kind}.bin`,
        uploadedBy: "0x6666666666666666666666666666666666666666",
      });
    const reload = async (id: string) =>
      (await t.db.select().from(kycApplications).where(eq(kycApplications.id, id)))[0]!;
    const lastAudit = async (id: string) =>
      (await t.db.select().from(auditLog).where(eq(auditLog.subjectId, id)).orderBy(desc(auditLog.id)).limit(1))[0];
    const allChecks = {
      identity_matches: true,
      address_recent: true,
      sanctions_clear: true,
      category_evidence: true,
      questionnaire_ok: true,
    };

    // No documents, nothing ticked: refused, the status does not move, the refusal is in the audit log.
    const app = await openApplication("0x6666666666666666666666666666666666666666", "retail");
    const approve = async () =>
      applyTransition(t.db, {
        app: await reload(app.id),
        event: { type: "approve", actor: grace },
        actor: grace,
        actorRole: "compliance",
      });
    expect(await approve()).toEqual({ ok: false, code: "review_incomplete" });
    expect((await reload(app.id)).status).toBe("in_review");
    expect(await lastAudit(app.id)).toMatchObject({
      action: "kyc.approve.refused",
      actor: grace,
      actorRole: "compliance",
      before: { status: "in_review" },
      after: {
        code: "review_incomplete",
        missingDocuments: ["identity", "address"],
        uncheckedItems: Object.keys(allChecks),
      },
    });

    // Documents but one check left unticked: still refused, and the entry names what is missing.
    await upload(app.id, "identity");
    await upload(app.id, "address");
    await t.db
      .update(kycApplications)
      .set({ checklist: { ...allChecks, sanctions_clear: false } })
      .where(eq(kycApplications.id, app.id));
    expect(await approve()).toEqual({ ok: false, code: "review_incomplete" });
    expect((await lastAudit(app.id))?.after).toMatchObject({
      missingDocuments: [],
      uncheckedItems: ["sanctions_clear"],
    });

    // Everything in place: approved.
    await t.db.update(kycApplications).set({ checklist: allChecks }).where(eq(kycApplications.id, app.id));
    const approved = await approve();
    expect(approved.ok && approved.app.status).toBe("approved");

    // A professional: pre-approval needs the professional evidence too; the same officer cannot confirm.
    const pro = await openApplication("0x7777777777777777777777777777777777777777", "professional");
    await upload(pro.id, "identity");
    await upload(pro.id, "address");
    await t.db.update(kycApplications).set({ checklist: allChecks }).where(eq(kycApplications.id, pro.id));
    const preApprove = async () =>
      applyTransition(t.db, {
        app: await reload(pro.id),
        event: { type: "pre_approve", actor: grace },
        actor: grace,
        actorRole: "compliance",
        set: { preApprovedBy: grace, preApprovedAt: new Date() },
        action: "kyc.pre_approve",
      });
    expect(await preApprove()).toEqual({ ok: false, code: "review_incomplete" });
    expect(await lastAudit(pro.id)).toMatchObject({
      action: "kyc.pre_approve.refused",
      after: { code: "review_incomplete", missingDocuments: ["professional"] },
    });
    await upload(pro.id, "professional");
    expect((await preApprove()).ok).toBe(true);
    const sameOfficer = await applyTransition(t.db, {
      app: await reload(pro.id),
      event: { type: "approve", actor: grace },
      actor: grace,
      actorRole: "compliance",
    });
    expect(sameOfficer).toEqual({ ok: false, code: "same_officer" });
    expect(await lastAudit(pro.id)).toMatchObject({
      action: "kyc.approve.refused",
      actor: grace,
      after: { code: "same_officer" },
    });
    const confirmed = await applyTransition(t.db, {
      app: await reload(pro.id),
      event: { type: "approve", actor: marcus },
      actor: marcus,
      actorRole: "compliance",
    });
    expect(confirmed.ok).toBe(true);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});

describe("a request for information and its answer", () => {
  it("keep the first submission date (queue order), show the exchange as a thread and mark the resubmission", async () => {
    const marcus = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
    const { app } = await getOrCreateDraft(t.db, { address: "0x8888888888888888888888888888888888888888" });
    const first = new Date("2026-11-01T02:00:00Z");
    const submitted = await applyTransition(t.db, {
      app,
      event: { type: "submit" },
      actor: app.wallet,
      actorRole: "investor",
      set: { submittedAt: first },
    });
    if (!submitted.ok) throw new Error("submit failed");
    const asked = await applyTransition(t.db, {
      app: submitted.app,
      event: { type: "request_information" },
      actor: grace,
      actorRole: "compliance",
      set: { infoRequest: "Please upload a bank statement from the last 3 months.", infoResponse: null },
    });
    if (!asked.ok) throw new Error("request failed");
    const answered = await applyTransition(t.db, {
      app: asked.app,
      event: { type: "submit" },
      actor: app.wallet,
      actorRole: "investor",
      set: { submittedAt: new Date("2026-11-20T02:00:00Z"), infoResponse: "Uploaded the October statement." },
    });
    if (!answered.ok) throw new Error("resubmit failed");
    expect(answered.app.submittedAt?.toISOString()).toBe(first.toISOString());

    const row = (await listQueue(t.db, { status: "open" })).rows.find((r) => r.id === app.id);
    expect(row).toMatchObject({ resubmitted: true });
    expect(row?.submittedAt?.toISOString()).toBe(first.toISOString());

    // A second round: the thread keeps both questions and both answers, in order.
    const askedAgain = await applyTransition(t.db, {
      app: answered.app,
      event: { type: "request_information" },
      actor: marcus,
      actorRole: "compliance",
      set: { infoRequest: "The statement shows another address: explain.", infoResponse: null },
    });
    if (!askedAgain.ok) throw new Error("second request failed");
    await applyTransition(t.db, {
      app: askedAgain.app,
      event: { type: "submit" },
      actor: app.wallet,
      actorRole: "investor",
      set: { submittedAt: new Date(), infoResponse: "I moved in September; the lease is attached." },
    });
    const thread = await getInfoThread(t.db, { applicationId: app.id });
    expect(thread.map((m) => [m.kind, m.by, m.text])).toEqual([
      ["request", grace, "Please upload a bank statement from the last 3 months."],
      ["response", app.wallet, "Uploaded the October statement."],
      ["request", marcus, "The statement shows another address: explain."],
      ["response", app.wallet, "I moved in September; the lease is attached."],
    ]);
    // An application never asked anything is not "resubmitted".
    const other = await getOrCreateDraft(t.db, { address: "0x9999999999999999999999999999999999999999" });
    await applyTransition(t.db, {
      app: other.app,
      event: { type: "submit" },
      actor: other.app.wallet,
      actorRole: "investor",
      set: { submittedAt: new Date() },
    });
    expect((await listQueue(t.db, { status: "open" })).rows.find((r) => r.id === other.app.id)?.resubmitted).toBe(
      false,
    );
  });
});

describe("the KYC queue", () => {
  it("sorts oldest first by default, newest first or by name on request", async () => {
    const base = new Date("2026-10-01T00:00:00Z").getTime();
    const make = async (address: string, name: string, daysAfter: number) => {
      const { app, investor } = await getOrCreateDraft(t.db, { address });
      await t.db.update(investors).set({ legalName: name }).where(eq(investors.id, investor.id));
      await t.db
        .update(kycApplications)
        .set({ status: "submitted", submittedAt: new Date(base + daysAfter * 86_400_000) })
        .where(eq(kycApplications.id, app.id));
      return app.id;
    };
    const zed = await make("0xa000000000000000000000000000000000000001", "Zed Queue", 1);
    const amy = await make("0xa000000000000000000000000000000000000002", "Amy Queue", 2);
    const kim = await make("0xa000000000000000000000000000000000000003", "Kim Queue", 0);
    const order = async (sort?: "oldest" | "newest" | "name") =>
      (await listQueue(t.db, { status: "open", sort })).rows
        .map((r) => r.id)
        .filter((id) => [zed, amy, kim].includes(id));
    expect(await order()).toEqual([kim, zed, amy]);
    expect(await order("oldest")).toEqual([kim, zed, amy]);
    expect(await order("newest")).toEqual([amy, zed, kim]);
    expect(await order("name")).toEqual([amy, kim, zed]);
  });
});
