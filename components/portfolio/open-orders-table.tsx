import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Money } from "@/components/ui/money";
import { formatDayTime } from "@/lib/format/date";
import type { PortfolioOrder } from "@/lib/portfolio/queries";

/** The investor's open market orders (server only): each links to its trade page, where it can be cancelled. */
export async function OpenOrdersTable({ orders, decimals }: { orders: PortfolioOrder[]; decimals: number }) {
  const [t, locale] = await Promise.all([getTranslations("portfolio"), getLocale()]);
  const zh = locale === "zh-HK";
  return (
    // `relative`: the visually hidden header text is positioned; without it, it would widen the page on phones.
    <div className="relative overflow-x-auto rounded-2xl border border-line">
      <table aria-labelledby="orders-title" className="w-full min-w-[40rem] text-sm">
        <thead className="bg-surface-muted/60 text-left text-xs text-ink-muted">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("orders.artwork")}
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("orders.side")}
            </th>
            <th scope="col" className="px-4 py-3 text-right font-medium">
              {t("orders.price")}
            </th>
            <th scope="col" className="px-4 py-3 text-right font-medium">
              {t("orders.remaining")}
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("orders.placed")}
            </th>
            <th scope="col" className="px-4 py-3">
              <span className="sr-only">{t("orders.manage")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {orders.map((o) => {
            const title = zh && o.titleZh ? o.titleZh : o.title;
            return (
              <tr key={o.orderId} data-order={o.orderId}>
                <th scope="row" className="px-4 py-3 text-left font-normal">
                  {o.slug ? (
                    <Link href={`/artworks/${o.slug}`} className="tap-target font-medium hover:underline">
                      {title}
                    </Link>
                  ) : (
                    title
                  )}
                </th>
                <td className="px-4 py-3">
                  <Badge tone={o.side === "ask" ? "warn" : "success"} icon="swap">
                    {t(o.side === "ask" ? "orders.ask" : "orders.bid")}
                  </Badge>
                </td>
                <td className="px-4 py-3 text-right">
                  <Money value={o.price} decimals={decimals} />
                </td>
                <td className="px-4 py-3 text-right tabular" data-col="remaining">
                  {t("orders.remainingOf", { remaining: Number(o.remaining), size: Number(o.size) })}
                </td>
                <td className="px-4 py-3 whitespace-nowrap text-ink-muted tabular">
                  {formatDayTime(o.placedAt, locale)}
                </td>
                <td className="px-4 py-3 text-right">
                  {o.slug ? (
                    <Link
                      href={`/artworks/${o.slug}/trade`}
                      aria-label={t("orders.manageLabel", { title })}
                      className="text-accent underline-offset-4 hover:underline"
                    >
                      {t("orders.manage")}
                    </Link>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
