/** The portfolio's history, one page at a time (it is read whole for the cost basis; the page shows a slice). */
import { pageInMemory, type Page, type PageCursor } from "@/lib/paging/client";
import type { HistoryEntry } from "./types";

export const HISTORY_PAGE = 15;

type Keyed = Pick<HistoryEntry, "blockNumber" | "logIndex" | "kind" | "wallet">;
const keyOf = (e: Keyed) => [e.blockNumber.toString(), String(e.logIndex), e.kind, e.wallet.toLowerCase()];

/** Newest first: block, then log, then kind and wallet (one log can make a row for each of two own wallets). */
function compare(e: Keyed, key: string[]): number {
  const [block, log, kind, wallet] = [BigInt(key[0]!), Number(key[1]), key[2]!, key[3]!];
  if (e.blockNumber !== block) return e.blockNumber > block ? -1 : 1;
  if (e.logIndex !== log) return e.logIndex > log ? -1 : 1;
  if (e.kind !== kind) return e.kind < kind ? -1 : 1;
  const w = e.wallet.toLowerCase();
  return w === wallet ? 0 : w < wallet ? -1 : 1;
}

export function pageHistory<E extends Keyed>(history: readonly E[], cursor: PageCursor): Page<E> {
  const sorted = [...history].sort((a, b) => compare(a, keyOf(b)));
  return pageInMemory(sorted, { cursor, size: HISTORY_PAGE, keyOf, compare });
}
