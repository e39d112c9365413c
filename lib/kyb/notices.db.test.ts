/**
 * KYB decisions tell the company (lib/notifications), on a real database: a request for information, an approval and
 * a rejection each leave exactly one notice per person — the applicant, and a signatory wallet that is another
 * person — with its email in the outbox in the reader's language, linking to the issuer application; review steps
 * (the checklist, a pre-approval) tell nobody; the notice is written in the decision's own transaction.
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  issuerApplicationDocuments,
  issuerApplications,
  notificationOutbox,
  notifications,
  profiles,
} from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { walletRecipient } from "@/lib/notifications";
import { savePreferences } from "@/lib/notifications";
import { approveKybApplication, decideKybApplication, preApproveKybApplication, saveKybReview } from "@/lib/kyb";
import { KYB_CHECKLIST, KYB_DOCUMENT_KINDS } from "./state";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

let seq = 0;
const wallet = () => `0x${(++seq).toString(16).padStart(40, "b")}`;
const OFFICER_A = "0x" + "1".repeat(40);
const OFFICER_B = "0x" + "2".repeat(40);

/** A submitted application, documents and checklist complete; the applicant has a profile with an email. */
async function submitted({ signatory = true }: { signatory?: boolean } = {}) {
  const applicant = wallet();
  const other = wallet();
  await t.db.insert(profiles).values({ address: applicant, displayName: "Irene Ho", email: "irene@gallery.hk" });
  const [app] = await t.db
    .insert(issuerApplications)
    .values({
      applicant,
      status: "submitted",
      submittedAt: new Date(),
      checklist: Object.fromEntries(KYB_CHECKLIST.map((c) => [c, true])),
      data: {
        legalNameEn: "Kowloon Modern Gallery Limited",
        legalNameZh: "九龍現代畫廊有限公司",
        signatoryWallets: signatory ? [applicant, other] : [applicant],
      },
    })
    .returning();
  for (const kind of KYB_DOCUMENT_KINDS)
    await t.db.insert(issuerApplicationDocuments).values({
      applicationId: app!.id,
      kind,
      originalName: `${kind}.pdf`,
      mime: "application/pdf",
      sizeBytes: 10,
      sha256: `0x${"cd".repeat(32)}`,
      filePath: `kyb/${kind}`,
      uploadedBy: applicant,
    });
  return { app: app!, applicant, other };
}

const noticesOf = (address: string) =>
  t.db
    .select()
    .from(notifications)
    .where(eq(notifications.recipient, walletRecipient(address)));

describe("KYB decisions notify the company", () => {
  it("a request for information: one notice each for the applicant and the other signatory, with the request", async () => {
    const { app, applicant, other } = await submitted();
    await saveKybReview(t.db, { id: app.id, actor: OFFICER_A, checklist: {}, note: "internal" });
    expect(await noticesOf(applicant)).toEqual([]);
    const r = await decideKybApplication(t.db, {
      id: app.id,
      actor: OFFICER_A,
      kind: "request_information",
      message: "Please send the latest annual return.",
    });
    expect(r.ok).toBe(true);
    for (const who of [applicant, other]) {
      const mine = await noticesOf(who);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ kind: "kyb_needs_information", link: "/issuer-application" });
      expect(mine[0]!.params).toMatchObject({ request: "Please send the latest annual return." });
    }
    const [email] = await t.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.notificationId, (await noticesOf(applicant))[0]!.id));
    expect(email).toMatchObject({
      email: "irene@gallery.hk",
      locale: "en",
      subject: "Atelier: Compliance needs more information about Kowloon Modern Gallery Limited",
    });
    expect(email!.text).toContain("Please send the latest annual return.");
  });

  it("approval (four eyes): the pre-approval tells nobody; the approval tells each person once, in Chinese when asked", async () => {
    const { app, applicant, other } = await submitted();
    await savePreferences(t.db, {
      address: applicant,
      locale: "zh-HK",
      email: { kyc: true, orders: true, listings: true, offerings: true, holdings: true, roles: true },
    });
    expect((await preApproveKybApplication(t.db, { id: app.id, actor: OFFICER_A })).ok).toBe(true);
    expect(await noticesOf(applicant)).toEqual([]);
    expect((await approveKybApplication(t.db, { id: app.id, actor: OFFICER_B })).ok).toBe(true);
    for (const who of [applicant, other]) {
      const mine = await noticesOf(who);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ kind: "kyb_approved", link: "/issuer-application" });
    }
    const [email] = await t.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.notificationId, (await noticesOf(applicant))[0]!.id));
    expect(email).toMatchObject({ locale: "zh-HK", subject: "Atelier: 九龍現代畫廊有限公司已獲批准成為發行人" });
  });

  it("a rejection: exactly one notice with the reason, the applicant being the only signatory; a refused move tells nothing", async () => {
    const { app, applicant } = await submitted({ signatory: false });
    const r = await decideKybApplication(t.db, {
      id: app.id,
      actor: OFFICER_A,
      kind: "reject",
      message: "The company number does not match the certificate.",
    });
    expect(r.ok).toBe(true);
    const mine = await noticesOf(applicant);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      kind: "kyb_rejected",
      link: "/issuer-application",
      params: expect.objectContaining({ reason: "The company number does not match the certificate." }),
    });
    // Deciding again on a rejected application is refused, and refused moves notify nobody.
    const again = await decideKybApplication(t.db, { id: app.id, actor: OFFICER_B, kind: "reject", message: "x" });
    expect(again.ok).toBe(false);
    expect(await noticesOf(applicant)).toHaveLength(1);
    const all = await t.db
      .select()
      .from(notifications)
      .where(inArray(notifications.kind, ["kyb_rejected"]));
    expect(all).toHaveLength(1);
  });
});
