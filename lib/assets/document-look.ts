import type { BadgeLook } from "@/lib/format/badge-look";

/** A document's on-chain verification as a badge: verified only when the served file's hash equals the anchor. */
export const documentLooks: Record<"verified" | "mismatch" | "not_anchored" | "missing_file", BadgeLook> = {
  verified: { tone: "success", icon: "check" },
  mismatch: { tone: "danger", icon: "error" },
  not_anchored: { tone: "warn", icon: "warn" },
  missing_file: { tone: "neutral", icon: "info" },
};

/** The message key of each verification state's badge label. */
export const documentLabels = {
  verified: "verified",
  mismatch: "mismatch",
  not_anchored: "notAnchored",
  missing_file: "missing",
} as const;
