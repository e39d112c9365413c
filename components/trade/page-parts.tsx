import Link from "next/link";
import type { ReactNode } from "react";

/** The buy and trade pages' frame: the way back to the artwork above the page's own content. */
export function TradePageFrame({
  slug,
  back,
  wide = false,
  children,
}: {
  slug: string;
  back: string;
  /** The trade page's wider grid (form, orders, market). */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className={
        wide
          ? "mx-auto flex max-w-6xl flex-col gap-10 px-4 pt-8 pb-20 sm:px-6 lg:px-8"
          : "mx-auto flex max-w-5xl flex-col gap-8 px-4 pt-8 pb-20 sm:px-6 lg:px-8"
      }
    >
      <Link
        href={`/artworks/${slug}`}
        className="tap-target self-start text-sm text-ink-muted underline-offset-4 hover:text-ink hover:underline"
      >
        ← {back}
      </Link>
      {children}
    </div>
  );
}

/** A page's heading block: the eyebrow above the title, the introduction below. */
export function TradePageHeader({
  eyebrow,
  title,
  intro,
  introClassName = "text-ink-muted",
}: {
  eyebrow: ReactNode;
  title: ReactNode;
  intro: ReactNode;
  introClassName?: string;
}) {
  return (
    <header className="flex flex-col gap-2">
      <p className="text-sm tracking-[0.18em] text-ink-muted uppercase">{eyebrow}</p>
      <h1 className="font-display text-4xl leading-tight tracking-tight">{title}</h1>
      <p className={introClassName}>{intro}</p>
    </header>
  );
}
