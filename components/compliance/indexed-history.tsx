import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { StatusBadge } from "@/components/ui/status-badge";
import type { BadgeLook } from "@/lib/format/badge-look";
import { formatDayTime } from "@/lib/format/date";

/** One cell of a history row: the row's header cell (`header`) is a `th scope="row"`; `col` tags it for tests. */
export type HistoryCell = { content: ReactNode; header?: boolean; col?: string; nowrap?: boolean; tabular?: boolean };

/** The "change" cell: what happened (proposed, granted…) as a badge, its look from the change's map in lib/. */
export function changeCell<S extends string>(looks: Record<S, BadgeLook>, change: S, label: string): HistoryCell {
  return {
    col: "change",
    content: (
      <StatusBadge looks={looks} status={change}>
        {label}
      </StatusBadge>
    ),
  };
}

/** The section's words, from its own message namespace (each history's catalogue has the same keys). */
type HistoryWords = (key: string, values?: Record<string, number>) => string;

/** What every indexed event has: when it happened and where it stands on the chain. */
type IndexedEvent = { at: Date; txHash: string; logIndex: number };

/** A token's history as its view loads it (lib/compliance/views): none, with `indexed` false, when nothing is indexed. */
type IndexedHistory<E> = { indexed: boolean; rows: E[]; total: number; explorer: string | null };

/**
 * A section listing events the indexer recorded about a token (the desk's two-officer actions, role changes): title,
 * intro, and a table, or a line when the indexer has not run or nothing happened yet, and a "more" line when the
 * list is cut (`total` events, `rows` shown). Each row starts with when the event happened and ends with its
 * transaction; `cells` gives what stands between (`columns`). Its words are `t`'s title, intro, caption,
 * columns.<column> (with `when` and `tx`), unavailable, empty and more. Shared by the register's history sections and
 * the issuer's token page. Server component.
 */
export async function IndexedHistoryTable<E extends IndexedEvent>({
  id,
  t,
  columns: columnKeys,
  history: { indexed, rows: events, total, explorer },
  cells,
  footer,
}: {
  /** The heading's id, also the section's test id. */
  id: string;
  t: HistoryWords;
  /** The columns between `when` and `tx`. */
  columns: readonly string[];
  history: IndexedHistory<E>;
  cells: (event: E) => HistoryCell[];
  footer?: ReactNode;
}) {
  const locale = await getLocale();
  const columns = ["when", ...columnKeys, "tx"].map((c) => t(`columns.${c}`));
  const rows = events.map((e): { key: string; cells: HistoryCell[] } => ({
    key: `${e.txHash}:${e.logIndex}`,
    cells: [
      { content: formatDayTime(e.at, locale), nowrap: true },
      ...cells(e),
      { content: <TxHashLink hash={e.txHash} explorer={explorer} /> },
    ],
  }));
  const more = total > rows.length ? t("more", { shown: rows.length, total }) : null;
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3" data-testid={id}>
      <h2 id={id} className="font-display text-2xl">
        {t("title")}
      </h2>
      <p className="text-sm text-ink-muted">{t("intro")}</p>
      {!indexed ? (
        <p className="text-sm">{t("unavailable")}</p>
      ) : rows.length === 0 ? (
        <p className="text-sm">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-line">
          <table className="w-full min-w-[44rem] border-collapse text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-surface-muted text-left text-xs text-ink-muted">
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col" className="border-b border-line px-3 py-2 font-medium">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className="border-b border-line last:border-0">
                  {r.cells.map((c, i) => {
                    const className = `px-3 py-2 align-top${c.nowrap ? " whitespace-nowrap" : ""}${c.tabular ? " tabular" : ""}`;
                    return c.header ? (
                      <th key={i} scope="row" className={`${className} text-left font-normal`} data-col={c.col}>
                        {c.content}
                      </th>
                    ) : (
                      <td key={i} className={className} data-col={c.col}>
                        {c.content}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more ? <p className="text-sm text-ink-muted">{more}</p> : null}
      {footer}
    </section>
  );
}

/** A hash or id of 32 bytes as `0x12345678…abcdef`. */
export const shortHash = (hash: string) => `${hash.slice(0, 10)}…${hash.slice(-6)}`;

/** A transaction hash, shortened, linked to the explorer when one is configured. */
export function TxHashLink({ hash, explorer }: { hash: string; explorer: string | null }) {
  const short = shortHash(hash);
  return explorer ? (
    <a
      href={`${explorer}/tx/${hash}`}
      className="font-mono text-xs underline underline-offset-4"
      rel="noreferrer"
      target="_blank"
    >
      {short}
    </a>
  ) : (
    <code className="font-mono text-xs" title={hash}>
      {short}
    </code>
  );
}

/** What a history section shows while its rows stream in. */
export function HistorySkeleton({ label }: { label: string }) {
  return (
    <section aria-busy="true" aria-label={label} className="flex flex-col gap-3">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <Skeleton className="h-32 w-full" />
    </section>
  );
}
