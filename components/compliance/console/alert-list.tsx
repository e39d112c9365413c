import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/ui/status-badge";
import type { BadgeLook } from "@/lib/format/badge-look";
import { EmptyState } from "@/components/ui/empty-state";
import type { Alert } from "@/lib/compliance";
import { walletVerifiedLooks } from "@/lib/compliance/client";
import { formatDay } from "@/lib/format/date";
import { shortAddress } from "@/lib/format/address";

/** How each alert looks as a badge; an unverified holder as an unverified wallet does on the investor's page. */
const alertLooks: Record<Alert["kind"], BadgeLook> = {
  verified_not_approved: { tone: "danger", icon: "error" },
  kyc_expired: { tone: "danger", icon: "error" },
  frozen_open_orders: { tone: "danger", icon: "lock" },
  unverified_holder: walletVerifiedLooks.notVerified,
  kyc_expiring: { tone: "warn", icon: "clock" },
  near_max_holders: { tone: "warn", icon: "info" },
};

/** Alerts as a list: a labelled badge, one sentence, and links to the investor and the register. */
export async function AlertList({
  alerts,
  locale,
  headingId,
}: {
  alerts: Alert[];
  locale: string;
  headingId?: string;
}) {
  const t = await getTranslations("complianceConsole.home");
  const tr = await getTranslations("complianceConsole.register");
  if (alerts.length === 0) return <EmptyState title={t("noAlerts")} description={t("noAlertsBody")} />;
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  /** "Quiet Mountains (QMTN)": the artwork by name, its symbol beside it (symbols alone read alike). */
  const artwork = (a: { title: string | null; symbol: string }) =>
    a.title ? t("text.artwork", { title: a.title, symbol: a.symbol }) : a.symbol;
  return (
    <ul className="flex flex-col divide-y divide-line rounded-xl border border-line" aria-labelledby={headingId}>
      {alerts.map((a, i) => {
        let text: string;
        switch (a.kind) {
          case "kyc_expired":
          case "kyc_expiring":
            text = t(`text.${a.kind}`, {
              name: a.name || tr("unknownInvestor"),
              date: formatDay(a.expiresAt, locale),
              days: a.days,
              holdings: list.format(
                a.holdings.map((h) =>
                  t("text.holding", {
                    shares: Number(h.shares),
                    artwork: h.title ? t("text.artwork", { title: h.title, symbol: h.symbol }) : h.symbol,
                  }),
                ),
              ),
            });
            break;
          case "frozen_open_orders":
            text = t("text.frozen_open_orders", {
              wallet: shortAddress(a.wallet),
              name: a.name ?? tr("unknownInvestor"),
              symbol: artwork(a),
              orders: a.orders,
            });
            break;
          case "near_max_holders":
            text = t("text.near_max_holders", {
              symbol: artwork(a),
              holders: a.holders,
              max: a.max,
              pct: Math.round((a.holders / a.max) * 100),
            });
            break;
          case "verified_not_approved":
            text = t(a.investorId ? "text.verified_not_approved" : "text.verified_no_record", {
              wallet: shortAddress(a.wallet),
              name: a.name || tr("unknownInvestor"),
              status: a.status ?? "—",
              date: formatDay(a.expiresAt, locale),
            });
            break;
          case "unverified_holder":
            text = t("text.unverified_holder", {
              wallet: shortAddress(a.wallet),
              name: a.name ?? tr("unknownInvestor"),
              shares: Number(a.shares),
              symbol: artwork(a),
            });
            break;
        }
        const investorId = "investorId" in a ? a.investorId : null;
        return (
          <li
            key={`${a.kind}-${"token" in a ? a.token : (a.investorId ?? "")}-${"wallet" in a ? a.wallet : ""}-${i}`}
            className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between"
            data-alert={a.kind}
          >
            <div className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-3">
              <span>
                <StatusBadge looks={alertLooks} status={a.kind}>
                  {t(`kind.${a.kind}`)}
                </StatusBadge>
              </span>
              <p className="text-sm">{text}</p>
            </div>
            <div className="flex shrink-0 gap-3 text-sm">
              {investorId ? (
                <Link href={`/compliance/investors/${investorId}`} className="underline underline-offset-4">
                  {t("openInvestor")}
                </Link>
              ) : null}
              {"token" in a ? (
                <Link href={`/compliance/tokens/${a.token}`} className="underline underline-offset-4">
                  {t("openRegister")}
                </Link>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
