import type { BadgeIcon, BadgeTone } from "@/components/ui/badge";
import type { ArtworkStatus } from "@/lib/db/schema";
import { OfferingStatus } from "@/lib/catalogue/offering";

export type ListingStage =
  "draft" | "submitted" | "returned" | "approved" | "deployed" | "upcoming" | "live" | "soldOut" | "closed" | "trading";

/** Where a listing stands: the workflow status, refined by the offering's on-chain status when there is one. */
export function listingStage(status: ArtworkStatus, offeringStatus: number | null): ListingStage {
  if (offeringStatus !== null) {
    switch (offeringStatus) {
      case OfferingStatus.Upcoming:
        return "upcoming";
      case OfferingStatus.Live:
        return "live";
      case OfferingStatus.SoldOut:
        return status === "trading" ? "trading" : "soldOut";
      default:
        return status === "trading" ? "trading" : "closed";
    }
  }
  return status === "offering" ? "deployed" : status;
}

export const stageBadge: Record<ListingStage, { tone: BadgeTone; icon: BadgeIcon }> = {
  draft: { tone: "neutral", icon: "dot" },
  submitted: { tone: "accent", icon: "clock" },
  returned: { tone: "warn", icon: "warn" },
  approved: { tone: "success", icon: "check" },
  deployed: { tone: "accent", icon: "lock" },
  upcoming: { tone: "accent", icon: "clock" },
  live: { tone: "success", icon: "dot" },
  soldOut: { tone: "neutral", icon: "check" },
  closed: { tone: "neutral", icon: "lock" },
  trading: { tone: "accent", icon: "swap" },
};
