import type { ReactNode } from "react";
import { cn } from "./cn";
import { CheckIcon, ClockIcon, DotIcon, ErrorIcon, InfoIcon, LockIcon, SwapIcon, WarnIcon } from "./icons";

import type { BadgeIcon, BadgeTone } from "@/lib/format/badge-look";

export type { BadgeIcon, BadgeTone };

/** Each tone's utility (app/globals.css: `badge-*`), so a table of badges does not repeat their colours per row. */
const tones: Record<BadgeTone, string> = {
  neutral: "badge-neutral",
  accent: "badge-accent",
  success: "badge-success",
  warn: "badge-warn",
  danger: "badge-danger",
};
const icons = {
  check: CheckIcon,
  clock: ClockIcon,
  dot: DotIcon,
  error: ErrorIcon,
  info: InfoIcon,
  lock: LockIcon,
  swap: SwapIcon,
  warn: WarnIcon,
};

export type BadgeProps = {
  tone?: BadgeTone;
  /** An icon next to the label; the label is always text (never colour alone). */
  icon?: BadgeIcon;
  children: ReactNode;
  className?: string;
  /** Longer description for assistive technology, e.g. "Offering status: live, 3 days left". */
  title?: string;
};

export function Badge({ tone = "neutral", icon = "dot", children, className, title }: BadgeProps) {
  const Icon = icon === "none" ? null : icons[icon];
  return (
    <span {...(title ? { title } : {})} className={cn("badge", tones[tone], className)}>
      {/* Sized by the badge's utility. */}
      {Icon ? <Icon /> : null}
      {children}
    </span>
  );
}
