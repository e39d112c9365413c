import "server-only";

/** The compliance review queue of KYC applications: filters, sorts and rows. */
import { and, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { type InvestorCategory, investors, kycApplications, KYC_OPEN_STATUSES, type KycStatus } from "@/lib/db/schema";
import { keysetPage, keysetSelect, type Keyset, type Page, type PageCursor } from "@/lib/paging";

const OPEN_STATUSES = [...KYC_OPEN_STATUSES];

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

/** Applications on one page of the queue. */
export const QUEUE_PAGE = 30;

/**
 * The queue's keyset per sort: the sort's columns, then the application id (unique), so equal submission times
 * neither skip nor repeat a row between pages. A draft has no submission time: its creation time stands in (every
 * other status is listed only once submitted, so there it is the submission time itself). The default order
 * (oldest first) and "newest" are served by kyc_applications_status_idx (one status) and
 * kyc_applications_open_queue_idx (the open statuses); "by name" sorts the filtered rows (the name is the investor's).
 */
const queuedAt = sql`coalesce(${kycApplications.submittedAt}, ${kycApplications.createdAt})`;
export function queueKeyset(sort: QueueSort = "oldest"): Keyset {
  const at = { expr: queuedAt, cast: "timestamptz" } as const;
  const id = { expr: kycApplications.id, cast: "uuid" } as const;
  if (sort === "name")
    return {
      // Named applicants first (A to Z), then those with no name yet.
      parts: [
        { expr: sql`(${investors.legalName} IS NULL)`, cast: "boolean" },
        { expr: sql`coalesce(${investors.legalName}, '')`, cast: "text" },
        at,
        id,
      ],
      dir: "asc",
    };
  return { parts: [at, id], dir: sort === "newest" ? "desc" : "asc" };
}

/**
 * One page of the applications for compliance, oldest submission first unless sorted otherwise, with the number of
 * applications the filters select. "open" = submitted, in review or awaiting the investor.
 */
export async function listQueue(
  db: Database,
  filters: QueueFilters,
  { cursor = {}, size = QUEUE_PAGE }: { cursor?: PageCursor; size?: number } = {},
  now = new Date(),
): Promise<Page<QueueRow>> {
  const where: SQL[] = [];
  const status = filters.status ?? "open";
  if (status === "open") where.push(inArray(kycApplications.status, OPEN_STATUSES));
  else where.push(eq(kycApplications.status, status));
  if (filters.country) where.push(eq(investors.residence, filters.country));
  if (filters.category) where.push(eq(investors.category, filters.category));
  if (filters.minAgeDays && filters.minAgeDays > 0)
    where.push(lte(kycApplications.submittedAt, new Date(now.getTime() - filters.minAgeDays * 86_400_000)));
  if (status !== "draft") where.push(sql`${kycApplications.submittedAt} IS NOT NULL`);
  const keyset = queueKeyset(filters.sort);
  const page = await keysetPage(
    keyset,
    cursor,
    size,
    ({ where: at, orderBy, limit }) =>
      db
        .select({
          ...keysetSelect(keyset),
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
        .where(and(...where, at))
        .orderBy(...orderBy)
        .limit(limit),
    async (extra) => {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(kycApplications)
        .innerJoin(investors, eq(investors.id, kycApplications.investorId))
        .where(and(...where, extra));
      return row?.n ?? 0;
    },
  );
  return {
    ...page,
    rows: page.rows.map(({ infoRequest, ...r }) => ({
      ...r,
      resubmitted: infoRequest !== null && r.status !== "needs_information",
      ageDays: r.submittedAt ? Math.floor((now.getTime() - r.submittedAt.getTime()) / 86_400_000) : null,
    })),
  };
}
