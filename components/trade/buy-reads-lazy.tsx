"use client";

import { lazy, Suspense, useState } from "react";
import type { BuyReadsAnswer, BuyReadsRequest } from "./use-buy-reads";

const BuyChainReader = lazy(() => import("./buy-chain-reader").then((m) => ({ default: m.BuyChainReader })));

/**
 * Mounts the buy form's chain reader once there is something to read (the investor's own wallet connected), and keeps
 * it mounted: its code loads then, not with the page. Until its first answer the form says it is checking.
 */
export function LazyBuyChainReader({
  request,
  onAnswer,
}: {
  request: BuyReadsRequest;
  onAnswer: (answer: BuyReadsAnswer) => void;
}) {
  const wanted = request.enabled || request.lockMergeEnabled;
  const [used, setUsed] = useState(wanted);
  if (wanted && !used) setUsed(true);
  return used ? (
    <Suspense fallback={null}>
      <BuyChainReader request={request} onAnswer={onAnswer} />
    </Suspense>
  ) : null;
}
