import type { ReactNode } from "react";
import { cn } from "./cn";

const sizes = {
  /** Console figures: a small label over the figure. */
  sm: { tile: "rounded-xl border border-line px-3 py-2", label: "text-xs text-ink-muted" },
  /** A page's headline figures (the portfolio's totals) in the display face. */
  lg: {
    tile: "flex flex-col gap-1 rounded-2xl border border-line bg-surface px-5 py-4",
    label: "text-sm text-ink-muted",
  },
} as const;

/** Headline figures as a description list of bordered tiles: each tile one label and its figure. */
export function StatTiles({ className, children }: { className?: string; children: ReactNode }) {
  return <dl className={cn("grid gap-3 text-sm", className)}>{children}</dl>;
}

export function StatTile({
  label,
  children,
  note,
  size = "sm",
  className,
  valueClassName,
  testId,
}: {
  label: ReactNode;
  children: ReactNode;
  /** A line under the figure (e.g. HKD held for open bids next to the balance). */
  note?: ReactNode;
  size?: keyof typeof sizes;
  className?: string;
  valueClassName?: string;
  testId?: string;
}) {
  const s = sizes[size];
  return (
    <div className={cn(s.tile, className)}>
      <dt className={s.label}>{label}</dt>
      <dd className={valueClassName} data-testid={testId}>
        {children}
      </dd>
      {note ? <dd className="text-xs text-ink-muted">{note}</dd> : null}
    </div>
  );
}
