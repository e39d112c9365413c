import { getTranslations } from "next-intl/server";
import { Address } from "@/components/ui/address";
import { auditDetails } from "@/lib/compliance/audit-query";
import type { AuditLogEntry } from "@/lib/db/schema";
import { formatDayTime } from "@/lib/format/date";

/** Audit entries, dense, with the reason and the transaction of agent actions. */
export async function AuditTable({
  rows,
  locale,
  caption,
}: {
  rows: AuditLogEntry[];
  locale: string;
  caption: string;
}) {
  const t = await getTranslations("complianceConsole.audit");
  return (
    // A scrolling region that keyboard users can reach and scroll (WCAG 2.1.1); named by the table's caption.
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className="max-h-[70vh] overflow-auto rounded-xl border border-line"
    >
      <table className="w-full min-w-[56rem] border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 z-10 bg-surface-muted text-left text-xs text-ink-muted">
          <tr>
            {(["at", "actor", "action", "subject", "details", "tx"] as const).map((c) => (
              <th key={c} scope="col" className="border-b border-line px-3 py-2 font-medium">
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => {
            const { reason, details } = auditDetails(e);
            return (
              <tr key={e.id} className="border-b border-line align-top last:border-0">
                <td className="px-3 py-2 whitespace-nowrap tabular">{formatDayTime(e.at, locale)}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {/^0x[0-9a-f]{40}$/.test(e.actor) ? <Address address={e.actor} copy={false} /> : e.actor}
                  <div className="text-xs text-ink-muted">{e.actorRole}</div>
                </td>
                <th scope="row" className="px-3 py-2 text-left font-mono text-xs font-normal">
                  {e.action}
                </th>
                <td className="px-3 py-2 text-xs break-all">
                  {e.subjectType}: {e.subjectId}
                </td>
                <td className="max-w-[28rem] px-3 py-2 text-xs">
                  {reason ? (
                    <p className="text-sm">
                      <span className="text-ink-muted">{t("reason")}:</span> {reason}
                    </p>
                  ) : null}
                  <p className="break-all text-ink-muted">{details}</p>
                </td>
                <td className="px-3 py-2 font-mono text-xs break-all">{e.txHash ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
