import "server-only";

/** The audit log as the console filters it (actor, investor, token, action, date range), newest first. */
import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/connect";
import { type AuditLogEntry, artworks, auditLog, kycApplications } from "@/lib/db/schema";
import { getInvestorsByIds, getInvestorsOfWallets } from "@/lib/investors";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const auditParams = z.object({
  actor: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(0x[0-9a-f]{40}|system)$/)
    .optional()
    .catch(undefined),
  investor: z
    .string()
    .trim()
    .max(80)
    .regex(/^[0-9a-zA-Z-]+$/)
    .optional()
    .catch(undefined),
  token: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^0x[0-9a-f]{40}$/)
    .optional()
    .catch(undefined),
  action: z
    .string()
    .trim()
    .max(60)
    .regex(/^[a-z_.]+$/)
    .optional()
    .catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AuditParams = z.infer<typeof auditParams>;

export function parseAuditParams(raw: Record<string, string | string[] | undefined>): AuditParams {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v) || undefined]));
  return auditParams.parse(flat);
}

/** A range that cannot hold anything ("To" before "From") is said so, not silently shown as an empty list. */
export function auditRangeError(p: Pick<AuditParams, "from" | "to">): "to_before_from" | null {
  return p.from && p.to && p.to < p.from ? "to_before_from" : null;
}

function where(p: AuditParams): SQL | undefined {
  const c: (SQL | undefined)[] = [];
  if (p.actor) c.push(eq(auditLog.actor, p.actor));
  if (p.action) c.push(eq(auditLog.action, p.action));
  if (p.investor)
    c.push(
      or(
        eq(auditLog.subjectId, p.investor),
        sql`${auditLog.after}->>'investorId' = ${p.investor}`,
        sql`${auditLog.after}->>'toInvestorId' = ${p.investor}`,
        // A batch names each investor it touched.
        sql`(${auditLog.after}->'investorIds') @> jsonb_build_array(${p.investor}::text)`,
        // The investor's KYC history: their applications and documents.
        sql`(${auditLog.subjectType} = 'kyc_application' AND ${auditLog.subjectId} IN (SELECT id::text FROM kyc_applications WHERE investor_id::text = ${p.investor}))`,
        sql`(${auditLog.subjectType} = 'kyc_document' AND ${auditLog.subjectId} IN (SELECT d.id::text FROM kyc_documents d JOIN kyc_applications a ON a.id = d.application_id WHERE a.investor_id::text = ${p.investor}))`,
      ),
    );
  if (p.token) c.push(or(eq(auditLog.subjectId, p.token), sql`${auditLog.after}->>'token' = ${p.token}`));
  // Dates are Hong Kong days.
  if (p.from) c.push(gte(auditLog.at, new Date(`${p.from}T00:00:00+08:00`)));
  if (p.to) c.push(lt(auditLog.at, new Date(new Date(`${p.to}T00:00:00+08:00`).getTime() + 86_400_000)));
  const list = c.filter((x): x is SQL => x !== undefined);
  return list.length ? and(...list) : undefined;
}

export const AUDIT_PAGE = 30;

/** Entries counted beyond the current page's start; past it the page says "more than …" (a 1,000,000-entry log). */
export const AUDIT_COUNT_CAP = 10_000;

export async function listAudit(
  db: Database,
  p: AuditParams,
  { limit = AUDIT_PAGE, countCap = AUDIT_COUNT_CAP }: { limit?: number; countCap?: number } = {},
): Promise<{ rows: AuditLogEntry[]; total: number; capped: boolean }> {
  const w = where(p);
  const offset = (p.page - 1) * limit;
  const cap = offset + countCap;
  const [rows, [count]] = await Promise.all([
    db.select().from(auditLog).where(w).orderBy(desc(auditLog.id)).limit(limit).offset(offset),
    // Counting stops after the cap: the page costs what it shows, not the whole log.
    db.select({ n: sql<number>`count(*)::int` }).from(
      db
        .select({ one: sql`1`.as("one") })
        .from(auditLog)
        .where(w)
        .limit(cap + 1)
        .as("counted"),
    ),
  ]);
  const n = count?.n ?? 0;
  return { rows, total: Math.min(n, cap), capped: n > cap };
}

/** The distinct actions in the log, read by skipping along the action index (cost per action, not per entry). */
export async function listAuditActions(db: Database): Promise<string[]> {
  const result = await db.execute<{ action: string | null }>(sql`
    WITH RECURSIVE actions(action) AS (
      SELECT min(action) FROM audit_log
      UNION ALL
      SELECT (SELECT min(a.action) FROM audit_log a WHERE a.action > actions.action)
      FROM actions WHERE actions.action IS NOT NULL
    )
    SELECT action FROM actions WHERE action IS NOT NULL`);
  return result.rows.map((r) => String(r.action));
}

