import type { ReactNode } from "react";
import { cn } from "./cn";

const looks = {
  /** An investor's own page (account, onboarding, portfolio, sign-in): large, larger on wider screens. */
  page: {
    block: "gap-2",
    title: "font-display text-4xl font-normal tracking-tight sm:text-5xl",
    intro: "text-ink-muted",
  },
  /** A working page (issuer desk, listings review, buy and trade). */
  desk: { block: "gap-1", title: "font-display text-4xl leading-tight tracking-tight", intro: "text-ink-muted" },
  /** A dense console page (the KYC queue). */
  console: {
    block: "gap-1",
    title: "font-display text-3xl font-normal tracking-tight",
    intro: "text-sm text-ink-muted",
  },
} as const;

/**
 * A page's heading block: the eyebrow above the page's one `h1`, the introduction (words or a line of facts) below,
 * then anything that belongs with them.
 */
export function PageHeading({
  eyebrow,
  title,
  intro,
  look = "page",
  as: Tag = "header",
  className,
  titleClassName,
  introClassName,
  children,
}: {
  eyebrow: ReactNode;
  title: ReactNode;
  intro?: ReactNode;
  look?: keyof typeof looks;
  /** `div` where the heading sits inside a larger header (beside its actions). */
  as?: "header" | "div";
  /** The gap between the lines (and any other layout of the block), in place of the look's. */
  className?: string;
  titleClassName?: string;
  /** In place of the look's. */
  introClassName?: string;
  children?: ReactNode;
}) {
  const l = looks[look];
  return (
    <Tag className={cn("flex flex-col", className ?? l.block)}>
      <p className="text-sm tracking-[0.18em] text-ink-muted uppercase">{eyebrow}</p>
      <h1 className={cn(l.title, titleClassName)}>{title}</h1>
      {intro ? <p className={introClassName ?? l.intro}>{intro}</p> : null}
      {children}
    </Tag>
  );
}
