import "server-only";

/**
 * The applicant's side of an issuer application: the one open application of a wallet, saved as a draft while
 * editable, submitted (or resubmitted with an answer) when complete. Only the applying wallet reads or changes it.
 */
import { and, desc, eq, ne } from "drizzle-orm";
import { getAddress } from "viem";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { firstRowWhere } from "@/lib/db/rows";
import { type IssuerApplication, issuerApplications } from "@/lib/db/schema";
import { getWalletOwners } from "@/lib/investors";
import { type KybDraftInput, missingForSubmission } from "./input";
import { isKybEditable } from "./state";
import { applyKybTransition, getIssuerApplication, loadKybReadiness, type KybResult } from "./transitions";

/** The platform roles a wallet holds on-chain (read by the caller from the chain; a test passes its own). */
export type RoleReader = (address: string) => Promise<{ admin: boolean; compliance: boolean; issuer: boolean }>;

export type KybApplicantError =
  | "not_found"
  | "not_editable"
  | "incomplete"
  | "documents_missing"
  | "wallet_investor"
  | "wallet_role"
  | "applicant_investor"
  | "applicant_role";

type Refusal = {
  ok: false;
  code: KybApplicantError;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
};

/** The wallet's latest application (an open one, else its latest rejected one), or null. */
export const getApplicationOf = (db: Database, { applicant }: { applicant: string }) =>
  firstRowWhere(
    db,
    issuerApplications,
    eq(issuerApplications.applicant, applicant.toLowerCase()),
    desc(issuerApplications.createdAt),
  );

/** An application as its applicant may see it: null for anyone else's (the same as one that does not exist). */
export async function getOwnApplication(db: Database, { id, applicant }: { id: string; applicant: string }) {
  const app = await getIssuerApplication(db, id);
  return app && app.applicant === applicant.toLowerCase() ? app : null;
}

/**
 * Refuses a signatory wallet that already belongs to an investor or holds a platform role (admin, compliance,
 * issuer): an issuer's wallet is the company's, and staff wallets stay staff. The first such wallet is named.
 */
export async function checkSignatoryWallets(
  db: Database,
  { wallets, roleOf }: { wallets: readonly string[]; roleOf: RoleReader },
): Promise<{ ok: true } | Refusal> {
  const owners = await getWalletOwners(
    db,
    wallets.map((w) => w.toLowerCase()),
  );
  const refuse = (code: KybApplicantError, index: number): Refusal => ({
    ok: false,
    code,
    values: { wallet: getAddress(wallets[index]!) },
    fieldErrors: { [`signatoryWallets.${index}`]: [code] },
  });
  for (const [i, w] of wallets.entries()) {
    if (owners.some((o) => o.address.toLowerCase() === w.toLowerCase())) return refuse("wallet_investor", i);
    const roles = await roleOf(w);
    if (roles.admin || roles.compliance || roles.issuer) return refuse("wallet_role", i);
  }
  return { ok: true };
}

/** Saves the applicant's answers: creates their application, or changes it while it is editable. Audited. */
export async function saveKybDraft(
  db: Database,
  { applicant, input, roleOf }: { applicant: string; input: KybDraftInput; roleOf: RoleReader },
): Promise<{ ok: true; app: IssuerApplication } | Refusal> {
  const who = applicant.toLowerCase();
  // The applying wallet itself: an investor's wallet or a staff wallet does not apply for a company.
  const self = await checkSignatoryWallets(db, { wallets: [getAddress(who)], roleOf });
  if (!self.ok) return { ok: false, code: self.code === "wallet_investor" ? "applicant_investor" : "applicant_role" };
  const wallets = await checkSignatoryWallets(db, { wallets: input.signatoryWallets, roleOf });
  if (!wallets.ok) return wallets;
  const open = await db
    .select()
    .from(issuerApplications)
    .where(and(eq(issuerApplications.applicant, who), ne(issuerApplications.status, "rejected")))
    .limit(1);
  const current = open[0] ?? null;
  if (current && !isKybEditable(current.status)) return { ok: false, code: "not_editable" };
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    const [row] = current
      ? await t
          .update(issuerApplications)
          .set({ data: input })
          .where(and(eq(issuerApplications.id, current.id), eq(issuerApplications.status, current.status)))
          .returning()
      : await t.insert(issuerApplications).values({ applicant: who, data: input }).returning();
    if (!row) return { ok: false as const, code: "not_editable" as const };
    await writeAudit(t, {
      actor: who,
      actorRole: "applicant",
      action: current ? "kyb.save" : "kyb.create",
      subjectType: "issuer_application",
      subjectId: row.id,
      after: { status: row.status, wallets: input.signatoryWallets.map((w) => w.toLowerCase()) },
    });
    return { ok: true as const, app: row };
  });
}

/**
 * Submits the applicant's application (or resubmits it with an answer to compliance's request): only complete, with
 * its three documents, and its wallets checked again (one may have become an investor's since the draft).
 */
export async function submitKybApplication(
  db: Database,
  { id, applicant, response, roleOf }: { id: string; applicant: string; response?: string; roleOf: RoleReader },
): Promise<KybResult | Refusal> {
  const app = await getOwnApplication(db, { id, applicant });
  if (!app) return { ok: false, code: "not_found" };
  if (!isKybEditable(app.status)) return { ok: false, code: "not_editable" };
  const d = app.data;
  const missing = missingForSubmission({
    legalNameEn: d.legalNameEn ?? "",
    legalNameZh: d.legalNameZh ?? "",
    crNumber: d.crNumber ?? "",
    brNumber: d.brNumber ?? "",
    registeredAddress: d.registeredAddress ?? "",
    people: d.people ?? [],
    signatoryWallets: d.signatoryWallets ?? [],
    listingPlan: d.listingPlan ?? "",
  });
  if (Object.keys(missing).length)
    return {
      ok: false,
      code: "incomplete",
      fieldErrors: Object.fromEntries(Object.entries(missing).map(([f, k]) => [f, [k]])),
    };
  if (app.status === "needs_information" && !response?.trim())
    return { ok: false, code: "incomplete", fieldErrors: { response: ["response_required"] } };
  const { missingDocuments } = await loadKybReadiness(db, app);
  if (missingDocuments.length) return { ok: false, code: "documents_missing" };
  const wallets = await checkSignatoryWallets(db, { wallets: d.signatoryWallets ?? [], roleOf });
  if (!wallets.ok) return wallets;
  return applyKybTransition(db, {
    app,
    event: { type: "submit" },
    actor: applicant.toLowerCase(),
    actorRole: "applicant",
    // The first submission date stays: answering a request never sends the company behind newer applicants.
    set: {
      submittedAt: app.submittedAt ?? new Date(),
      ...(response?.trim() ? { infoResponse: response.trim() } : {}),
    },
    details: response?.trim() ? { response: response.trim() } : {},
  });
}
