import Image from "next/image";
import Link from "next/link";
import { useFormatter, useLocale, useNow, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { catalogueLooks } from "@/lib/catalogue/client";
import { Money } from "@/components/ui/money";
import { Progress } from "@/components/ui/progress";
import { formatCount } from "@/lib/format/money";
import type { CatalogueItem } from "@/lib/catalogue/types";

export type ArtworkCardProps = {
  item: CatalogueItem;
  /** Link target; defaults to `/artworks/{slug}`. */
  href?: string;
  /**
   * The first row of cards: their images are preloaded; "first" (the phone's only card above the fold, the page's
   * largest image) is also fetched before anything of lower priority.
   */
  priority?: boolean | "first";
  /** `sizes` for next/image; defaults suit a 1/2/3-column grid. */
  sizes?: string;
};

/** Status badge with time left/until, usable on its own (e.g. the artwork page). */
export function ArtworkStatusBadge({ item }: { item: Pick<CatalogueItem, "status" | "startsAt" | "endsAt"> }) {
  const t = useTranslations("catalogue.status");
  const format = useFormatter();
  const now = useNow();
  let label = t(item.status);
  if (item.status === "live" && item.endsAt) {
    label = t("liveEnds", { relative: format.relativeTime(new Date(item.endsAt), now) });
  } else if (item.status === "upcoming" && item.startsAt) {
    label = t("upcomingStarts", { relative: format.relativeTime(new Date(item.startsAt), now) });
  }
  return (
    <StatusBadge looks={catalogueLooks} status={item.status} title={t("aria", { status: label })}>
      {label}
    </StatusBadge>
  );
}

export function ArtworkCard({ item, href, priority = false, sizes }: ArtworkCardProps) {
  const t = useTranslations("catalogue.card");
  const locale = useLocale();
  const title = locale === "zh-HK" && item.titleZh ? item.titleZh : item.title;
  const artist = locale === "zh-HK" && item.artistZh ? item.artistZh : item.artist;
  const cap = item.supplyCap;
  const available = cap > item.sharesSold ? cap - item.sharesSold : 0n;
  const soldRatio = cap > 0n ? Number((item.sharesSold * 10_000n) / cap) / 10_000 : 0;
  const showProgress =
    cap > 0n &&
    (item.status === "live" || item.status === "sold_out" || item.status === "upcoming" || item.status === "closed");
  const progressLabel = t("available", { available: formatCount(available, locale), total: formatCount(cap, locale) });

  return (
    <article className="group relative flex flex-col">
      <div className="relative overflow-hidden rounded-xl bg-surface-muted">
        <Image
          src={item.image.src}
          alt={item.image.alt}
          width={item.image.width}
          height={item.image.height}
          preload={Boolean(priority)}
          fetchPriority={priority === "first" ? "high" : undefined}
          sizes={sizes ?? "(min-width: 1024px) 30vw, (min-width: 640px) 45vw, 92vw"}
          {...(item.image.blurDataURL ? { placeholder: "blur" as const, blurDataURL: item.image.blurDataURL } : {})}
          className="aspect-[4/5] w-full object-cover transition-transform duration-500 ease-out group-hover:scale-[1.02]"
        />
        <div className="absolute top-3 left-3">
          <ArtworkStatusBadge item={item} />
        </div>
      </div>
      <div className="mt-4 flex flex-col gap-1">
        <p className="text-sm text-ink-muted">
          {artist}
          <span aria-hidden="true"> · </span>
          <span className="tabular">{item.year}</span>
        </p>
        <h3 className="font-display text-xl leading-snug font-medium tracking-tight">
          <Link
            href={href ?? `/artworks/${item.slug}`}
            className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none after:focus-visible:outline-2 after:focus-visible:outline-offset-4 after:focus-visible:outline-focus"
          >
            {title}
          </Link>
        </h3>
        <p className="mt-1 text-sm">
          {item.pricePerShare !== null ? (
            t.rich("pricePerShare", {
              price: () => (
                <Money
                  value={item.pricePerShare ?? 0n}
                  decimals={item.paymentDecimals}
                  className="font-medium text-ink"
                />
              ),
            })
          ) : (
            <span className="text-ink-muted">{t("priceTba")}</span>
          )}
        </p>
        {item.professionalOnly ? (
          <p className="mt-1">
            <Badge tone="warn" icon="lock">
              {t("professionalOnly")}
            </Badge>
          </p>
        ) : null}
      </div>
      {showProgress ? (
        <div className="mt-3 flex flex-col gap-1.5">
          <Progress value={soldRatio} label={progressLabel} />
          <p className="text-xs text-ink-muted tabular" aria-hidden="true">
            {progressLabel}
          </p>
        </div>
      ) : item.status === "trading" ? (
        <p className="mt-3 text-xs text-ink-muted tabular">{t("holders", { count: item.holderCount })}</p>
      ) : null}
    </article>
  );
}
