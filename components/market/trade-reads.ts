import type { LazyReadKey } from "@/components/wallet/use-lazy-read";
import type { OrderSide } from "@/lib/market/client";
import type { MarketChain } from "./load-market-chain";
import type { BestOrder, TradeSetup } from "./types";

/** What `TradeChainReader` reads: the chain state behind the trade form's checks, for the connected account. */
export type TradeReadsRequest = {
  setup: TradeSetup;
  side: OrderSide;
  take: boolean;
  best: BestOrder | null;
  /** The shares typed (debounced), or 1 while none: the rules for one share, so that the checks can already speak. */
  readShares: bigint;
  enabled: boolean;
};

/**
 * What the reader last answered (`TradeChainReader`, loaded with react-query's read path when the investor's own
 * wallet is connected, not with the page), with the request it answered (`key`: its read key as text).
 */
export type TradeReadsAnswer = {
  key: string;
  data: Awaited<ReturnType<MarketChain["readTradeState"]>> | undefined;
  isFetching: boolean;
};

/** The read's key (the query key's tail, after `atelier.read` and the chain id). */
export function tradeReadKey(r: TradeReadsRequest): LazyReadKey {
  const { setup, side, take, best, readShares } = r;
  return [
    "trade.state",
    setup.account,
    setup.market,
    setup.token,
    side,
    take,
    best?.id,
    setup.bestBid?.maker,
    readShares,
  ];
}

/** The key as text, to tell whether an answer is this request's (bigints as their decimal text). */
export const tradeReadKeyText = (r: TradeReadsRequest) =>
  JSON.stringify(tradeReadKey(r).map((v) => (typeof v === "bigint" ? `${v}n` : v)));

/**
 * The reads for this request from the reader's latest answer: none while it has not answered this request yet (its
 * first answer, or a new amount or side), which counts as under way while the reads are enabled.
 */
export function shapeTradeReads(answer: TradeReadsAnswer | null, request: TradeReadsRequest) {
  const current = answer !== null && answer.key === tradeReadKeyText(request);
  return {
    data: current ? answer.data : undefined,
    isFetching: current ? answer.isFetching : request.enabled,
  };
}
