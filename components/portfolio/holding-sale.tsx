import Link from "next/link";
import { Money } from "@/components/ui/money";
import { formatDayTime } from "@/lib/format/date";
import type { Holding } from "@/lib/portfolio";
import { type HoldingSale, redeemPayout } from "@/lib/sale";
import type { portfolioText } from "./portfolio-text";

type Text = Awaited<ReturnType<typeof portfolioText>>;

const VOTE_KEY = {
  for: "holdings.sale.voteFor",
  against: "holdings.sale.voteAgainst",
  none: "holdings.sale.voteNotYet",
} as const;

/**
 * A holding's sale in a word (issue 15), linked to the artwork's trade page where the holder votes, finalises or
 * redeems: the open vote and the wallets' vote with its close, or the approved sale and what redeeming pays
 * (floor(price × shares ÷ supply at the close)), and what was already redeemed. Nothing for a rejected sale.
 */
export function HoldingSaleStatus({
  holding,
  sale,
  chainTime,
  decimals,
  text: { t, locale },
}: {
  holding: Holding;
  sale: HoldingSale | undefined;
  chainTime: Date | null;
  decimals: number;
  text: Text;
}) {
  if (!sale || sale.status === "rejected") return null;
  const date = formatDayTime(sale.votingEnds, locale);
  const amount = (value: bigint) =>
    function Amount() {
      return <Money value={value} decimals={decimals} />;
    };
  let words: React.ReactNode;
  if (sale.status === "voting") {
    const closed = chainTime !== null && chainTime.getTime() >= sale.votingEnds.getTime();
    words = closed
      ? t("holdings.sale.voteClosed", { date })
      : t(sale.vote ? VOTE_KEY[sale.vote] : "holdings.sale.voteOpen", { date });
  } else {
    const payout = redeemPayout(sale.price, holding.balance, sale.supplyAtClose);
    words = (
      <>
        {holding.balance > 0n ? (
          <span className="block">{t.rich("holdings.sale.sold", { amount: amount(payout) })}</span>
        ) : null}
        {sale.redeemed > 0n ? (
          <span className="block">{t.rich("holdings.sale.redeemed", { amount: amount(sale.redeemed) })}</span>
        ) : null}
      </>
    );
  }
  return (
    <Link
      href={`/artworks/${holding.slug}/trade`}
      data-testid="holding-sale"
      data-status={sale.status}
      className="tap-target mt-1 self-start text-xs text-accent underline"
    >
      {/* One child: the link is an inline flex box (tap-target), which would drop the space before the amount. */}
      <span>{words}</span>
    </Link>
  );
}
