import type { ReactNode } from "react";
import { cn } from "./cn";

type Look = { section: string; heading: string; /** Around the heading and its intro. */ top?: string };

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
  /** "What will change" before signing: a muted box with a small heading (the compliance console's dialogs). */
  confirm: {
    section: "flex flex-col gap-2 rounded-xl border border-line-strong bg-surface-muted p-4",
    heading: "text-sm font-medium",
  },
  /** A plan's preview before signing (a distribution, a sale vote): a bordered box, its intro close under its heading. */
  plan: {
    section: "flex flex-col gap-5 rounded-2xl border border-line p-5",
    heading: "font-medium",
    top: "flex flex-col gap-1",
  },
} as const;

/**
 * A landmark section named by its own heading (`aria-labelledby`), so the page's outline and screen readers' region
 * list read alike. `actions` sit beside the heading (a link, a button). A section with nothing to show gives `empty`:
 * that line stands in place of its content. A section inside another's (a dialog's, a form's) takes `level` 3.
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
  level = 2,
  testId,
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
  /** The heading's level: 2, or 3 for a section inside another's. */
  level?: 2 | 3;
  testId?: string;
  children: ReactNode;
}) {
  const l: Look = looks[look];
  const Heading = level === 3 ? "h3" : "h2";
  const headingElement = (
    <Heading id={id} className={cn(l.heading, actions ? "mb-0" : null, headingClassName)}>
      {title}
    </Heading>
  );
  const heading = intro ? (
    <div className={l.top}>
      {headingElement}
      <p className="text-sm text-ink-muted">{intro}</p>
    </div>
  ) : (
    headingElement
  );
  return (
    <section aria-labelledby={id} className={cn(l.section, className)} data-testid={testId}>
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
