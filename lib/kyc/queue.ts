import "server-only";

/** The compliance review queue of KYC applications: filters, sorts and rows. */
import { and, asc, desc, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { type InvestorCategory, investors, kycApplications, type KycStatus } from "@/lib/db/schema";

export type QueueFilters = {
  status?: KycStatus | "open";
  /** ISO alpha-2 of residence. */
  country?: string;
  category?: InvestorCategory;
  /** Only applications submitted at least this many days ago. */
  minAgeDays?: number;
  /** Oldest submission first (the default: first come, first served), newest first, or by name. */
  sort?: QueueSort;
};

export const QUEUE_SORTS = ["oldest", "newest", "name"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export type QueueRow = {
  id: string;
  status: KycStatus;
  submittedAt: Date | null;
  createdAt: Date;
  wallet: string;
  legalName: string | null;
  residence: string | null;
  category: InvestorCategory | null;
  preApprovedBy: string | null;
  /** Submitted again after a request for information (the first submission date is kept). */
  resubmitted: boolean;
  /** Whole days since submission (null when not submitted). */
  ageDays: number | null;
};

/** Applications for compliance, oldest submission first unless sorted otherwise. "open" = submitted, in review or awaiting the investor. */
export async function listQueue(db: Database, filters: QueueFilters, now = new Date()): Promise<QueueRow[]> {
  const where: SQL[] = [];
  const status = filters.status ?? "open";
  if (status === "open") where.push(inArray(kycApplications.status, ["submitted", "in_review", "needs_information"]));
  else where.push(eq(kycApplications.status, status));
  if (filters.country) where.push(eq(investors.residence, filters.country));
  if (filters.category) where.push(eq(investors.category, filters.category));
  if (filters.minAgeDays && filters.minAgeDays > 0)
    where.push(lte(kycApplications.submittedAt, new Date(now.getTime() - filters.minAgeDays * 86_400_000)));
  if (status !== "draft") where.push(sql`${kycApplications.submittedAt} IS NOT NULL`);
  const rows = await db
    .select({
      id: kycApplications.id,
      status: kycApplications.status,
      submittedAt: kycApplications.submittedAt,
      createdAt: kycApplications.createdAt,
      wallet: kycApplications.wallet,
      legalName: investors.legalName,
      residence: investors.residence,
      category: investors.category,
      preApprovedBy: kycApplications.preApprovedBy,
      infoRequest: kycApplications.infoRequest,
    })
    .from(kycApplications)
    .innerJoin(investors, eq(investors.id, kycApplications.investorId))
    .where(and(...where))
    .orderBy(
      ...(filters.sort === "newest"
        ? [desc(kycApplications.submittedAt), desc(kycApplications.createdAt)]
        : filters.sort === "name"
          ? [sql`${investors.legalName} ASC NULLS LAST`, asc(kycApplications.submittedAt)]
          : [asc(kycApplications.submittedAt), asc(kycApplications.createdAt)]),
    )
    .limit(500);
  return rows.map(({ infoRequest, ...r }) => ({
    ...r,
    resubmitted: infoRequest !== null && r.status !== "needs_information",
    ageDays: r.submittedAt ? Math.floor((now.getTime() - r.submittedAt.getTime()) / 86_400_000) : null,
  }));
}
