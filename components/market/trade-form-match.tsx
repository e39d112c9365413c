"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { MAX_MATCH_STEPS, type MatchPreview, type OrderSide } from "@/lib/market/client";

/**
 * The match preview, loaded once a limit order is chosen (./use-match-module), not with the page: the matching as the
 * contract does it, and its summary in words.
 */
export { buyerSpend, previewMatch } from "@/lib/market/client";

/** Before signing: what a limit order that crosses the book will trade now, at which prices, and what rests. */
export function MatchSummary(props: {
  preview: MatchPreview;
  side: OrderSide;
  limit: bigint;
  money: (v: bigint) => string;
}) {
  const t = useTranslations("market");
  const { preview: p, money } = props;
  const prices = p.fills.map((f) => f.price);
  const low = prices.reduce((a, b) => (b < a ? b : a), prices[0] ?? 0n);
  const high = prices.reduce((a, b) => (b > a ? b : a), prices[0] ?? 0n);
  const priceText =
    low === high
      ? t("form.matchPriceOne", { price: money(low) })
      : t("form.matchPriceRange", { low: money(low), high: money(high) });
  const rest = Number(p.rest);
  return (
    <Alert tone="info" role="none" className="text-sm">
      <div data-testid="match-preview" className="flex flex-col gap-1">
        {p.traded > 0n ? (
          <p>
            {t("form.matchNow", {
              shares: Number(p.traded),
              prices: priceText,
              value: money(p.value),
              fee: money(p.fee),
            })}
          </p>
        ) : null}
        {p.cleaned > 0 ? <p>{t("form.matchCleaned", { n: p.cleaned })}</p> : null}
        {p.rest > 0n && p.restPlaced ? (
          <p>
            {t(props.side === "buy" ? "form.matchRestBid" : "form.matchRestAsk", { rest, price: money(props.limit) })}
          </p>
        ) : null}
        {p.rest > 0n && !p.restPlaced ? (
          <p>
            {p.stop === "self"
              ? t("form.matchStopSelf", { rest, price: money(p.stopPrice ?? 0n) })
              : p.stop === "limit"
                ? t("form.matchStopLimit", { rest, max: MAX_MATCH_STEPS })
                : t("form.matchStopRefused", { rest, price: money(p.stopPrice ?? 0n) })}
          </p>
        ) : null}
      </div>
    </Alert>
  );
}
