import { cn } from "./cn";

/** Decorative placeholder; wrap a group of skeletons in an element with aria-busy + a label. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn("animate-shimmer rounded-md bg-surface-muted", className)} />;
}
