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