/** The applicant's name of each KYC application. */
async function applicationNames(db: Database, ids: string[]): Promise<{ id: string; name: string | null }[]> {
  if (ids.length === 0) return [];
  const apps = await db
    .select({ id: kycApplications.id, investorId: kycApplications.investorId })
    .from(kycApplications)
    .where(inArray(kycApplications.id, ids));
  const nameOf = new Map(
    (await getInvestorsByIds(db, [...new Set(apps.map((a) => a.investorId))])).map((i) => [i.id, i.legalName]),
  );
  return apps.map((a) => ({ id: a.id, name: nameOf.get(a.investorId) ?? null }));
}

/**
 * Who or what each entry is about, in words: the investor's name for an investor, one of their wallets or their KYC
 * application; the artwork's title for a listing or its token. Keyed "type:id"; subjects without a name are absent.
 */
export async function describeAuditSubjects(
  db: Database,
  rows: Pick<AuditLogEntry, "subjectType" | "subjectId">[],
): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.subjectType === type).map((r) => r.subjectId))];
  const uuids = (type: string) => ids(type).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const [byInvestor, byWallet, byApplication, byToken, byArtwork] = await Promise.all([
    getInvestorsByIds(db, uuids("investor")).then((list) => list.map((i) => ({ id: i.id, name: i.legalName }))),
    getInvestorsOfWallets(
      db,
      ids("wallet").map((w) => w.toLowerCase()),
    ).then((list) => list.map((r) => ({ id: r.wallet, name: r.investor.legalName }))),
    applicationNames(db, uuids("kyc_application")),
    ids("token").length
      ? db
          .select({ id: artworks.tokenAddress, name: artworks.title })
          .from(artworks)
          .where(
            inArray(
              artworks.tokenAddress,
              ids("token").map((a) => a.toLowerCase()),
            ),
          )
      : [],
    uuids("artwork").length
      ? db
          .select({ id: artworks.id, name: artworks.title })
          .from(artworks)
          .where(inArray(artworks.id, uuids("artwork")))
      : [],
  ]);
  const names = new Map<string, string>();
  const put = (type: string, list: { id: string | null; name: string | null }[]) => {
    for (const r of list) if (r.id && r.name) names.set(`${type}:${r.id}`, r.name);
  };
  put("investor", byInvestor);
  put("wallet", byWallet);
  put("kyc_application", byApplication);
  put("token", byToken);
  put("artwork", byArtwork);
  return names;
}

type YesNo = { yes: string; no: string };

/** A value as a person reads it: yes/no (in the reader's language), lists comma-separated, objects as pairs. */
function plain(v: unknown, yn: YesNo): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "boolean") return v ? yn.yes : yn.no;
  if (Array.isArray(v)) return v.map((x) => plain(x, yn)).join(", ");
  if (typeof v === "object")
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${words(k)}: ${plain(x, yn)}`)
      .join("; ");
  return String(v);
}

/** "missingDocuments" / "to_investor_id" → "missing documents" / "to investor id". */
const words = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();

/**
 * The details of an entry for the table, one line each: a label in words and a plain value (the reason is shown
 * apart, the function and contract are the action itself). The CSV keeps the raw `key=value` form (auditDetails).
 */
export function auditDetailLines(e: Pick<AuditLogEntry, "after">, yn: YesNo): [string, string][] {
  const after = (e.after ?? {}) as Record<string, unknown>;
  const args =
    after.args && typeof after.args === "object" ? Object.entries(after.args as Record<string, unknown>) : [];
  const rest = Object.entries(after).filter(([k]) => !["reason", "args", "function", "contract"].includes(k));
  return [...args, ...rest].map(([k, v]) => [words(k), plain(v, yn)]);
}

/** Reason and short details of an entry, for the table and the CSV. */
export function auditDetails(e: AuditLogEntry): { reason: string | null; details: string } {
  const after = (e.after ?? {}) as Record<string, unknown>;
  const reason = typeof after.reason === "string" ? after.reason : null;
  const args =
    after.args && typeof after.args === "object"
      ? Object.entries(after.args as Record<string, unknown>)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(" ")
      : "";
  const rest = Object.entries(after)
    .filter(([k]) => !["reason", "args", "function", "contract"].includes(k))
    .map(([k, v]) => `${k}=${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(" ");
  return { reason, details: [args, rest].filter(Boolean).join(" · ") };
}
