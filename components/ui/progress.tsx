import { cn } from "./cn";

export type ProgressProps = {
  /** 0..1 */
  value: number;
  /** Accessible name, e.g. "420 of 1,000 shares sold". */
  label: string;
  className?: string;
};

export function Progress({ value, label, className }: ProgressProps) {
  const pct = Math.max(0, Math.min(1, Number.isFinite(value) ? value : 0)) * 100;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(pct)}
      aria-valuetext={label}
      className={cn("h-1.5 w-full overflow-hidden rounded-full bg-surface-muted", className)}
    >
      <div className="h-full rounded-full bg-accent" style={{ width: `${pct}%` }} />
    </div>
  );
}
