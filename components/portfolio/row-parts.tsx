import type { ReactNode } from "react";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { Cell } from "@/components/ui/data-table";
import { Money } from "@/components/ui/money";
import { shortAddress } from "@/lib/format/address";

type Artwork = { slug: string | null; title: string; titleZh: string | null };

/** An artwork's title in the page's language (the English one when it has no Chinese title). */
export const artworkTitle = (a: Artwork, zh: boolean) => (zh && a.titleZh ? a.titleZh : a.title);

/** An artwork's title in a portfolio row, linked to its page when it has one. */
export function ArtworkName({ artwork, zh, className }: { artwork: Artwork; zh: boolean; className?: string }) {
  const title = artworkTitle(artwork, zh);
  return artwork.slug ? (
    <Link href={`/artworks/${artwork.slug}`} className={cn("tap-target hover:underline", className)}>
      {title}
    </Link>
  ) : (
    <>{title}</>
  );
}

/**
 * A row's transaction cell: its hash, shortened, linked to the explorer when one is configured (the full hash as its
 * title).
 */
export function TxCell({ hash, explorerUrl }: { hash: string; explorerUrl: string | null }) {
  return (
    <Cell className="font-mono text-xs">
      {explorerUrl ? (
        <a href={`${explorerUrl}/tx/${hash}`} target="_blank" rel="noreferrer" className="text-accent underline">
          {shortAddress(hash, 6)}
        </a>
      ) : (
        <span title={hash}>{shortAddress(hash, 6)}</span>
      )}
    </Cell>
  );
}

/** A signed amount with its percentage of the cost basis: sign, then size, coloured by sign. */
export function Gain({ value, bps, decimals }: { value: bigint; bps: number | null; decimals: number }) {
  const sign = value > 0n ? "+" : value < 0n ? "−" : "";
  const abs = value < 0n ? -value : value;
  return (
    <span className={cn("tabular", value > 0n ? "text-success" : value < 0n ? "text-danger" : "text-ink-muted")}>
      {sign}
      <Money value={abs} decimals={decimals} />
      {bps !== null ? (
        <span className="ml-1 text-xs">
          ({sign}
          {(Math.abs(bps) / 100).toFixed(2)}%)
        </span>
      ) : null}
    </span>
  );
}

/** One figure of a portfolio row: a right-aligned table cell, found by its column (`data-col`). */
export type Figure = { col: string; value: ReactNode; strong?: boolean };

/**
 * A portfolio row's figures as right-aligned cells. A stacked table (`DataTable stack`) shows each under its column's
 * name on a phone, from the table's columns.
 */
export function FigureCells({ figures }: { figures: Figure[] }) {
  return figures.map((f) => (
    <Cell key={f.col} align="right" className={cn(f.strong && "font-medium")} data-col={f.col}>
      {f.value}
    </Cell>
  ));
}
