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
