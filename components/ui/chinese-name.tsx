import { cn } from "./cn";

/**
 * A name's Chinese form beside its English one (a company, an artwork): muted, marked `zh-HK` so that screen readers
 * and fonts take it as Chinese; nothing when there is none.
 */
export function ChineseName({ name, className }: { name: string | null | undefined; className?: string }) {
  return name ? (
    <span lang="zh-HK" className={cn("ml-2 text-ink-muted", className)}>
      {name}
    </span>
  ) : null;
}
