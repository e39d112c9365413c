import { applicationDecisionLooks, type BadgeLook, reviewStageLooks } from "@/lib/format/badge-look";

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

/** A decided wallet-link request: an officer's decision, so it looks like an application's (approved, rejected). */
export const linkDecisionLooks: Record<"linked" | "rejected", BadgeLook> = {
  linked: reviewStageLooks.approved,
  rejected: applicationDecisionLooks.rejected,
};

/** A step of a two-officer (enforcement desk) action. */
export const deskChangeLooks: Record<"proposed" | "executed" | "cancelled", BadgeLook> = {
  proposed: { tone: "neutral", icon: "clock" },
  executed: { tone: "success", icon: "check" },
  cancelled: { tone: "warn", icon: "warn" },
};

/** A change of a token's roles or of its owner. */
export const roleChangeLooks: Record<"granted" | "revoked" | "ownershipOffered" | "ownershipTaken", BadgeLook> = {
  granted: { tone: "success", icon: "check" },
  revoked: { tone: "warn", icon: "warn" },
  ownershipOffered: { tone: "neutral", icon: "swap" },
  ownershipTaken: { tone: "neutral", icon: "swap" },
};

/** A pending two-officer proposal the page marks: past its expiry, or proposed by the officer looking at it. */
export const proposalLooks: Record<"expired" | "waiting", BadgeLook> = {
  expired: { tone: "danger", icon: "clock" },
  waiting: { tone: "warn", icon: "clock" },
};
