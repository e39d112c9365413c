import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Address as AddressText } from "@/components/ui/address";
import { Badge } from "@/components/ui/badge";
import { FactList } from "@/components/ui/fact-list";
import { Section } from "@/components/ui/section";
import { formatDayTime } from "@/lib/format/date";
import { formatCount, formatMoney, formatPercent } from "@/lib/format/money";
import type { TokenSale } from "@/lib/sale";

const LOOKS = {
  voting: { tone: "warn", icon: "dot" },
  approved: { tone: "success", icon: "check" },
  rejected: { tone: "neutral", icon: "dot" },
} as const;

/**
 * A token's sale as the indexer recorded it, for the artwork pages and the issuer's: the buyer's offer, the price per
 * share, the close, the running tally against the quorum and the approval, the outcome; once approved "Sold" and
 * how much has been redeemed. `children`: what the viewer can do (vote, finalize, redeem), when given.
 */
export async function SalePanel({
  sale,
  decimals,
  chainTime,
  children,
}: {
  sale: TokenSale;
  decimals: number;
  chainTime: number;
  children?: ReactNode;
}) {
  const [t, locale] = await Promise.all([getTranslations("sale.panel"), getLocale()]);
  const money = (v: bigint) => formatMoney(v, decimals, locale);
  const price = BigInt(sale.price);
  const supply = BigInt(sale.supply);
  const forVotes = BigInt(sale.forVotes);
  const cast = forVotes + BigInt(sale.againstVotes);
  const pct = (n: bigint, d: bigint) => formatPercent(d === 0n ? 0 : Number((n * 10_000n) / d) / 10_000, locale);
  const closed = Date.parse(sale.votingEnds) / 1000 <= chainTime;
  const status = sale.status === "voting" && closed ? "closed" : sale.status;
  const redeemBase = BigInt(sale.supplyAtClose ?? sale.supply);
  return (
    <Section id="sale" title={t("title")} intro={t("intro")} look="display">
      <div
        className="flex flex-col gap-4 rounded-2xl border border-line p-5"
        data-testid="sale-panel"
        data-status={status}
      >
        <div>
          <Badge tone={LOOKS[sale.status].tone} icon={LOOKS[sale.status].icon}>
            {t(`status.${status}`)}
          </Badge>
        </div>
        <FactList
          stackOnPhones
          facts={[
            { label: t("buyer"), value: <AddressText address={sale.buyer} /> },
            { label: t("price"), value: <span className="tabular">{money(price)}</span> },
            { label: t("perShare"), value: <span className="tabular">{money(price / supply)}</span> },
            { label: t("closes"), value: formatDayTime(new Date(sale.votingEnds), locale) },
            {
              label: t("tally"),
              value: (
                <span className="tabular" data-testid="sale-tally">
                  {t("tallyValue", {
                    for: formatCount(forVotes, locale),
                    against: formatCount(BigInt(sale.againstVotes), locale),
                  })}
                </span>
              ),
            },
            {
              label: t("turnout"),
              value: t("turnoutValue", {
                turnout: pct(cast, supply),
                quorum: formatPercent(sale.quorumBps / 10_000, locale),
              }),
            },
            {
              label: t("approval"),
              value: t("approvalValue", {
                share: pct(forVotes, cast),
                needed: formatPercent(sale.approvalBps / 10_000, locale),
              }),
            },
            {
              label: t("offer"),
              value: sale.offerName ?? <code className="font-mono text-xs break-all">{sale.offerHash}</code>,
            },
          ]}
        />
        <p className="text-sm" aria-live="polite" data-testid="sale-outcome">
          {sale.status === "voting"
            ? t(sale.quorumReached && sale.approvalReached ? "outcomeWouldPass" : "outcomeWouldFail")
            : sale.status === "approved"
              ? t("outcomeApproved")
              : t("outcomeRejected")}
        </p>
        {sale.status === "approved" ? (
          <p className="text-sm" data-testid="sale-redemptions">
            {t("redeemed", {
              shares: formatCount(BigInt(sale.redeemedShares), locale),
              total: formatCount(redeemBase, locale),
              amount: money(BigInt(sale.redeemedAmount)),
            })}
          </p>
        ) : null}
        {children}
      </div>
    </Section>
  );
}
