import { LeadImage } from "@/components/ui/lead-image";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { Money } from "@/components/ui/money";
import { formatDay } from "@/lib/format/date";
import type { BuyView } from "@/lib/trade";

/** Beside the buy form: the artwork, and the offering's price, shares left, ticket, lock-up and when it closes. */
export async function BuySummary({ view }: { view: BuyView }) {
  const [t, locale] = await Promise.all([getTranslations("trade"), getLocale()]);
  const { artwork, summary: s } = view;
  const { facts } = s;
  const image = artwork.image;
  const rows = [
    { label: t("summary.price"), value: <Money value={s.pricePerShare} decimals={s.decimals} /> },
    {
      label: t("summary.available"),
      testId: "shares-available",
      tabular: true,
      value: `${Number(view.offering.remaining).toLocaleString(locale)} / ${Number(s.supplyCap).toLocaleString(locale)}`,
    },
    {
      label: t("summary.ticket"),
      value: t("summary.ticketValue", { min: Number(s.minTicket), max: Number(s.maxTicket) }),
    },
    {
      label: t("summary.lockup"),
      value: s.lockupDays > 0 ? t("summary.lockupDays", { days: s.lockupDays }) : t("summary.noLockup"),
    },
    view.over
      ? {
          label: t("summary.status"),
          testId: "offering-status",
          value:
            facts.phase === "sold_out"
              ? t("summary.statusSoldOut")
              : facts.phase === "ended" && facts.endedAt
                ? t("summary.statusEnded", { date: formatDay(facts.endedAt, locale) })
                : t("summary.statusClosed"),
        }
      : { label: t("summary.closes"), value: formatDay(facts.closesAt, locale) },
  ];
  return (
    <aside className="flex flex-col gap-5">
      {image ? (
        // Resized to the column it fills (the summary is 2/5 of the max-w-5xl frame from md up, the full width on
        // a phone): a phone fetches the 750 px rendition, not the 1600 px original. It is the phone's largest paint
        // (first in the column, above the form): preloaded from <head> ahead of the scripts, so it arrives with
        // the text instead of after the wallet code.
        <LeadImage
          image={image}
          sizes="(min-width: 1024px) 23rem, (min-width: 768px) 40vw, 100vw"
          className="aspect-[4/3] w-full rounded-xl border border-line object-cover"
        />
      ) : null}
      <div>
        <p className="text-sm tracking-[0.16em] text-ink-muted uppercase">{artwork.artist}</p>
        <p className="font-display text-2xl leading-tight">{artwork.title}</p>
      </div>
      <dl className="divide-y divide-line border-y border-line text-sm">
        {rows.map((r) => (
          <div key={r.label} className="flex justify-between gap-4 py-2">
            <dt className="text-ink-muted">{r.label}</dt>
            <dd className={"tabular" in r && r.tabular ? "font-medium tabular" : "font-medium"} data-testid={r.testId}>
              {r.value}
            </dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}

/** Over from the first paint: no form, no checks, no "you can buy up to …"; the market instead. */
export async function OfferingOver({ view }: { view: BuyView }) {
  const [t, locale] = await Promise.all([getTranslations("trade"), getLocale()]);
  const { facts, supplyCap } = view.summary;
  const slug = view.artwork.slug;
  return (
    <div className="flex flex-col gap-4" data-testid="offering-over">
      <Alert
        tone="info"
        title={
          facts.phase === "sold_out"
            ? t("over.soldOutTitle")
            : facts.phase === "ended"
              ? t("over.endedTitle")
              : t("over.closedTitle")
        }
      >
        {facts.phase === "sold_out"
          ? t("over.soldOutBody", { cap: Number(supplyCap) })
          : facts.phase === "ended" && facts.endedAt
            ? t("over.endedBody", { date: formatDay(facts.endedAt, locale) })
            : t("over.closedBody")}
      </Alert>
      <p className="text-sm text-ink-muted">{view.hasMarket ? t("over.market") : t("over.noMarket")}</p>
      <div className="flex flex-wrap gap-3">
        <Link href={`/artworks/${slug}/trade`} className={buttonStyles({ variant: "primary" })}>
          {t("over.trade")}
        </Link>
        <Link href={`/artworks/${slug}`} className={buttonStyles({ variant: "ghost" })}>
          {t("over.back")}
        </Link>
      </div>
    </div>
  );
}
