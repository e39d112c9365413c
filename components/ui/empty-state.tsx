import type { ReactNode } from "react";
import { cn } from "./cn";

export type EmptyStateProps = {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  /** Optional illustration; defaults to a quiet empty frame. */
  icon?: ReactNode;
  className?: string;
};

export function EmptyState({ title, description, action, icon, className }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center gap-3 rounded-2xl border border-dashed border-line-strong px-6 py-14 text-center",
        className,
      )}
    >
      <div aria-hidden="true" className="text-ink-subtle">
        {icon ?? (
          <svg viewBox="0 0 48 48" className="size-12" fill="none" stroke="currentColor" strokeWidth="1.4">
            <rect x="7" y="9" width="34" height="30" rx="1.5" />
            <rect x="12" y="14" width="24" height="20" />
            <path d="M12 30l7-7 5 5 4-3 8 7" strokeLinejoin="round" />
          </svg>
        )}
      </div>
      <h2 className="font-display text-xl font-medium">{title}</h2>
      {description ? <p className="max-w-md text-sm text-ink-muted">{description}</p> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
