import { categoriesFromMask } from "@/lib/assets/categories";
import type { CatalogueStatus } from "./types";

/** PrimaryOffering.Status as numbered on chain. */
export const OfferingStatus = { Upcoming: 0, Live: 1, SoldOut: 2, Ended: 3, Closed: 4 } as const;

export type OfferingView = {
  token: `0x${string}`;
  terms: {
    pricePerShare: bigint;
    supplyCap: bigint;
    minTicket: bigint;
    maxTicket: bigint;
    start: bigint;
    end: bigint;
    eligibleCategories: number;
    treasury: `0x${string}`;
  };
  sold: bigint;
  proceeds: bigint;
  withdrawn: bigint;
  closed: boolean;
  status: number;
};

/**
 * Maps the on-chain offering status to the catalogue's (read at the latest block). Once the offering is over (sold
 * out, ended or closed), an artwork whose shares change hands on the market is "trading".
 */
export function offeringStatusToCatalogue(
  o: Pick<OfferingView, "status">,
  { trading = false }: { trading?: boolean } = {},
): CatalogueStatus {
  if (trading && o.status !== OfferingStatus.Upcoming && o.status !== OfferingStatus.Live) return "trading";
  switch (o.status) {
    case OfferingStatus.Upcoming:
      return "upcoming";
    case OfferingStatus.Live:
      return "live";
    case OfferingStatus.SoldOut:
      return "sold_out";
    default:
      return "closed";
  }
}

/**
 * True when the offering's eligible categories (the on-chain bitmask, 1 << category) leave retail investors out:
 * the catalogue says "Professional investors only" before a retail investor opens the artwork. A mask of 0
 * (no offering terms) says nothing.
 */
export function isProfessionalOnly(eligibleCategories: number): boolean {
  const categories = categoriesFromMask(eligibleCategories);
  return categories.length > 0 && !categories.includes("retail");
}
