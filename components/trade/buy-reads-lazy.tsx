"use client";

import { lazyChainReader } from "@/components/wallet/lazy-chain-reader";
import type { BuyReadsAnswer, BuyReadsRequest } from "./use-buy-reads";

/**
 * The buy form's chain reader, loaded once there is something to read (the investor's own wallet connected, or a
 * lock-merge to check) and kept mounted.
 */
export const LazyBuyChainReader = lazyChainReader<BuyReadsRequest, BuyReadsAnswer>(
  () => import("./buy-chain-reader").then((m) => m.BuyChainReader),
  (request) => request.enabled || request.lockMergeEnabled,
);
