import type { ReactNode } from "react";
import { cn } from "./cn";
import { CheckIcon, ClockIcon, DotIcon, ErrorIcon, InfoIcon, LockIcon, SwapIcon, WarnIcon } from "./icons";

import type { BadgeIcon, BadgeTone } from "@/lib/format/badge-look";

export type { BadgeIcon, BadgeTone };

const tones: Record<BadgeTone, string> = {
  neutral: "bg-surface-muted text-ink-muted border-line",
  accent: "bg-accent-soft text-accent border-accent/25",
  success: "bg-success-soft text-success border-success/25",
  warn: "bg-warn-soft text-warn border-warn/25",
  danger: "bg-danger-soft text-danger border-danger/25",
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
    <span
      title={title}
      className={cn(
        "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        tones[tone],
        className,
      )}
    >
      {Icon ? <Icon className="size-3.5 shrink-0" /> : null}
      {children}
    </span>
  );
}
