"use client";

import { useEffect, useState } from "react";

/** The match preview's code (./trade-form-match: the matching as the contract does it, and its summary in words). */
export type MatchModule = typeof import("./trade-form-match");

let loaded: MatchModule | null = null;

/**
 * The match preview's code, loaded once a limit order is chosen (only a limit order can cross the book), not with the
 * page: null until it is in. Loaded once per visit; later forms have it at once.
 */
export function useMatchModule(wanted: boolean): MatchModule | null {
  const [mod, setMod] = useState<MatchModule | null>(loaded);
  useEffect(() => {
    if (!wanted || mod) return;
    let live = true;
    void import("./trade-form-match").then((m) => {
      loaded = m;
      if (live) setMod(m);
    });
    return () => {
      live = false;
    };
  }, [wanted, mod]);
  return mod;
}
