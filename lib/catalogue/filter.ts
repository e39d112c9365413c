import { PRICE_BOUND_DECIMALS, type CatalogueFilters, type CatalogueItem } from "./types";

const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/** Whole HKD per share, or null when no price is set. */
function priceHkd(item: CatalogueItem): number | null {
  if (item.pricePerShare === null) return null;
  return Number(item.pricePerShare) / 10 ** item.paymentDecimals;
}

/**
 * The item's price per share against a bound in HK cents, exactly (no float): -1, 0, 1; NaN without a price
 * (so an unpriced item matches no bound).
 */
function comparePrice(item: CatalogueItem, boundCents: bigint): number {
  if (item.pricePerShare === null) return Number.NaN;
  const price = item.pricePerShare * 10n ** BigInt(PRICE_BOUND_DECIMALS);
  const bound = boundCents * 10n ** BigInt(item.paymentDecimals);
  return price < bound ? -1 : price > bound ? 1 : 0;
}

const statusRank: Record<CatalogueItem["status"], number> = {
  live: 0,
  upcoming: 1,
  sold_out: 2,
  trading: 2,
  closed: 3,
  not_listed: 4,
};

/** Filters (search, status, artist, price range) and sorts catalogue items. Pure: unit-tested. */
export function applyCatalogueFilters(items: CatalogueItem[], filters: CatalogueFilters): CatalogueItem[] {
  const q = filters.q ? fold(filters.q) : null;
  const artist = filters.artist ? fold(filters.artist) : null;
  const out = items.filter((item) => {
    if (filters.status && item.status !== filters.status) return false;
    if (artist && fold(item.artist) !== artist) return false;
    if (filters.minPrice !== undefined && !(comparePrice(item, filters.minPrice) >= 0)) return false;
    if (filters.maxPrice !== undefined && !(comparePrice(item, filters.maxPrice) <= 0)) return false;
    if (q) {
      const haystack = fold([item.title, item.titleZh ?? "", item.artist, String(item.year)].join(" "));
      if (!q.split(/\s+/).every((word) => haystack.includes(word))) return false;
    }
    return true;
  });
  const available = (i: CatalogueItem) => Number(i.supplyCap - i.sharesSold);
  const time = (d: string | Date | undefined) => (d ? new Date(d).getTime() : Number.POSITIVE_INFINITY);
  const sorted = [...out];
  switch (filters.sort) {
    case "price_asc":
      sorted.sort((a, b) => (priceHkd(a) ?? Infinity) - (priceHkd(b) ?? Infinity));
      break;
    case "price_desc":
      sorted.sort((a, b) => (priceHkd(b) ?? -Infinity) - (priceHkd(a) ?? -Infinity));
      break;
    case "ending_soon":
      sorted.sort((a, b) => {
        const live = (i: CatalogueItem) => (i.status === "live" ? time(i.endsAt) : Number.POSITIVE_INFINITY);
        return live(a) - live(b);
      });
      break;
    case "available":
      sorted.sort((a, b) => available(b) - available(a));
      break;
    case "newest":
      break; // the database order: newest listing first
    default:
      // Featured: live offerings first, then upcoming, then the rest; stable within each group.
      sorted.sort((a, b) => statusRank[a.status] - statusRank[b.status]);
  }
  return sorted;
}
