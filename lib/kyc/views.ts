import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getKycValidityMonths } from "@/lib/settings";
import { getDb } from "@/lib/db";
import {
  auditLog,
  investorCategories,
  investors,
  kycStatuses,
  type InvestorCategory,
  type KycStatus,
} from "@/lib/db/schema";
import {
  canEditApplication,
  getApplication,
  getInfoThread,
  getLatestApplication,
  listDocuments,
  listQueue,
  QUEUE_PAGE,
  QUEUE_SORTS,
  queueKeyset,
  type QueueFilters,
  type QueueSort,
} from "@/lib/kyc/applications";
import { pageNumber, parsePageCursor } from "@/lib/paging";
import { readRegisteredRecord } from "@/lib/kyc/registration";
import { listLinkRequests, listRecentLinkDecisions } from "@/lib/kyc/wallet-links";
import { listUnlinkRequests } from "@/lib/kyc/wallet-unlinks";

/**
 * Server-only view loaders of the KYC pages (the investor's onboarding and the identity agents' queues): each page
 * calls one and receives plain data; pages and components never reach the database.
 */

export { investorCategories, kycStatuses, type InvestorCategory, type KycStatus };

/** The queue's "waiting at least N days" choices. */
export const QUEUE_AGES = [0, 1, 3, 7, 14] as const;

function parseQueueFilters(sp: Record<string, string | string[] | undefined>): QueueFilters {
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : undefined);
  const status = one("status");
  const category = one("category");
  const country = one("country");
  const age = Number(one("age") ?? 0);
  return {
    status:
      status && (status === "open" || (kycStatuses as readonly string[]).includes(status))
        ? (status as KycStatus | "open")
        : "open",
    category:
      category && (investorCategories as readonly string[]).includes(category)
        ? (category as InvestorCategory)
        : undefined,
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    minAgeDays: QUEUE_AGES.includes(age as (typeof QUEUE_AGES)[number]) ? age : 0,
    sort: (QUEUE_SORTS as readonly string[]).includes(one("sort") ?? "") ? (one("sort") as QueueSort) : "oldest",
  };
}

/**
 * The KYC review queue: the filters from the URL and one page of the applications they select (`?after=` /
 * `?before=`, a cursor of the sort the page was made with: another sort's cursor shows page 1), with "Page 2 of 20".
 */
export async function getKycQueueView(sp: Record<string, string | string[] | undefined>) {
  const filters = parseQueueFilters(sp);
  const keyset = queueKeyset(filters.sort);
  const page = await listQueue(await getDb(), filters, { cursor: parsePageCursor(sp, keyset.parts.length) });
  return { filters, page, number: pageNumber(page, QUEUE_PAGE) };
}

/**
 * One application for compliance: the application, its investor, documents, information thread and audit trail, and
 * what the identity registry holds for the wallet today (null, with `registryUnavailable`, when it could not be read).
 * Null when there is no such application or investor.
 */
export async function getKycApplicationView(id: string) {
  const db = await getDb();
  const app = await getApplication(db, { id });
  if (!app) return null;
  const [[investor], docs, thread, history] = await Promise.all([
    db.select().from(investors).where(eq(investors.id, app.investorId)),
    listDocuments(db, { applicationId: app.id }),
    getInfoThread(db, { applicationId: app.id }),
    db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, "kyc_application"), inArray(auditLog.subjectId, [app.id])))
      .orderBy(asc(auditLog.id)),
  ]);
  if (!investor) return null;
  // What the identity registry holds for this wallet today: a renewal's "before", and half of the four-eyes rule.
  let registered: Awaited<ReturnType<typeof readRegisteredRecord>> = null;
  let registryUnavailable = false;
  try {
    registered = await readRegisteredRecord(app.wallet, investor.onChainId);
  } catch (error) {
    console.error("[compliance/kyc] registry read failed:", error instanceof Error ? error.message : error);
    registryUnavailable = true;
  }
  // The platform's KYC validity period: how long this approval (or renewal) will be valid.
  const validityMonths = await getKycValidityMonths(db);
  return { app, investor, docs, thread, history, registered, registryUnavailable, validityMonths };
}

export type KycApplicationView = NonNullable<Awaited<ReturnType<typeof getKycApplicationView>>>;

/** The wallet-link queue: requests waiting, decisions of the last `days`, and unlink requests. */
export async function getWalletLinkQueueView({ days }: { days: number }) {
  const db = await getDb();
  const [waiting, recent, unlinks] = await Promise.all([
    listLinkRequests(db, { statuses: ["submitted"] }),
    listRecentLinkDecisions(db, { days }),
    listUnlinkRequests(db),
  ]);
  return { waiting, recent, unlinks };
}

/** The investor's latest application and its documents (none before they start one). */
export async function getOnboardingView({ investorId }: { investorId: string | null }) {
  const db = await getDb();
  const app = investorId ? await getLatestApplication(db, { investorId }) : null;
  const docs = app ? await listDocuments(db, { applicationId: app.id }) : [];
  return { app, docs };
}

/** One step of the wizard: the application, if this actor may still edit it, and its documents; else null. */
export async function getWizardStepView(actor: { address: string; compliance: boolean; investorId: string }) {
  const db = await getDb();
  const app = await getLatestApplication(db, { investorId: actor.investorId });
  if (!app || !canEditApplication(actor, app)) return null;
  const docs = await listDocuments(db, { applicationId: app.id });
  return { app, docs };
}

export type WizardStepView = NonNullable<Awaited<ReturnType<typeof getWizardStepView>>>;

export type WalletLinkQueueView = Awaited<ReturnType<typeof getWalletLinkQueueView>>;
