/**
 * How a status looks as a badge: a tone and an icon (the label is always text, never colour alone). Domains map their
 * statuses to a look here in lib/; components/ui/badge draws it. Types only, so lib/ never imports components/.
 */
export type BadgeTone = "neutral" | "accent" | "success" | "warn" | "danger";
export type BadgeIcon = "check" | "clock" | "dot" | "error" | "info" | "lock" | "swap" | "warn" | "none";
export type BadgeLook = { tone: BadgeTone; icon: BadgeIcon };
