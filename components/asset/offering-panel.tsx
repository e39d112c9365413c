import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { Money } from "@/components/ui/money";
import { Progress } from "@/components/ui/progress";
import { Section } from "@/components/ui/section";
import { ArtworkStatusBadge } from "@/components/catalogue/artwork-card";
import {
  describeOffering,
  offeringStatusToCatalogue,
  type OfferingFacts,
  type OfferingView,
} from "@/lib/catalogue/client";
import { categoriesFromMask } from "@/lib/assets/client";
import { formatDay, formatDayTime } from "@/lib/format/date";
import { formatCount, formatPercent } from "@/lib/format/money";

export type OfferingPanelProps = {
  slug: string;
  offering: OfferingView | null;
  decimals: number;
  holderCount: bigint;
  lockupSeconds: bigint;
  paused: boolean;
  signedIn: boolean;
  /** The token trades on the secondary market (open orders or trades on record). */
  trading?: boolean;
};

type T = Awaited<ReturnType<typeof getTranslations<"artwork.offering">>>;

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-4 py-2">
      <dt className="text-sm text-ink-muted">{label}</dt>
      <dd className="text-right text-sm font-medium tabular">{children}</dd>
    </div>
  );
}

/** Offering terms, live progress and the call to action. */
export async function OfferingPanel({
  slug,
  offering,
  decimals,
  holderCount,
  lockupSeconds,
  paused,
  signedIn,
  trading = false,
}: OfferingPanelProps) {
  const [t, tc, locale] = await Promise.all([
    getTranslations("artwork.offering"),
    getTranslations("artwork.category"),
    getLocale(),
  ]);
  if (!offering) {
    return (
      <Section id="offering-title" title={t("title")} look="panel">
        <p className="mt-3 text-ink-muted">{t("none")}</p>
      </Section>
    );
  }
  const { terms } = offering;
  const status = offeringStatusToCatalogue(offering, { trading });
  // One source of truth for the offering's state and dates (the buy page and the issuer's badge read the same).
  const facts = describeOffering(offering);
  const over = facts.phase !== "upcoming" && facts.phase !== "live";
  const available = facts.available;
  const ratio = terms.supplyCap > 0n ? Number((offering.sold * 10_000n) / terms.supplyCap) / 10_000 : 0;
  const start = new Date(Number(terms.start) * 1000);
  const end = new Date(Number(terms.end) * 1000);
  const lockupDays = Number(lockupSeconds / 86_400n);
  const buyHref = `/artworks/${slug}/buy`;
  const tradeHref = `/artworks/${slug}/trade`;

  return (
    <>
      <Section
        id="offering-title"
        title={t("title")}
        look="panel"
        className="shadow-sm"
        actions={<ArtworkStatusBadge item={{ status, startsAt: start, endsAt: end }} />}
      >
        <p className="mt-4 text-sm text-ink-muted">{t("pricePerShare")}</p>
        <p className="font-display text-4xl tracking-tight">
          <Money value={terms.pricePerShare} decimals={decimals} />
        </p>
        <div className="mt-5 flex flex-col gap-2">
          <Progress value={ratio} label={t("progressLabel", { percent: formatPercent(ratio, locale) })} />
          <div className="flex justify-between text-sm text-ink-muted tabular">
            <span>
              {t("sold", { sold: formatCount(offering.sold, locale), cap: formatCount(terms.supplyCap, locale) })}
            </span>
            <span>{t("available", { available: formatCount(available, locale) })}</span>
          </div>
        </div>
        <dl className="mt-4 divide-y divide-line border-t border-line">
          <Row label={t("minTicket")}>{t("shares", { count: Number(terms.minTicket) })}</Row>
          <Row label={t("maxTicket")}>{t("shares", { count: Number(terms.maxTicket) })}</Row>
          <Row label={t("opens")}>{formatDayTime(start, locale)}</Row>
          {over ? (
            <Row label={t("state")}>
              <span data-testid="offering-state">
                {facts.phase === "sold_out"
                  ? t("stateSoldOut")
                  : facts.phase === "ended" && facts.endedAt
                    ? t("stateEnded", { date: formatDayTime(facts.endedAt, locale) })
                    : t("stateClosed")}
              </span>
            </Row>
          ) : (
            <Row label={t("closes")}>{formatDayTime(end, locale)}</Row>
          )}
          <Row label={t("eligibility")}>
            {categoriesFromMask(terms.eligibleCategories)
              .map((c) => tc(c))
              .join(locale === "zh-HK" ? "、" : ", ")}
          </Row>
          <Row label={t("lockup")}>{lockupDays > 0 ? t("lockupDays", { days: lockupDays }) : t("noLockup")}</Row>
          <Row label={t("holders")}>{t("holdersValue", { count: Number(holderCount) })}</Row>
          <Row label={t("valuation")}>
            <Money value={terms.pricePerShare * terms.supplyCap} decimals={decimals} fractionDigits={0} />
          </Row>
        </dl>
        <OfferingAction {...{ t, status, facts, paused, signedIn, buyHref, tradeHref, start, locale }} />
      </Section>
      {!paused && (status === "live" || status === "trading") ? (
        // Phones: the action stays in reach at the bottom of the screen (the panel is far down the page). Outside
        // the Offering region, so the region does not say the price twice.
        <StickyAction
          t={t}
          live={status === "live"}
          signedIn={signedIn}
          buyHref={buyHref}
          tradeHref={tradeHref}
          pricePerShare={terms.pricePerShare}
          decimals={decimals}
        />
      ) : null}
    </>
  );
}

