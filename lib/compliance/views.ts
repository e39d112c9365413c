import "server-only";
import { lastAuditWalk, verifyAuditChain } from "@/lib/audit";
import { getInvestorAlerts, getAlerts } from "@/lib/compliance/alerts";
import {
  auditRangeError,
  describeAuditSubjects,
  listAudit,
  listAuditActions,
  parseAuditParams,
} from "@/lib/compliance/audit-query";
import { listDeskHistory } from "@/lib/compliance/desk-history";
import { getInvestorView } from "@/lib/compliance/investor";
import { listTokens } from "@/lib/compliance/register";
import { listTokenRoleHistory } from "@/lib/compliance/token-roles";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/connect";
import { getServerEnv } from "@/lib/env";
import { getIndexerCoverage } from "@/lib/indexer/coverage";
import { readWalletExposure } from "@/lib/kyc";

/**
 * Server-only view loaders of the compliance console: each page calls one, which reads everything the page shows
 * (database, chain, indexer) and hands it back as plain data. Pages and components never reach the database.
 */

/** The console's home: open alerts and the token summary. */
export async function getComplianceHomeView() {
  return getAlerts(await getDb());
}

/** Every token of the platform with its supply, holders and state. */
export async function getTokensView() {
  return listTokens(await getDb());
}

/** The audit log page: the filtered rows, the action list for the filter, and the hash chain's verification. */
export async function getAuditView(raw: Record<string, string | string[] | undefined>) {
  const p = parseAuditParams(raw);
  // Verifying the whole chain is asked for explicitly (it costs the whole log); otherwise from the checkpoint.
  const fullWalk = raw.verify === "full";
  const rangeError = auditRangeError(p);
  const db = await getDb();
  const [{ rows, total, capped }, actions, verification] = await Promise.all([
    listAudit(db, p),
    listAuditActions(db),
    verifyAuditChain(db, { full: fullWalk }),
  ]);
  // What the newest walk from the first entry found (housekeeping's daily walk, or one asked for here): a change to an
  // old entry that the incremental check above cannot see stays shown until a later whole walk is intact.
  const [lastWalk, subjects] = await Promise.all([lastAuditWalk(db), describeAuditSubjects(db, rows)]);
  return { p, fullWalk, rangeError, rows, total, capped, actions, verification, lastWalk, subjects };
}

/**
 * One investor for compliance: record, wallets, holdings and movements, alerts, the audit trail, and what each of
 * their own wallets still holds (so the unlink action can refuse it in words). Null when there is no such investor.
 */
export async function getInvestorPageView(id: string) {
  const db = await getDb();
  const view = await getInvestorView(db, id);
  if (!view) return null;
  const [audit, alerts] = await Promise.all([
    listAudit(db, { investor: id, page: 1 }, { limit: 100 }),
    getInvestorAlerts(db, { view }),
  ]);
  const inv = view.investor;
  const ownWallets = inv.onChainId
    ? view.wallets.filter((w) => w.onChainInvestorId.toLowerCase() === inv.onChainId).map((w) => w.address)
    : [];
  const [exposures, subjects] = await Promise.all([
    Promise.all(ownWallets.map(async (w) => [w.toLowerCase(), await readWalletExposure(db, w)] as const)),
    describeAuditSubjects(db, audit.rows),
  ]);
  return { view, audit, alerts, ownWallets, exposures, subjects };
}

export type InvestorPageView = NonNullable<Awaited<ReturnType<typeof getInvestorPageView>>>;

const HISTORY_SHOWN = 50;

/** A token's history from the indexer, its latest rows first (none, with `indexed` false, when nothing is indexed). */
async function tokenHistoryView<Row>(
  token: string,
  list: (db: Database, token: string, opts: { limit: number }) => Promise<{ rows: Row[]; total: number }>,
) {
  const db = await getDb();
  const coverage = await getIndexerCoverage(db);
  const { rows, total } = coverage ? await list(db, token, { limit: HISTORY_SHOWN }) : { rows: [] as Row[], total: 0 };
  return { indexed: !!coverage, rows, total, explorer: getServerEnv().explorerUrl ?? null };
}

/** The enforcement desk's proposals, executions and cancellations on a token, from the indexer (null: not indexed). */
export const getDeskHistoryView = (token: string) => tokenHistoryView(token, listDeskHistory);

/** Role grants, revocations and ownership changes on a token, from the indexer. */
export const getTokenRoleHistoryView = (token: string) => tokenHistoryView(token, listTokenRoleHistory);
