import { getTranslations } from "next-intl/server";
import { Address } from "@/components/ui/address";
import { auditActionWording } from "@/lib/compliance/client";
import { auditDetailLines, auditDetails } from "@/lib/compliance";
import type { AuditLogEntry } from "@/lib/audit/types";
import { formatDayTime } from "@/lib/format/date";

/** Names audit actions in the reader's language ("Wallet frozen"); a code without words is shown as it is. */
export async function getAuditActionNamer(): Promise<(code: string) => string> {
  const t = await getTranslations("complianceConsole.audit");
  return (code) => {
    const w = auditActionWording(code, (key) => t.has(`actions.${key}` as never));
    if (!w) return code;
    const words = t(`actions.${w.key}` as never);
    return w.refused ? t("refused", { action: words }) : words;
  };
}

/** Audit entries, dense, with the reason and the transaction of agent actions. */
export async function AuditTable({
  rows,
  locale,
  caption,
  subjects,
}: {
  rows: AuditLogEntry[];
  locale: string;
  caption: string;
  /** Names of the subjects ("type:id" → the investor's name or the artwork's title), from describeAuditSubjects. */
  subjects: Map<string, string>;
}) {
  const subjectName = (e: AuditLogEntry) =>
    subjects.get(
      `${e.subjectType}:${/^0x[0-9a-fA-F]{40}$/.test(e.subjectId) ? e.subjectId.toLowerCase() : e.subjectId}`,
    );
  const t = await getTranslations("complianceConsole.audit");
  // Actions in words (the code stays beneath, and in the CSV).
  const actionWords = await getAuditActionNamer();
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
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  {actionWords(e.action)}
                  <div className="font-mono text-xs text-ink-muted">{e.action}</div>
                </th>
                <td className="px-3 py-2 text-xs break-all">
                  {subjectName(e) ? <div className="text-sm font-medium break-normal">{subjectName(e)}</div> : null}
                  <span className="text-ink-muted">
                    {e.subjectType}: {e.subjectId}
                  </span>
                </td>
                <td className="max-w-[28rem] px-3 py-2 text-xs">
                  {reason ? (
                    <p className="text-sm">
                      <span className="text-ink-muted">{t("reason")}:</span> {reason}
                    </p>
                  ) : null}
                  {details ? (
                    <ul className="text-ink-muted">
                      {auditDetailLines(e, { yes: t("yes"), no: t("no") }).map(([label, value]) => (
                        <li key={label} className="break-words">
                          <span className="text-ink">{label}:</span> {value}
                        </li>
                      ))}
                    </ul>
                  ) : null}
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
