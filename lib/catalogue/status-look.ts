import type { BadgeLook } from "@/lib/format/badge-look";
import type { CatalogueStatus } from "./types";

/** How an offering's public status looks as a badge: the catalogue, the artwork page and the issuer's console alike. */
export const catalogueLooks: Record<CatalogueStatus, BadgeLook> = {
  upcoming: { tone: "neutral", icon: "clock" },
  live: { tone: "success", icon: "dot" },
  sold_out: { tone: "warn", icon: "check" },
  closed: { tone: "neutral", icon: "lock" },
  trading: { tone: "accent", icon: "swap" },
  not_listed: { tone: "neutral", icon: "info" },
};
