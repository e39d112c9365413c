/**
 * View model for catalogue presentation components. The lead's loaders (chain + database) map
 * into these; the components never read the chain or the database themselves.
 */
import { parseMoneyAmount, type AmountError, type AmountResult } from "@/lib/format/amount";

export type Hex = `0x${string}`;

export type CatalogueStatus =
  | "upcoming" // offering configured, not started
  | "live" // primary offering open
  | "sold_out" // supply cap reached
  | "closed" // offering ended without selling out, no secondary market yet
  | "trading" // secondary market open
  | "not_listed"; // token exists but no offering yet

export const catalogueStatuses: readonly CatalogueStatus[] = [
  "upcoming",
  "live",
  "sold_out",
  "closed",
  "trading",
  "not_listed",
];

export type CatalogueImage = {
  src: string;
  alt: string;
  width: number;
  height: number;
  /** Optional low-res data URL for a blur placeholder. */
  blurDataURL?: string;
};

export type CatalogueItem = {
  slug: string;
  title: string;
  /** Traditional Chinese title, shown when the locale is zh-HK. */
  titleZh?: string;
  artist: string;
  artistZh?: string;
  year: number | string;
  image: CatalogueImage;
  tokenAddress: Hex;
  /** Price per share in payment-token base units; null when no offering is configured. */
  pricePerShare: bigint | null;
  paymentDecimals: number;
  /** Shares sold in the primary offering (whole shares). */
  sharesSold: bigint;
  /** Primary offering supply cap (whole shares). */
  supplyCap: bigint;
  totalSupply: bigint;
  status: CatalogueStatus;
  /** ISO 8601 strings or Dates; serialisable props are easier to pass through server/client. */
  startsAt?: string | Date;
  endsAt?: string | Date;
  holderCount: number;
  /** The offering is open to professional (and institutional) investors only, not to retail investors. */
  professionalOnly?: boolean;
};

/** "featured" (the default): live offerings first, then upcoming, then the rest. */
export type CatalogueSort = "featured" | "newest" | "ending_soon" | "price_asc" | "price_desc" | "available";

export const catalogueSorts: readonly CatalogueSort[] = [
  "featured",
  "newest",
  "ending_soon",
  "price_asc",
  "price_desc",
  "available",
];

/** The filter form's values, as read from the URL search params (all optional). */
export type CatalogueFilters = {
  q?: string;
  status?: CatalogueStatus;
  artist?: string;
  /** Price per share bounds in HK cents, as typed in the form (lib/format/amount.ts). */
  minPrice?: bigint;
  maxPrice?: bigint;
  sort?: CatalogueSort;
  /** A price bound that was typed but refused: kept as typed for the form, with the reason; not applied. */
  typed?: { min?: string; max?: string };
  invalid?: { min?: AmountError; max?: AmountError };
};

/** HK cents: the unit of the price bounds. */
export const PRICE_BOUND_DECIMALS = 2;

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v.trim() === "" ? undefined : v.trim();
}

function toPrice(value: string | undefined): AmountResult | undefined {
  return value === undefined ? undefined : parseMoneyAmount(value, PRICE_BOUND_DECIMALS, { allowZero: true });
}

/**
 * Parses `searchParams` (as awaited in a page) into filters. Unknown statuses and sorts are dropped; a price
 * bound the amount parser refuses is returned as typed with its reason (the form says why), never as a number.
 */
export function parseCatalogueFilters(params: Record<string, string | string[] | undefined>): CatalogueFilters {
  const status = first(params.status);
  const sort = first(params.sort);
  const q = first(params.q);
  const artist = first(params.artist);
  const minPrice = toPrice(first(params.min));
  const maxPrice = toPrice(first(params.max));
  return {
    ...(q ? { q: q.slice(0, 100) } : {}),
    ...(artist ? { artist: artist.slice(0, 100) } : {}),
    ...(status && (catalogueStatuses as readonly string[]).includes(status)
      ? { status: status as CatalogueStatus }
      : {}),
    ...(sort && sort !== "featured" && (catalogueSorts as readonly string[]).includes(sort)
      ? { sort: sort as CatalogueSort }
      : {}),
    ...(minPrice?.ok ? { minPrice: minPrice.value } : {}),
    ...(maxPrice?.ok ? { maxPrice: maxPrice.value } : {}),
    ...(minPrice?.ok === false || maxPrice?.ok === false
      ? {
          typed: {
            ...(minPrice?.ok === false ? { min: first(params.min) } : {}),
            ...(maxPrice?.ok === false ? { max: first(params.max) } : {}),
          },
          invalid: {
            ...(minPrice?.ok === false ? { min: minPrice.error } : {}),
            ...(maxPrice?.ok === false ? { max: maxPrice.error } : {}),
          },
        }
      : {}),
  };
}

/** An artwork record as the issuer and artwork pages show it (components do not import the database schema). */
export type { Artwork } from "@/lib/db/schema";
