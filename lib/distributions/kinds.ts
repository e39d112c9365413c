/** The distributor's `Kind` enum, in its order (pure: the browser's form imports it too). */
export const DISTRIBUTION_KINDS = ["sale_proceeds", "income", "return_of_capital"] as const;
export type DistributionKind = (typeof DISTRIBUTION_KINDS)[number];

/** A distribution's status as a badge (open, held by compliance, closed by its issuer). */
export const distributionStatusLooks = {
  open: { tone: "success", icon: "check" },
  held: { tone: "warn", icon: "lock" },
  closed: { tone: "neutral", icon: "dot" },
} as const satisfies Record<"open" | "held" | "closed", { tone: string; icon: string }>;
