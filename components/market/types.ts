import type { Address } from "viem";
import type { RestingOrder } from "@/lib/market/client";

export type BestOrder = { id: bigint; maker: Address; price: bigint; shares: bigint };

/** What the trade page passes to its client islands (all serialisable; bigints survive RSC). */
export type TradeSetup = {
  account: Address;
  token: Address;
  market: Address;
  paymentToken: Address;
  identityRegistry: Address;
  decimals: number;
  feeBps: bigint;
  /** Best fillable ask (to buy) and bid (to sell), from the chain at render time. */
  bestAsk: BestOrder | null;
  bestBid: BestOrder | null;
  /**
   * Every open order of the token as the chain reads it (the contract's open index, each checked with `fillable`):
   * what a limit order that crosses will trade against, worked out before signing exactly as the contract matches.
   */
  book: RestingOrder[];
  explorerUrl: string | null;
  /** The platform admin stopped the platform (read at render): the form says so before any wallet prompt. */
  platformStopped: boolean;
};

export type MyOrder = {
  id: bigint;
  side: "ask" | "bid";
  price: bigint;
  remaining: bigint;
  /** When the order stops being fillable (null: placed before orders had an expiry). */
  expiresAt: Date | null;
  fillable: bigint;
  reasonCode: number;
};
