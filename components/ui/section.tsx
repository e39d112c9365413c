import type { ReactNode } from "react";
import { cn } from "./cn";

const looks = {
  /** A bordered panel with a small heading (consoles, review pages). */
  card: { section: "rounded-xl border border-line bg-surface p-5", heading: "mb-3 font-medium" },
  /** A page section with a larger heading and its content below. */
  plain: { section: "flex flex-col gap-3", heading: "text-xl font-medium" },
  /** A public page's section in the display face. */
  display: { section: "flex flex-col gap-4", heading: "font-display text-2xl" },
  /** A console's working section (proposals awaiting a second officer, recovered orders). */
  console: { section: "flex flex-col gap-3", heading: "text-lg font-semibold" },
  /** A smaller section in the display face (the trade page's own orders). */
  minor: { section: "flex flex-col gap-3", heading: "font-display text-xl" },
  /** A public page's panel with a display heading (the offering). */
  panel: { section: "rounded-xl border border-line bg-surface p-6", heading: "font-display text-2xl" },
  /** A warning panel (risk warnings before a purchase). */
  notice: {
    section: "flex flex-col gap-3 rounded-xl border border-warn/30 bg-warn-soft p-6",
    heading: "font-display text-xl",
  },
} as const;

/**
 * A landmark section named by its own heading (`aria-labelledby`), so the page's outline and screen readers' region
 * list read alike. `actions` sit beside the heading (a link, a button). A section with nothing to show gives `empty`:
 * that line stands in place of its content.
 */
export function Section({
  id,
  title,
  look = "plain",
  actions,
  intro,
  className,
  headingClassName,
  empty,
  children,
}: {
  /** The heading's id: unique on the page. */
  id: string;
  title: ReactNode;
  look?: keyof typeof looks;
  actions?: ReactNode;
  /** A line under the heading saying what the section is for (kept with the heading, before the content). */
  intro?: ReactNode;
  className?: string;
  headingClassName?: string;
  /** Set when there is nothing to show (no rows): said in a muted line instead of `children`. */
  empty?: ReactNode;
  children: ReactNode;
}) {
  const l = looks[look];
  const h2 = (
    <h2 id={id} className={cn(l.heading, actions ? "mb-0" : null, headingClassName)}>
      {title}
    </h2>
  );
  const heading = intro ? (
    <div>
      {h2}
      <p className="text-sm text-ink-muted">{intro}</p>
    </div>
  ) : (
    h2
  );
  return (
    <section aria-labelledby={id} className={cn(l.section, className)}>
      {actions ? (
        <div className={cn("flex flex-wrap items-baseline justify-between gap-2", look === "card" && "mb-3")}>
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
      {empty ? <p className="text-sm text-ink-muted">{empty}</p> : children}
    </section>
  );
}
