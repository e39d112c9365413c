/**
 * Issuer onboarding (KYB) through its server actions and upload route, on a real database: bad input is refused in
 * words before anything is written (nothing rewritten); a wallet without the identity agent role cannot decide; an
 * applicant reaches only their own application; signatory wallets of investors or of role holders are refused; the
 * needs-information round trip; four eyes (the pre-approver cannot approve, both audited, refusals too); and an
 * approved application waits for the issuer role until every wallet holds it on-chain, then reads "active".
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, like } from "drizzle-orm";
import { type Address, getAddress } from "viem";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NO_ROLES, type Roles } from "@/lib/auth/roles";
import { auditLog, issuerApplications } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { resetServerEnv } from "@/lib/env";
import { createInvestorWithWallet } from "@/lib/investors";
import { writeStoredFile } from "@/lib/storage";
import { simplePdf } from "@/scripts/seed/pdf";
import { activateIfGranted, getIssuerApplication, openKybDocument } from "@/lib/kyb";
import { KYB_CHECKLIST, KYB_DOCUMENT_KINDS } from "./state";

let t: TestDatabase;
const state: {
  session: { address: Address; expiresAt: Date; jti: string } | null;
  roles: Map<string, Partial<Roles>>;
} = { session: null, roles: new Map() };

vi.mock("@/lib/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => state.session }));
vi.mock("@/lib/auth/roles", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/roles")>()),
  getRoles: async (address: string) => ({ ...NO_ROLES, ...state.roles.get(address.toLowerCase()) }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next-intl/server", async () => (await import("@/lib/i18n/test-intl")).keyedIntl);

const { saveIssuerApplicationAction, submitIssuerApplicationAction } = await import("@/components/kyb/actions");
const { approveKybAction, preApproveKybAction, rejectKybAction, requestKybInformationAction, saveKybReviewAction } =
  await import("@/components/compliance/kyb-actions");
const { POST: postDocument } = await import("@/app/api/uploads/issuer-applications/[applicationId]/[kind]/route");

const GALLERY = getAddress("0x14dc79964da2c08b23698b3d3cc7ca32193d9955"); // anvil #7 shape, any fresh wallet
const SECOND = getAddress("0x23618e81e3f5cdf7f54c3d65f7fbc0abf5b21e8f");
const STRANGER = getAddress("0xa0ee7a142d267c1f36714e4a8f75612f20a79720");
const INVESTOR = getAddress("0xbcd4042de499d14e55001ccbb24a551f3b954096");
const ISSUER = getAddress("0x90f79bf6eb2c4f870365e785982e1f101e93b906");
const GRACE = getAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
const MARCUS = getAddress("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc");

function signIn(address: Address) {
  state.session = { address, expiresAt: new Date(Date.now() + 3_600_000), jti: `j-${address}` };
}
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

const draft = {
  legalNameEn: "Kowloon Modern Gallery Limited",
  legalNameZh: "九龍現代畫廊有限公司",
  crNumber: "3141592",
  brNumber: "",
  registeredAddress: "12/F, 88 Nathan Road, Tsim Sha Tsui, Kowloon",
  people: [{ name: "Irene Ho", role: "Director" }],
  signatoryWallets: [GALLERY, SECOND],
  listingPlan: "Contemporary Hong Kong ink paintings, two to four works a year.",
};

function upload(id: string, kind: string) {
  const pdf = simplePdf(kind, ["Company document"]);
  return postDocument(
    new Request(`http://localhost/api/uploads/issuer-applications/${id}/${kind}?name=${kind}.pdf`, {
      method: "POST",
      body: new Uint8Array(pdf),
      headers: { "content-type": "application/pdf" },
    }),
    { params: Promise.resolve({ applicationId: id, kind }) },
  );
}

const audits = (id: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectId, id), like(auditLog.action, "kyb.%")));

beforeAll(async () => {
  vi.stubEnv("DATA_DIR", mkdtempSync(path.join(tmpdir(), "atelier-kyb-")));
  vi.stubEnv("DOCUMENT_ENCRYPTION_KEY", "cd".repeat(32));
  resetServerEnv();
  t = await createTestDatabase();
  await createInvestorWithWallet(t.db, { address: INVESTOR });
  state.roles.set(ISSUER.toLowerCase(), { issuer: true });
  state.roles.set(GRACE.toLowerCase(), { compliance: true, identityAgent: true });
  state.roles.set(MARCUS.toLowerCase(), { compliance: true, identityAgent: true });
});
afterAll(async () => {
  await t?.close();
  vi.unstubAllEnvs();
  resetServerEnv();
});

describe("issuer applications (KYB)", () => {
  let id = "";

  it("refuses bad input in words, rewriting nothing and writing nothing", async () => {
    signIn(GALLERY);
    const r = await saveIssuerApplicationAction({
      ...draft,
      crNumber: "314 1592",
      brNumber: "1234567",
      signatoryWallets: [GALLERY.toLowerCase()],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("invalid_input");
    expect(r.fieldErrors).toMatchObject({
      crNumber: ["kyb.fields.cr_number"],
      brNumber: ["kyb.fields.br_number"],
      "signatoryWallets.0": ["kyb.fields.wallet_checksum"],
    });
    expect(await t.db.select().from(issuerApplications)).toHaveLength(0);
  });

  it("refuses a signatory wallet of an investor or of a role holder, and an applying investor", async () => {
    signIn(GALLERY);
    const investorWallet = await saveIssuerApplicationAction({ ...draft, signatoryWallets: [GALLERY, INVESTOR] });
    expect(investorWallet).toMatchObject({ ok: false, code: "wallet_investor" });
    const issuerWallet = await saveIssuerApplicationAction({ ...draft, signatoryWallets: [ISSUER] });
    expect(issuerWallet).toMatchObject({ ok: false, code: "wallet_role" });
    signIn(INVESTOR);
    expect(await saveIssuerApplicationAction(draft)).toMatchObject({ ok: false, code: "applicant_investor" });
    expect(await t.db.select().from(issuerApplications)).toHaveLength(0);
  });

  it("saves a draft as typed; submission needs the three documents; others cannot reach it", async () => {
    signIn(GALLERY);
    const saved = await saveIssuerApplicationAction(draft);
    expect(saved.ok).toBe(true);
    id = saved.ok ? saved.id : "";
    const app = await getIssuerApplication(t.db, id);
    expect(app?.data).toEqual(draft);
    expect(app?.applicant).toBe(GALLERY.toLowerCase());
    expect(await submitIssuerApplicationAction({ id })).toMatchObject({ ok: false, code: "documents_missing" });

    // Someone else's application: not submitted, no document accepted (before any byte), not openable.
    signIn(STRANGER);
    expect(await submitIssuerApplicationAction({ id })).toMatchObject({ ok: false, code: "not_found" });
    expect((await upload(id, "board_resolution")).status).toBe(403);

    signIn(GALLERY);
    for (const kind of KYB_DOCUMENT_KINDS) expect((await upload(id, kind)).status).toBe(201);
    const bogus = await postDocument(
      new Request(`http://localhost/api/uploads/issuer-applications/${id}/board_resolution?name=x.pdf`, {
        method: "POST",
        body: new TextEncoder().encode("not a pdf at all"),
      }),
      { params: Promise.resolve({ applicationId: id, kind: "board_resolution" }) },
    );
    expect(bogus.status).toBe(422);
    expect(await bogus.json()).toMatchObject({
      code: "unsupported_type",
      fieldErrors: { file: expect.stringContaining("Only PDF, JPEG and PNG") },
    });
    const empty = await postDocument(
      new Request(`http://localhost/api/uploads/issuer-applications/${id}/board_resolution?name=x.pdf`, {
        method: "POST",
        body: new Uint8Array(0),
      }),
      { params: Promise.resolve({ applicationId: id, kind: "board_resolution" }) },
    );
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ code: "empty", fieldErrors: { file: "Choose a file to upload." } });
    const [doc] = await t.db.query.issuerApplicationDocuments.findMany({ limit: 1 });
    expect(await openKybDocument(t.db, { id: doc!.id, viewer: { address: STRANGER, compliance: false } })).toEqual({
      status: "not_found",
    });
    const opened = await openKybDocument(t.db, { id: doc!.id, viewer: { address: GRACE, compliance: true } });
    expect(opened).toMatchObject({ status: "ok", mime: "application/pdf", filename: `${doc!.kind}.pdf` });
    const views = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, doc!.id));
    expect(views.map((v) => `${v.action}:${v.actorRole}`)).toEqual([
      "kyb.document.view_refused:none",
      "kyb.document.view:compliance",
    ]);
    expect(views[1]!.after).toEqual({ application: id, kind: doc!.kind, sha256: doc!.sha256 });

    // A file altered at rest is not served; uploading that kind again replaces it (the upload audit names both).
    await writeStoredFile(doc!.filePath, Buffer.from("altered at rest"));
    expect(await openKybDocument(t.db, { id: doc!.id, viewer: { address: GALLERY, compliance: false } })).toEqual({
      status: "corrupt",
    });
    expect((await upload(id, doc!.kind)).status).toBe(201);
    const replacing = (await audits(id)).filter((a) => a.action === "kyb.document.upload").at(-1);
    expect(replacing).toMatchObject({
      actorRole: "applicant",
      before: { replaced: [{ id: doc!.id, sha256: doc!.sha256 }] },
      after: { kind: doc!.kind, mime: "application/pdf" },
    });
    expect(await openKybDocument(t.db, { id: doc!.id, viewer: { address: GALLERY, compliance: false } })).toEqual({
      status: "not_found",
    });

    expect(await submitIssuerApplicationAction({ id })).toEqual({ ok: true });
    expect((await getIssuerApplication(t.db, id))?.status).toBe("submitted");
    // Submitted: no longer editable by its applicant.
    expect(await saveIssuerApplicationAction(draft)).toMatchObject({ ok: false, code: "not_editable" });
    expect((await upload(id, "board_resolution")).status).toBe(409);
  });

  it("only identity agents decide", async () => {
    for (const who of [GALLERY, ISSUER]) {
      signIn(who);
      expect(await preApproveKybAction({ id })).toMatchObject({ ok: false, code: "forbidden" });
      expect(await approveKybAction({ id })).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect((await getIssuerApplication(t.db, id))?.status).toBe("submitted");
  });

  it("round-trips a request for information", async () => {
    signIn(GRACE);
    expect(await requestKybInformationAction(null, form({ id, message: "Please add the company secretary." }))).toEqual(
      {
        ok: true,
      },
    );
    signIn(GALLERY);
    const people = [...draft.people, { name: "Kelvin Lau", role: "Company secretary" }];
    expect((await saveIssuerApplicationAction({ ...draft, people })).ok).toBe(true);
    expect(await submitIssuerApplicationAction({ id })).toMatchObject({ ok: false, code: "incomplete" });
    expect(await submitIssuerApplicationAction({ id, response: "Added Kelvin Lau." })).toEqual({ ok: true });
    const app = await getIssuerApplication(t.db, id);
    expect(app).toMatchObject({ status: "resubmitted", infoResponse: "Added Kelvin Lau." });
    expect(app?.data.people).toEqual(people);
  });

  it("approves with four eyes only, each step and refusal audited", async () => {
    signIn(GRACE);
    expect(await approveKybAction({ id })).toMatchObject({ ok: false, code: "needs_pre_approval" });
    expect(await preApproveKybAction({ id })).toMatchObject({ ok: false, code: "review_incomplete" });
    const checklist = Object.fromEntries(KYB_CHECKLIST.map((k) => [k, true]));
    expect(await saveKybReviewAction({ id, checklist, note: "Checked at the Companies Registry." })).toEqual({
      ok: true,
    });
    expect(await preApproveKybAction({ id })).toEqual({ ok: true });
    expect(await preApproveKybAction({ id })).toMatchObject({ ok: false, code: "already_pre_approved" });
    expect(await approveKybAction({ id })).toMatchObject({ ok: false, code: "same_officer" });
    signIn(MARCUS);
    expect(await approveKybAction({ id })).toEqual({ ok: true });
    expect(await rejectKybAction(null, form({ id, message: "Too late to reject this one." }))).toMatchObject({
      ok: false,
      code: "not_reviewable",
    });
    const app = await getIssuerApplication(t.db, id);
    expect(app).toMatchObject({
      status: "approved",
      preApprovedBy: GRACE.toLowerCase(),
      decidedBy: MARCUS.toLowerCase(),
    });
    const actions = (await audits(id)).map((a) => `${a.action}:${a.actor}`);
    expect(actions).toContain(`kyb.pre_approve:${GRACE.toLowerCase()}`);
    expect(actions).toContain(`kyb.approve:${MARCUS.toLowerCase()}`);
    expect(actions).toContain(`kyb.approve.refused:${GRACE.toLowerCase()}`);
    // A refused attempt records the application's state as read, the code and the readiness it was judged on.
    const refusals = (await audits(id)).filter((a) => a.action === "kyb.approve.refused");
    const refusal = (code: string) => refusals.find((r) => (r.after as { code?: string }).code === code);
    expect(refusal("needs_pre_approval")).toMatchObject({
      actorRole: "compliance",
      subjectType: "issuer_application",
      before: { status: "resubmitted", preApprovedBy: null },
      after: { missingDocuments: [], uncheckedItems: expect.arrayContaining(["company_registered"]) },
    });
    expect(refusal("same_officer")).toMatchObject({
      before: { preApprovedBy: GRACE.toLowerCase() },
      after: { missingDocuments: [], uncheckedItems: [] },
    });
  });

  it("waits for the issuer role on every signatory wallet, then reads active", async () => {
    const approved = (await getIssuerApplication(t.db, id))!;
    const held = new Set([GALLERY.toLowerCase()]);
    const isIssuer = async (a: string) => held.has(a.toLowerCase());
    expect((await activateIfGranted(t.db, { app: approved, isIssuer })).status).toBe("approved");
    held.add(SECOND.toLowerCase());
    const active = await activateIfGranted(t.db, { app: approved, isIssuer });
    expect(active.status).toBe("active");
    expect(active.activatedAt).toBeInstanceOf(Date);
    expect((await audits(id)).some((a) => a.action === "kyb.activate" && a.actor === "system")).toBe(true);
  });

  it("rejects with a reason; the applicant may then start again", async () => {
    signIn(STRANGER);
    const saved = await saveIssuerApplicationAction({ ...draft, signatoryWallets: [STRANGER] });
    const other = saved.ok ? saved.id : "";
    for (const kind of KYB_DOCUMENT_KINDS) expect((await upload(other, kind)).status).toBe(201);
    expect(await submitIssuerApplicationAction({ id: other })).toEqual({ ok: true });
    signIn(GRACE);
    expect(await rejectKybAction(null, form({ id: other, message: "no" }))).toMatchObject({ code: "invalid_input" });
    expect(await rejectKybAction(null, form({ id: other, message: "The board resolution is unsigned." }))).toEqual({
      ok: true,
    });
    expect(await getIssuerApplication(t.db, other)).toMatchObject({
      status: "rejected",
      rejectionReason: "The board resolution is unsigned.",
    });
    signIn(STRANGER);
    expect((await saveIssuerApplicationAction({ ...draft, signatoryWallets: [STRANGER] })).ok).toBe(true);
  });
});