/** The panel's call to action: buy, trade, or why neither is possible now. */
function OfferingAction({
  t,
  status,
  facts,
  paused,
  signedIn,
  buyHref,
  tradeHref,
  start,
  locale,
}: {
  t: T;
  status: ReturnType<typeof offeringStatusToCatalogue>;
  facts: OfferingFacts;
  paused: boolean;
  signedIn: boolean;
  buyHref: string;
  tradeHref: string;
  start: Date;
  locale: string;
}) {
  return (
    <div className="mt-6">
      {paused ? (
        <Alert tone="warn" role="status">
          {t("paused")}
        </Alert>
      ) : status === "live" ? (
        <Link
          href={signedIn ? buyHref : `/sign-in?next=${encodeURIComponent(buyHref)}`}
          className={buttonStyles({ variant: "primary", size: "lg", className: "w-full justify-center" })}
        >
          {signedIn ? t("buy") : t("signInToBuy")}
        </Link>
      ) : status === "upcoming" ? (
        <p className="text-center text-sm text-ink-muted">{t("notOpenYet", { date: formatDay(start, locale) })}</p>
      ) : status === "trading" ? (
        <div className="flex flex-col gap-3">
          <p className="text-center text-sm text-ink-muted">{t("tradingNow")}</p>
          <Link
            href={signedIn ? tradeHref : `/sign-in?next=${encodeURIComponent(tradeHref)}`}
            className={buttonStyles({ variant: "secondary", size: "lg", className: "w-full justify-center" })}
          >
            {signedIn ? t("trade") : t("signInToTrade")}
          </Link>
        </div>
      ) : facts.phase === "sold_out" ? (
        <p className="text-center text-sm text-ink-muted">{t("soldOut")}</p>
      ) : facts.phase === "ended" && facts.endedAt ? (
        <p className="text-center text-sm text-ink-muted">{t("ended", { date: formatDay(facts.endedAt, locale) })}</p>
      ) : (
        <p className="text-center text-sm text-ink-muted">{t("closed")}</p>
      )}
    </div>
  );
}

/** Phones: the price and the live action, fixed at the bottom of the screen. */
function StickyAction({
  t,
  live,
  signedIn,
  buyHref,
  tradeHref,
  pricePerShare,
  decimals,
}: {
  t: T;
  live: boolean;
  signedIn: boolean;
  buyHref: string;
  tradeHref: string;
  pricePerShare: bigint;
  decimals: number;
}) {
  return (
    <div
      data-testid="sticky-action"
      data-sticky-action=""
      className="fixed inset-x-0 bottom-0 z-20 flex items-center justify-between gap-3 border-t border-line bg-canvas/95 px-4 py-3 backdrop-blur lg:hidden"
    >
      <span className="text-sm text-ink-muted">
        {t.rich("perShare", {
          price: () => <Money value={pricePerShare} decimals={decimals} className="font-medium text-ink" />,
        })}
      </span>
      {live ? (
        <Link
          href={signedIn ? buyHref : `/sign-in?next=${encodeURIComponent(buyHref)}`}
          className={buttonStyles({ variant: "primary", size: "md" })}
        >
          {signedIn ? t("buy") : t("signInToBuy")}
        </Link>
      ) : (
        <Link
          href={signedIn ? tradeHref : `/sign-in?next=${encodeURIComponent(tradeHref)}`}
          className={buttonStyles({ variant: "secondary", size: "md" })}
        >
          {signedIn ? t("trade") : t("signInToTrade")}
        </Link>
      )}
    </div>
  );
}
