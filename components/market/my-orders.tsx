import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/section";
import { formatDay } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";
import { fillReason } from "@/lib/market/client";
import { CancelOrderButton, OrderCancelFlow } from "./my-orders-cancel";
import type { MyOrder, TradeSetup } from "./types";

/**
 * One page of the investor's open orders on this token (from the chain at render time), each with Cancel; `pager`
 * links the other pages (a cancel refreshes the page it was made on). Rendered on the server: only the Cancel
 * buttons and the cancel's progress (`OrderCancelFlow`) are client code.
 */
export function MyOrders({
  setup,
  orders,
  total,
  pager,
}: {
  setup: TradeSetup;
  orders: MyOrder[];
  total: number;
  pager?: ReactNode;
}) {
  const t = useTranslations("market");
  const locale = useLocale();
  return (
    <Section id="my-orders" title={t("mine.title")} look="minor">
      <OrderCancelFlow setup={setup}>
        {orders.length === 0 ? (
          <p className="text-sm text-ink-muted">{t("mine.empty")}</p>
        ) : (
          <p className="text-sm text-ink-muted">{t("mine.count", { count: total })}</p>
        )}
        {orders.length === 0 ? null : (
          <ul className="flex flex-col divide-y divide-line rounded-xl border border-line" aria-label={t("mine.title")}>
            {orders.map((o) => {
              const reason = o.fillable < o.remaining ? fillReason(o.reasonCode) : null;
              return (
                <li
                  key={o.id.toString()}
                  // A link to one order (the portfolio's "Trade or cancel") opens the page that starts with it, here.
                  id={`order-${o.id}`}
                  className="flex scroll-mt-24 flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm target:bg-surface-muted"
                  data-testid="my-order"
                >
                  <div className="flex flex-col gap-1">
                    <p className="flex items-center gap-2">
                      <Badge tone={o.side === "ask" ? "danger" : "success"} icon="none">
                        {t(`mine.${o.side}`)}
                      </Badge>
                      <span className="tabular">
                        {t("mine.remaining")}: {o.remaining.toString()}
                      </span>
                      <span className="tabular">
                        {t("mine.price")}: {formatMoney(o.price, setup.decimals, locale)}
                      </span>
                    </p>
                    {o.expiresAt ? (
                      <p className="text-xs text-ink-muted">
                        {t("mine.expires", { date: formatDay(o.expiresAt, locale) })}
                      </p>
                    ) : null}
                    {reason ? (
                      <p className="text-xs text-ink-muted">
                        <Badge tone="warn">{t("book.unfillableBadge")}</Badge> {t(reason.key, reason.values)}
                      </p>
                    ) : null}
                  </div>
                  <CancelOrderButton
                    order={{ id: o.id, side: o.side, remaining: o.remaining }}
                    label={t("mine.cancelLabel", { id: o.id.toString() })}
                  >
                    {t("mine.cancel")}
                  </CancelOrderButton>
                </li>
              );
            })}
          </ul>
        )}
        {pager}
      </OrderCancelFlow>
    </Section>
  );
}
