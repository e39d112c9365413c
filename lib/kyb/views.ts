import "server-only";

/**
 * View loaders of the issuer-application pages: the applicant's page, the compliance queue and application, and the
 * admin console's "waiting for the issuer role" list. Each reads the issuer role of the signatory wallets from the
 * chain (the session's own role read, with its floor), so an application whose wallets all hold it reads "active".
 */
import { getRoles } from "@/lib/auth";
import { getDb } from "@/lib/db";
import type { IssuerApplication, KybStatus } from "@/lib/db/schema";
import { kybStatuses } from "@/lib/db/schema";
import type { Database } from "@/lib/db/connect";
import { getApplicationOf, type RoleReader } from "./applications";
import { type KybDocumentViewer, listKybDocuments, openKybDocument } from "./documents";
import { pageNumber, parsePageCursor } from "@/lib/paging";
import {
  activateIfGranted,
  KYB_QUEUE_KEYSET,
  KYB_QUEUE_PAGE,
  listAwaitingIssuerRole,
  listKybQueue,
  listRecentlyActivated,
} from "./review";
import { kybReadiness } from "./state";
import { getIssuerApplication } from "./transitions";

/** The platform roles of a wallet, from the chain. */
export const chainRoleReader: RoleReader = async (address) => {
  const r = await getRoles(address);
  return { admin: r.admin, compliance: r.compliance, issuer: r.issuer };
};

const isIssuerOnChain = async (address: string) => (await getRoles(address)).issuer;

async function withActivation(db: Database, app: IssuerApplication): Promise<IssuerApplication> {
  try {
    return await activateIfGranted(db, { app, isIssuer: isIssuerOnChain });
  } catch (error) {
    // The chain could not be read: the application shows as it was recorded.
    console.error("[kyb] issuer role read failed:", error instanceof Error ? error.message : error);
    return app;
  }
}

async function documentsOf(db: Database, app: IssuerApplication) {
  const docs = await listKybDocuments(db, { applicationId: app.id });
  return docs.map((d) => ({ id: d.id, kind: d.kind, name: d.originalName, mime: d.mime, sizeBytes: d.sizeBytes }));
}

export type KybDocumentView = Awaited<ReturnType<typeof documentsOf>>[number];

/** The applicant's page: their latest application (active once the role is seen on-chain) and its documents. */
export async function getMyIssuerApplicationView(applicant: string) {
  const db = await getDb();
  const found = await getApplicationOf(db, { applicant });
  if (!found) return { app: null, documents: [] };
  const app = await withActivation(db, found);
  return { app, documents: await documentsOf(db, app) };
}

/**
 * The compliance queue: one page (`?after=` / `?before=`) of the waiting applications, or of those of the status asked
 * for in the URL, with "Page 2 of 20".
 */
export async function getKybQueueView(sp: Record<string, string | string[] | undefined>) {
  const raw = typeof sp.status === "string" ? sp.status : undefined;
  const status = (kybStatuses as readonly string[]).includes(raw ?? "") ? (raw as KybStatus) : undefined;
  const cursor = parsePageCursor(sp, KYB_QUEUE_KEYSET.parts.length);
  const page = await listKybQueue(await getDb(), { status, cursor });
  return { status: status ?? null, page, number: pageNumber(page, KYB_QUEUE_PAGE) };
}

/** One application for compliance, with its documents and what approval still lacks. */
export async function getKybApplicationView(id: string) {
  const db = await getDb();
  const found = await getIssuerApplication(db, id);
  if (!found) return null;
  const app = await withActivation(db, found);
  const documents = await documentsOf(db, app);
  const readiness = kybReadiness({ documentKinds: documents.map((d) => d.kind), checklist: app.checklist });
  return { app, documents, readiness };
}

/** The admin console: approved applications, each wallet with whether it holds the issuer role yet. */
export async function getAwaitingIssuerRoleView() {
  const db = await getDb();
  const apps = await listAwaitingIssuerRole(db);
  const out = [];
  for (const found of apps) {
    const app = await withActivation(db, found);
    if (app.status !== "approved") continue;
    const wallets = await Promise.all(
      (app.data.signatoryWallets ?? []).map(async (w) => ({
        address: w,
        issuer: await isIssuerOnChain(w).catch(() => false),
      })),
    );
    out.push({ id: app.id, legalNameEn: app.data.legalNameEn ?? "", legalNameZh: app.data.legalNameZh ?? "", wallets });
  }
  const recent = (await listRecentlyActivated(db)).map((a) => ({
    id: a.id,
    legalNameEn: a.data.legalNameEn ?? "",
    activatedAt: a.activatedAt!,
  }));
  return { waiting: out, recent };
}

/** A company document for the authorised file route (the applicant or compliance; see ./documents). */
export async function openIssuerDocument({ id, viewer }: { id: string; viewer: KybDocumentViewer }) {
  return openKybDocument(await getDb(), { id, viewer });
}
