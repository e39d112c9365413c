import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Cell, RIGHT, Row, RowHeader, SR_ONLY } from "@/components/ui/data-table";
import { Money } from "@/components/ui/money";
import { formatDayTime } from "@/lib/format/date";
import type { PortfolioOrder } from "@/lib/portfolio";
import { tradeOrderHref } from "@/lib/trade/client";
import { ArtworkName, artworkTitle } from "./row-parts";
import { portfolioText } from "./portfolio-text";
import { PortfolioTable } from "./portfolio-table";

/**
 * The investor's open market orders (server only): each links to its trade page, opened at the page of own orders that
 * starts with it (however many orders come before it), where it can be cancelled.
 */
export async function OpenOrdersTable({ orders, decimals }: { orders: PortfolioOrder[]; decimals: number }) {
  const { t, locale, zh } = await portfolioText();
  return (
    // `relative`: the visually hidden header text is positioned; without it, it would widen the page on phones.
    <PortfolioTable
      list="orders"
      minWidth="40rem"
      className="relative"
      keys={["artwork", "side", "price", "remaining", "placed", "manage"]}
      looks={{ price: RIGHT, remaining: RIGHT, manage: SR_ONLY }}
    >
      {orders.map((o) => {
        const title = artworkTitle(o, zh);
        return (
          <Row key={o.orderId} data-order={o.orderId}>
            <RowHeader>
              <ArtworkName artwork={o} zh={zh} className="font-medium" />
            </RowHeader>
            <Cell>
              <Badge tone={o.side === "ask" ? "warn" : "success"} icon="swap">
                {t(o.side === "ask" ? "orders.ask" : "orders.bid")}
              </Badge>
            </Cell>
            <Cell align="right">
              <Money value={o.price} decimals={decimals} />
            </Cell>
            <Cell align="right" data-col="remaining">
              {t("orders.remainingOf", { remaining: Number(o.remaining), size: Number(o.size) })}
            </Cell>
            <Cell className="text-ink-muted tabular sm:whitespace-nowrap">{formatDayTime(o.placedAt, locale)}</Cell>
            <Cell align="right">
              {o.slug ? (
                <Link
                  href={tradeOrderHref(o.slug, o.orderId)}
                  aria-label={t("orders.manageLabel", { title })}
                  className="text-accent underline-offset-4 hover:underline"
                >
                  {t("orders.manage")}
                </Link>
              ) : null}
            </Cell>
          </Row>
        );
      })}
    </PortfolioTable>
  );
}
