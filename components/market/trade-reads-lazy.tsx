"use client";

import { lazyChainReader } from "@/components/wallet/lazy-chain-reader";
import type { TradeReadsAnswer, TradeReadsRequest } from "./trade-reads";

/** The trade form's chain reader, loaded once the investor's own wallet is connected and kept mounted. */
export const LazyTradeChainReader = lazyChainReader<TradeReadsRequest, TradeReadsAnswer>(
  () => import("./trade-chain-reader").then((m) => m.TradeChainReader),
  (request) => request.enabled,
);
