"use client";

import { useLayoutEffect } from "react";
import { useLazyRead } from "@/components/wallet/use-lazy-read";
import { loadMarketChain } from "./load-market-chain";
import { tradeReadKey, tradeReadKeyText, type TradeReadsAnswer, type TradeReadsRequest } from "./trade-reads";

/**
 * The trade form's chain reads (one batched read: identity, balances, wallet state, the token's rules for this trade,
 * the best order's `fillableBy`, allowances, open asks). This module (react-query's read path with it) loads when the
 * investor's own wallet is connected, not with the page; it renders nothing and hands each new answer to the form.
 */
export function TradeChainReader({
  request,
  onAnswer,
}: {
  request: TradeReadsRequest;
  onAnswer: (answer: TradeReadsAnswer) => void;
}) {
  const { setup, side, take, best, readShares, enabled } = request;
  // The ABIs and viem's read path load with the first read (./market-chain).
  const reads = useLazyRead({
    key: tradeReadKey(request),
    load: loadMarketChain,
    read: (chain, config) => chain.readTradeState(config, setup, { side, take, best, readShares }),
    enabled,
  });
  const key = tradeReadKeyText(request);
  // Before the browser paints: the form never shows one request's checks with another's answer.
  useLayoutEffect(() => {
    onAnswer({ key, data: reads.data, isFetching: reads.isFetching });
  }, [key, reads.data, reads.isFetching, onAnswer]);
  return null;
}
