import { type BadgeLook, reviewStageLooks } from "@/lib/format/badge-look";
import { catalogueLooks, offeringStatusToCatalogue } from "@/lib/catalogue/client";
import type { ArtworkStatus } from "@/lib/db/schema";

export type ListingStage =
  "draft" | "submitted" | "returned" | "approved" | "deployed" | "upcoming" | "live" | "soldOut" | "closed" | "trading";

/**
 * Where a listing stands: the workflow status, refined by the offering's on-chain status when there is one. Once
 * the offering is over, the stage is what the public pages say (`offeringStatusToCatalogue`, the same inputs):
 * "trading" only while the token's market is active (open orders or trades on record), otherwise sold out or
 * closed — so an offering the issuer closed early reads "Offering closed" here and on the artwork page alike.
 */
export function listingStage(
  status: ArtworkStatus,
  offeringStatus: number | null,
  { trading = false }: { trading?: boolean } = {},
): ListingStage {
  if (offeringStatus !== null) {
    const shown = offeringStatusToCatalogue({ status: offeringStatus }, { trading });
    return shown === "sold_out" ? "soldOut" : shown === "not_listed" ? "deployed" : shown;
  }
  return status === "offering" ? "deployed" : status;
}

/** The listing's stage as a badge; once the offering is on-chain, the public page's look for the same status. */
export const stageBadge: Record<ListingStage, BadgeLook> = {
  ...reviewStageLooks,
  returned: { tone: "warn", icon: "warn" },
  deployed: { tone: "accent", icon: "lock" },
  upcoming: catalogueLooks.upcoming,
  live: catalogueLooks.live,
  soldOut: catalogueLooks.sold_out,
  closed: catalogueLooks.closed,
  trading: catalogueLooks.trading,
};

/** An artwork update on the issuer's page: published once its hash is anchored on-chain, awaiting until then. */
export const updateStateLooks: Record<"published" | "awaitingAnchor", BadgeLook> = {
  published: { tone: "success", icon: "check" },
  awaitingAnchor: { tone: "warn", icon: "clock" },
};
