import { getLocale, getTranslations } from "next-intl/server";
import { changeCell, IndexedHistoryTable } from "@/components/compliance/indexed-history";
import { Address } from "@/components/ui/address";
import { DESK_TOKEN_CALLS, getDeskHistoryView } from "@/lib/compliance";
import { deskChangeLooks } from "@/lib/compliance/client";
import { formatCount } from "@/lib/format/money";

const KNOWN = new Set<string>(DESK_TOKEN_CALLS);

/**
 * "Two-officer actions": the enforcement desk's proposals, executions and cancellations on a token, from the
 * indexer's record of the desk's events. Server component; the caller has already checked the compliance role.
 */
export async function DeskHistory({ token }: { token: string }) {
  const [t, locale, history] = await Promise.all([
    getTranslations("deskHistory"),
    getLocale(),
    getDeskHistoryView(token),
  ]);

  return (
    <IndexedHistoryTable
      id="desk-history"
      t={t}
      columns={["proposal", "action", "change", "by"]}
      history={history}
      cells={(r) => {
        const action = r.action && KNOWN.has(r.action) ? r.action : "unknown";
        const amount = typeof r.args.amount === "string" ? formatCount(BigInt(r.args.amount), locale) : "";
        const from = r.args.from ?? r.args.lostWallet;
        const to = r.args.to ?? r.args.newWallet;
        return [
          { content: `#${r.proposalId}`, tabular: true },
          {
            header: true,
            col: "action",
            content: (
              <>
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
              </>
            ),
          },
          changeCell(deskChangeLooks, r.change, t(`change.${r.change}`)),
          {
            content: (
              <>
                <Address address={r.by} />
                {r.change !== "proposed" && r.proposer ? (
                  <div className="text-xs text-ink-muted">
                    {t("proposedBy")} <Address address={r.proposer} />
                  </div>
                ) : null}
              </>
            ),
          },
        ];
      }}
    />
  );
}
