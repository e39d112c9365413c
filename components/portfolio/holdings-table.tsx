import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Money } from "@/components/ui/money";
import { cn } from "@/components/ui/cn";
import type { Holding } from "@/lib/portfolio/queries";

function Gain({ value, bps, decimals }: { value: bigint; bps: number | null; decimals: number }) {
  const sign = value > 0n ? "+" : value < 0n ? "−" : "";
  const abs = value < 0n ? -value : value;
  return (
    <span className={cn("tabular", value > 0n ? "text-success" : value < 0n ? "text-danger" : "text-ink-muted")}>
      {sign}
      <Money value={abs} decimals={decimals} />
      {bps !== null ? (
        <span className="ml-1 text-xs">
          ({sign}
          {(Math.abs(bps) / 100).toFixed(2)}%)
        </span>
      ) : null}
    </span>
  );
}

/** Holdings per artwork: shares, share of the artwork, value at the last trade (else offering) price, cost basis, gain or loss. */
export async function HoldingsTable({ holdings, decimals }: { holdings: Holding[]; decimals: number }) {
  const [t, locale] = await Promise.all([getTranslations("portfolio"), getLocale()]);
  const zh = locale === "zh-HK";
  const pct = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const title = (h: Holding) => (zh && h.titleZh ? h.titleZh : h.title);
  return (
    <>
      {/* Phones: one card per holding, every figure in view (the table below scrolls sideways there). */}
      <ul aria-labelledby="holdings-title" className="flex flex-col gap-3 sm:hidden" data-testid="holdings-cards">
        {holdings.map((h) => (
          <li key={h.token} data-slug={h.slug} className="rounded-2xl border border-line bg-surface p-4">
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
                <Link href={`/artworks/${h.slug}`} className="tap-target font-medium hover:underline">
                  {title(h)}
                </Link>
                <span className="text-xs text-ink-muted">{h.artist}</span>
                {h.frozen ? (
                  <Badge tone="danger" icon="lock" className="mt-1 self-start">
                    {t("holdings.frozen")}
                  </Badge>
                ) : null}
              </div>
            </div>
            <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
              <div>
                <dt className="text-xs text-ink-muted">{t("holdings.shares")}</dt>
                <dd className="font-medium tabular">{Number(h.balance).toLocaleString(locale)}</dd>
              </div>
              <div>
                <dt className="text-xs text-ink-muted">{t("holdings.share")}</dt>
                <dd className="tabular">{pct.format(h.share)}</dd>
              </div>
              <div>
                <dt className="text-xs text-ink-muted">{t("holdings.price")}</dt>
                <dd>
                  <Money value={h.price} decimals={decimals} />
                  <span className="block text-xs text-ink-muted">
                    {t(h.priceSource === "trade" ? "holdings.priceTrade" : "holdings.priceOffering")}
                  </span>
                </dd>
              </div>
              <div>
                <dt className="text-xs text-ink-muted">{t("holdings.value")}</dt>
                <dd className="font-medium" data-col="value">
                  <Money value={h.value} decimals={decimals} />
                </dd>
              </div>
              <div>
                <dt className="text-xs text-ink-muted">{t("holdings.cost")}</dt>
                <dd>
                  <Money value={h.costBasis} decimals={decimals} />
                </dd>
              </div>
              <div>
                <dt className="text-xs text-ink-muted">{t("holdings.gain")}</dt>
                <dd data-col="gain">
                  <Gain value={h.gain} bps={h.gainBps} decimals={decimals} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto rounded-2xl border border-line sm:block">
        <table aria-labelledby="holdings-title" className="w-full min-w-[52rem] text-sm">
          <thead className="bg-surface-muted/60 text-left text-xs text-ink-muted">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">
                {t("holdings.artwork")}
              </th>
              <th scope="col" className="px-4 py-3 text-right font-medium">
                {t("holdings.shares")}
              </th>
              <th scope="col" className="px-4 py-3 text-right font-medium">
                {t("holdings.share")}
              </th>
              <th scope="col" className="px-4 py-3 text-right font-medium">
                {t("holdings.price")}
              </th>
              <th scope="col" className="px-4 py-3 text-right font-medium">
                {t("holdings.value")}
              </th>
              <th scope="col" className="px-4 py-3 text-right font-medium">
                {t("holdings.cost")}
              </th>
              <th scope="col" className="px-4 py-3 text-right font-medium">
                {t("holdings.gain")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {holdings.map((h) => (
              <tr key={h.token} data-slug={h.slug}>
                <th scope="row" className="min-w-[15rem] px-4 py-3 text-left font-normal">
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
                      <Link href={`/artworks/${h.slug}`} className="tap-target font-medium hover:underline">
                        {title(h)}
                      </Link>
                      <span className="text-xs text-ink-muted">{h.artist}</span>
                      {h.frozen ? (
                        <Badge tone="danger" icon="lock" className="mt-1 self-start">
                          {t("holdings.frozen")}
                        </Badge>
                      ) : null}
                    </div>
                  </div>
                </th>
                <td className="px-4 py-3 text-right font-medium tabular" data-col="shares">
                  {Number(h.balance).toLocaleString(locale)}
                </td>
                <td className="px-4 py-3 text-right tabular">{pct.format(h.share)}</td>
                <td className="px-4 py-3 text-right" data-col="price">
                  <Money value={h.price} decimals={decimals} />
                  <span className="block text-xs text-ink-muted">
                    {t(h.priceSource === "trade" ? "holdings.priceTrade" : "holdings.priceOffering")}
                  </span>
                </td>
                <td className="px-4 py-3 text-right font-medium">
                  <Money value={h.value} decimals={decimals} />
                </td>
                <td className="px-4 py-3 text-right">
                  <Money value={h.costBasis} decimals={decimals} />
                </td>
                <td className="px-4 py-3 text-right">
                  <Gain value={h.gain} bps={h.gainBps} decimals={decimals} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
