import { categoriesFromMask } from "@/lib/assets/client";
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

/** What a person is told about an offering: still to open, open, or over — and why it is over. */
export type OfferingPhase = "upcoming" | "live" | "sold_out" | "closed" | "ended";

export type OfferingFacts = {
  phase: OfferingPhase;
  opensAt: Date;
  /** The scheduled end (the terms), which is only "when it closes" while upcoming or live. */
  closesAt: Date;
  /** When it stopped selling, when the chain says so: the scheduled end for "ended"; null otherwise. */
  endedAt: Date | null;
  /** Shares that can still be bought in it (0 once it is over). */
  available: bigint;
};

/**
 * The one place where an offering's state and its real dates are decided (from the chain's status), so that no
 * view says "It closed on <scheduled end>" of an offering that sold out or that the issuer closed early.
 * Sold out wins over a later close by the issuer; a close is said without a date (the chain keeps none).
 */
export function describeOffering(
  o: Pick<OfferingView, "status" | "closed" | "sold"> & {
    terms: Pick<OfferingView["terms"], "supplyCap" | "start" | "end">;
  },
): OfferingFacts {
  const opensAt = new Date(Number(o.terms.start) * 1000);
  const closesAt = new Date(Number(o.terms.end) * 1000);
  const soldOut = o.sold >= o.terms.supplyCap;
  const phase: OfferingPhase = soldOut
    ? "sold_out"
    : o.closed || o.status === OfferingStatus.Closed
      ? "closed"
      : o.status === OfferingStatus.Ended
        ? "ended"
        : o.status === OfferingStatus.Upcoming
          ? "upcoming"
          : "live";
  const open = phase === "upcoming" || phase === "live";
  return {
    phase,
    opensAt,
    closesAt,
    endedAt: phase === "ended" ? closesAt : null,
    available: open && o.terms.supplyCap > o.sold ? o.terms.supplyCap - o.sold : 0n,
  };
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
