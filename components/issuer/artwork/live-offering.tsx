import { getLocale, getTranslations } from "next-intl/server";
import { LazyOfferingControls } from "@/components/issuer/listing-lazy";
import { Money } from "@/components/ui/money";
import { Progress } from "@/components/ui/progress";
import { Section } from "@/components/ui/section";
import { StatTile, StatTiles } from "@/components/ui/stat-tiles";
import { OfferingStatus } from "@/lib/catalogue/client";
import type { IssuerArtworkView } from "@/lib/issuer";
import { formatDayTime } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";

/** The live offering: sold, investors, proceeds and withdrawn; its terms; close and withdraw; its history. */
export async function LiveOffering({ id, account, v }: { id: string; account: `0x${string}`; v: IssuerArtworkView }) {
  const [tl, locale] = await Promise.all([getTranslations("issuer.live"), getLocale()]);
  const { progress, offeringTxs, contracts } = v;
  const data = v;
  const offering = progress?.offering ?? null;
  const decimals = progress?.decimals ?? 6;
  if (!offering || !progress?.offeringId) return null;
  return (
    <Section id="live" title={tl("title")} look="display">
      <StatTiles className="grid-cols-2 sm:grid-cols-4">
        <StatTile label={tl("sold")} valueClassName="text-xl font-medium tabular" testId="live-sold">
          {Number(offering.sold).toLocaleString(locale)} / {Number(offering.terms.supplyCap).toLocaleString(locale)}
        </StatTile>
        <StatTile label={tl("investors")} valueClassName="text-xl font-medium tabular" testId="live-investors">
          {data.investors === null ? "—" : data.investors.toLocaleString(locale)}
        </StatTile>
        <StatTile label={tl("proceeds")} valueClassName="text-xl font-medium" testId="live-proceeds">
          <Money value={offering.proceeds} decimals={decimals} />
        </StatTile>
        <StatTile label={tl("withdrawnLabel")} valueClassName="text-xl font-medium" testId="live-withdrawn">
          <Money value={offering.withdrawn} decimals={decimals} />
        </StatTile>
      </StatTiles>
      <Progress
        value={Number(offering.sold) / Number(offering.terms.supplyCap || 1n)}
        label={tl("progress", { sold: Number(offering.sold), supply: Number(offering.terms.supplyCap) })}
      />
      <div className="flex flex-col gap-1">
        <p className="text-sm">
          {tl("terms", {
            price: formatMoney(offering.terms.pricePerShare, decimals, locale),
            min: Number(offering.terms.minTicket).toLocaleString(locale),
            max: Number(offering.terms.maxTicket).toLocaleString(locale),
          })}
        </p>
        <p className="text-sm text-ink-muted">
          {tl("window", {
            start: formatDayTime(new Date(Number(offering.terms.start) * 1000), locale),
            end: formatDayTime(new Date(Number(offering.terms.end) * 1000), locale),
          })}
        </p>
      </div>
      <LazyOfferingControls
        id={id}
        account={account}
        primaryOffering={contracts.primaryOffering}
        offeringId={progress.offeringId.toString()}
        canClose={offering.status === OfferingStatus.Live || offering.status === OfferingStatus.Upcoming}
        withdrawable={
          offering.proceeds > offering.withdrawn
            ? formatMoney(offering.proceeds - offering.withdrawn, decimals, locale)
            : null
        }
      />
      {offeringTxs.length > 0 ? (
        <div className="flex flex-col gap-2">
          <h3 className="font-medium">{tl("history")}</h3>
          <ul
            className="divide-y divide-line rounded-xl border border-line text-sm"
            aria-label={tl("history")}
            data-testid="offering-history"
          >
            {offeringTxs.map((tx) => (
              <li
                key={tx.id}
                className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4"
              >
                <span className="font-medium">
                  {tx.kind === "close"
                    ? tl("historyClosed")
                    : tl("historyWithdrawn", {
                        amount: formatMoney(BigInt(String(tx.details.amount ?? "0")), decimals, locale),
                      })}
                  <span className="ml-2 text-xs font-normal text-ink-muted tabular">
                    {formatDayTime(tx.settledAt ?? tx.createdAt, locale)}
                  </span>
                </span>
                <code className="min-w-0 font-mono text-xs break-all text-ink-muted">{tx.txHash}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Section>
  );
}
