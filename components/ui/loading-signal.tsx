"use client";

import { useEffect } from "react";

/**
 * A Suspense fallback that draws nothing and tells its owner it is showing: `onLoading(true)` while the lazily
 * loaded code is on its way, `false` once it is in — so the control that asked for it can say it is busy.
 */
export function LoadingSignal({ onLoading }: { onLoading: (loading: boolean) => void }) {
  useEffect(() => {
    onLoading(true);
    return () => onLoading(false);
  }, [onLoading]);
  return null;
}
