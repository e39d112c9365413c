import type { BadgeLook } from "@/lib/format/badge-look";

/** A token's trading status on the compliance pages. */
export const tokenStatusLooks: Record<"paused" | "active", BadgeLook> = {
  paused: { tone: "danger", icon: "lock" },
  active: { tone: "success", icon: "check" },
};

/** Whether a wallet is verified in the identity registry. */
export const walletVerifiedLooks: Record<"verified" | "notVerified", BadgeLook> = {
  verified: { tone: "success", icon: "check" },
  notVerified: { tone: "danger", icon: "warn" },
};

/** A share movement into or out of a wallet. */
export const directionLooks: Record<"in" | "out", BadgeLook> = {
  in: { tone: "success", icon: "swap" },
  out: { tone: "warn", icon: "swap" },
};

/** A decided wallet-link request. */
export const linkDecisionLooks: Record<"linked" | "rejected", BadgeLook> = {
  linked: { tone: "success", icon: "check" },
  rejected: { tone: "danger", icon: "error" },
};
