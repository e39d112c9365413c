"use client";

import { type ComponentType, lazy, Suspense, useState } from "react";

/** What a form's chain reader takes: what to read, and where to hand each answer. */
export type ChainReaderProps<Request, Answer> = { request: Request; onAnswer: (answer: Answer) => void };

/**
 * A form's chain reader (react-query, wagmi's read actions, the ABIs) as a component whose code loads once there is
 * something to read — `wanted(request)`, e.g. the investor's own wallet connected — not with the page; mounted from
 * then on, so later requests are read at once. Until its first answer the form says it is checking.
 */
export function lazyChainReader<Request, Answer>(
  load: () => Promise<ComponentType<ChainReaderProps<Request, Answer>>>,
  wanted: (request: Request) => boolean,
) {
  const Reader = lazy(() => load().then((component) => ({ default: component })));
  function LazyChainReader(props: ChainReaderProps<Request, Answer>) {
    const want = wanted(props.request);
    const [used, setUsed] = useState(want);
    if (want && !used) setUsed(true);
    return used ? (
      <Suspense fallback={null}>
        <Reader {...props} />
      </Suspense>
    ) : null;
  }
  return LazyChainReader;
}
