import "server-only";

/** The audit log as the console filters it (actor, investor, token, action, date range), newest first. */
import { and, desc, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/connect";
import { type AuditLogEntry, auditLog } from "@/lib/db/schema";

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

export const AUDIT_PAGE = 50;

export async function listAudit(
  db: Database,
  p: AuditParams,
  { limit = AUDIT_PAGE }: { limit?: number } = {},
): Promise<{ rows: AuditLogEntry[]; total: number }> {
  const w = where(p);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(w)
      .orderBy(desc(auditLog.id))
      .limit(limit)
      .offset((p.page - 1) * limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(w),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function listAuditActions(db: Database): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
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
