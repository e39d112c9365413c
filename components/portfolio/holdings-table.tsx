import { Badge } from "@/components/ui/badge";
import { RIGHT, Row, RowHeader } from "@/components/ui/data-table";
import { Money } from "@/components/ui/money";
import type { Holding } from "@/lib/portfolio";
import type { HoldingSale } from "@/lib/sale";
import { HoldingSaleStatus } from "./holding-sale";
import { ArtworkName, FigureCells, Gain, type Figure } from "./row-parts";
import { portfolioText } from "./portfolio-text";
import { PortfolioTable } from "./portfolio-table";

const PRICE_SOURCE = {
  trade: "holdings.priceTrade",
  appraisal: "holdings.priceAppraisal",
  offering: "holdings.priceOffering",
  sale: "holdings.priceSale",
} as const;

/**
 * Holdings per artwork: shares, share of the artwork, value at the last trade price (else the latest appraisal's, else
 * the offering's), cost basis, gain or loss; and, under the artwork, its sale's status when the holders vote or voted
 * on one.
 */
export async function HoldingsTable({
  holdings,
  decimals,
  sales,
  chainTime,
}: {
  holdings: Holding[];
  decimals: number;
  sales: HoldingSale[];
  chainTime: Date | null;
}) {
  const text = await portfolioText();
  const { t, locale, zh } = text;
  const saleOf = new Map(sales.map((s) => [s.token.toLowerCase(), s]));
  const pct = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const figures = (h: Holding): Figure[] => [
    {
      col: "shares",
      value: Number(h.balance).toLocaleString(locale),
      strong: true,
    },
    { col: "share", value: pct.format(h.share) },
    {
      col: "price",
      value: (
        <>
          <Money value={h.price} decimals={decimals} />
          <span className="block text-xs text-ink-muted">{t(PRICE_SOURCE[h.priceSource])}</span>
        </>
      ),
    },
    { col: "value", value: <Money value={h.value} decimals={decimals} />, strong: true },
    { col: "cost", value: <Money value={h.costBasis} decimals={decimals} /> },
    { col: "gain", value: <Gain value={h.gain} bps={h.gainBps} decimals={decimals} /> },
  ];
  const artwork = (h: Holding) => (
    <div className="flex items-center gap-3">
      {h.image ? (
        // eslint-disable-next-line @next/next/no-img-element -- small local thumbnail
        <img
          src={h.image}
          alt=""
          width={48}
          height={48}
          className="size-12 shrink-0 rounded-md border border-line object-cover"
        />
      ) : null}
      <div className="flex min-w-0 flex-col">
        <ArtworkName artwork={h} zh={zh} className="font-medium" />
        <span className="text-xs text-ink-muted">{h.artist}</span>
        {h.frozen ? (
          <Badge tone="danger" icon="lock" className="mt-1 self-start">
            {t("holdings.frozen")}
          </Badge>
        ) : null}
        <HoldingSaleStatus
          holding={h}
          sale={saleOf.get(h.token.toLowerCase())}
          chainTime={chainTime}
          decimals={decimals}
          text={text}
        />
      </div>
    </div>
  );
  return (
    // On phones, each holding's figures two to a line.
    <PortfolioTable
      list="holdings"
      minWidth="52rem"
      testId="holdings"
      keys={["artwork", "shares", "share", "price", "value", "cost", "gain"]}
      looks={{ shares: RIGHT, share: RIGHT, price: RIGHT, value: RIGHT, cost: RIGHT, gain: RIGHT }}
    >
      {holdings.map((h) => (
        <Row key={h.token} data-slug={h.slug}>
          <RowHeader className="sm:min-w-[15rem]">{artwork(h)}</RowHeader>
          <FigureCells figures={figures(h)} />
        </Row>
      ))}
    </PortfolioTable>
  );
}
