/**
 * How a status looks as a badge: a tone and an icon (the label is always text, never colour alone). Domains map their
 * statuses to a look here in lib/; components/ui/badge draws it. No component here, so lib/ never imports components/.
 */
export type BadgeTone = "neutral" | "accent" | "success" | "warn" | "danger";
export type BadgeIcon = "check" | "clock" | "dot" | "error" | "info" | "lock" | "swap" | "warn" | "none";
export type BadgeLook = { tone: BadgeTone; icon: BadgeIcon };

/** The stages every review shares (a KYC application, a listing) look the same wherever either is shown. */
export const reviewStageLooks = {
  draft: { tone: "neutral", icon: "dot" },
  submitted: { tone: "accent", icon: "clock" },
  approved: { tone: "success", icon: "check" },
} as const satisfies Record<string, BadgeLook>;

/** An officer's decisions on an application (a person's KYC, a company's KYB) look the same on either. */
export const applicationDecisionLooks = {
  needs_information: { tone: "warn", icon: "warn" },
  rejected: { tone: "danger", icon: "error" },
} as const satisfies Record<string, BadgeLook>;
