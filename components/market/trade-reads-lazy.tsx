"use client";

import { lazy, Suspense, useState } from "react";
import type { TradeReadsAnswer, TradeReadsRequest } from "./trade-reads";

const TradeChainReader = lazy(() => import("./trade-chain-reader").then((m) => ({ default: m.TradeChainReader })));

/**
 * Mounts the trade form's chain reader once there is something to read (the investor's own wallet connected), and
 * keeps it mounted: its code loads then, not with the page. Until its first answer the checks say they are checking.
 */
export function LazyTradeChainReader({
  request,
  onAnswer,
}: {
  request: TradeReadsRequest;
  onAnswer: (answer: TradeReadsAnswer) => void;
}) {
  const [used, setUsed] = useState(request.enabled);
  if (request.enabled && !used) setUsed(true);
  return used ? (
    <Suspense fallback={null}>
      <TradeChainReader request={request} onAnswer={onAnswer} />
    </Suspense>
  ) : null;
}
