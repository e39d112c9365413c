import type { ReactNode } from "react";
import { cn } from "./cn";
import { Skeleton } from "./skeleton";

/**
 * A page while it loads: a busy region announcing `label`, a title's shape, whatever `children` sketch of the page,
 * then a heading over `rows` blocks (a list's shape).
 */
export function PageSkeleton({
  label,
  className,
  children,
  rows = 3,
  rowClassName = "h-16 w-full rounded-xl",
  headingClassName = "h-7 w-40",
}: {
  label: string;
  className?: string;
  children?: ReactNode;
  rows?: number;
  rowClassName?: string;
  headingClassName?: string;
}) {
  return (
    <div
      aria-busy="true"
      aria-live="polite"
      className={cn("mx-auto flex flex-col gap-10 px-4 pb-20 sm:px-6 lg:px-8", className)}
    >
      <span className="sr-only">{label}</span>
      {children}
      <div className="flex flex-col gap-3">
        <Skeleton className={headingClassName} />
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className={rowClassName} />
        ))}
      </div>
    </div>
  );
}

/** A page title's shape: its eyebrow and its heading. */
export function TitleSkeleton({ className = "h-12 w-64" }: { className?: string }) {
  return (
    <div className="flex flex-col gap-3">
      <Skeleton className="h-4 w-28" />
      <Skeleton className={className} />
    </div>
  );
}
