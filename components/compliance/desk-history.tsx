import { getLocale, getTranslations } from "next-intl/server";
import { Address } from "@/components/ui/address";
import { Badge } from "@/components/ui/badge";
import { listDeskHistory } from "@/lib/compliance/desk-history";
import { getDb } from "@/lib/db";
import { getServerEnv } from "@/lib/env";
import { formatDayTime } from "@/lib/format/date";
import { getIndexerCoverage } from "@/lib/indexer/projections";

const SHOWN = 50;
const KNOWN = new Set([
  "forcedTransfer",
  "recoverWallet",
  "burn",
  "batchForcedTransfer",
  "batchRecoverWallet",
  "batchBurn",
]);

/**
 * "Two-officer actions": the enforcement desk's proposals, executions and cancellations on a token, from the
 * indexer's record of the desk's events. Server component; the caller has already checked the compliance role.
 */
export async function DeskHistory({ token }: { token: string }) {
  const db = await getDb();
  const [t, locale, coverage] = await Promise.all([
    getTranslations("deskHistory"),
    getLocale(),
    getIndexerCoverage(db),
  ]);
  const { rows, total } = coverage ? await listDeskHistory(db, token, { limit: SHOWN }) : { rows: [], total: 0 };
  const explorer = getServerEnv().explorerUrl;
  const short = (h: string) => `${h.slice(0, 10)}…${h.slice(-6)}`;
  const nf = new Intl.NumberFormat(locale === "en" ? "en-HK" : locale);

  return (
    <section aria-labelledby="desk-history" className="flex flex-col gap-3" data-testid="desk-history">
      <h2 id="desk-history" className="font-display text-2xl">
        {t("title")}
      </h2>
      <p className="text-sm text-ink-muted">{t("intro")}</p>
      {!coverage ? (
        <p className="text-sm">{t("unavailable")}</p>
      ) : rows.length === 0 ? (
        <p className="text-sm">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-line">
          <table className="w-full min-w-[44rem] border-collapse text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-surface-muted text-left text-xs text-ink-muted">
              <tr>
                {(["when", "proposal", "action", "change", "by", "tx"] as const).map((c) => (
                  <th key={c} scope="col" className="border-b border-line px-3 py-2 font-medium">
                    {t(`columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const action = r.action && KNOWN.has(r.action) ? r.action : "unknown";
                const amount = typeof r.args.amount === "string" ? nf.format(BigInt(r.args.amount)) : "";
                const from = r.args.from ?? r.args.lostWallet;
                const to = r.args.to ?? r.args.newWallet;
                return (
                  <tr key={`${r.txHash}:${r.logIndex}`} className="border-b border-line last:border-0">
                    <td className="px-3 py-2 align-top whitespace-nowrap">{formatDayTime(r.at, locale)}</td>
                    <td className="px-3 py-2 align-top tabular">#{r.proposalId}</td>
                    <th scope="row" className="px-3 py-2 text-left align-top font-normal" data-col="action">
                      {t(`actions.${action}` as "actions.burn", { amount })}
                      {typeof from === "string" ? (
                        <div className="text-xs text-ink-muted">
                          {t("from")} <Address address={from} />
                          {typeof to === "string" ? (
                            <>
                              {" "}
                              {t("to")} <Address address={to} />
                            </>
                          ) : null}
                        </div>
                      ) : null}
                    </th>
                    <td className="px-3 py-2 align-top" data-col="change">
                      <Badge
                        tone={r.change === "executed" ? "success" : r.change === "cancelled" ? "warn" : "neutral"}
                        icon={r.change === "executed" ? "check" : r.change === "cancelled" ? "warn" : "clock"}
                      >
                        {t(`change.${r.change}`)}
                      </Badge>
                    </td>
                    <td className="px-3 py-2 align-top">
                      <Address address={r.by} />
                      {r.change !== "proposed" && r.proposer ? (
                        <div className="text-xs text-ink-muted">
                          {t("proposedBy")} <Address address={r.proposer} />
                        </div>
                      ) : null}
                    </td>
                    <td className="px-3 py-2 align-top">
                      {explorer ? (
                        <a
                          href={`${explorer}/tx/${r.txHash}`}
                          className="font-mono text-xs underline underline-offset-4"
                          rel="noreferrer"
                          target="_blank"
                        >
                          {short(r.txHash)}
                        </a>
                      ) : (
                        <code className="font-mono text-xs" title={r.txHash}>
                          {short(r.txHash)}
                        </code>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {total > rows.length ? (
        <p className="text-sm text-ink-muted">{t("more", { shown: rows.length, total })}</p>
      ) : null}
    </section>
  );
}
