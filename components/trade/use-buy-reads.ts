"use client";

import type { QueryKey } from "@tanstack/react-query";
import type { Address } from "viem";
import type { LockMerge } from "@/lib/trade/client";
import type { BuyChain } from "./load-buy-chain";
import type { BuyOffering } from "./types";

/**
 * What the buy form's chain reads answered (`BuyChainReader`, loaded with react-query's read path when the investor's
 * wallet is connected, not with the page): the wallet's and the amount's batched reads, the lock-up merge preview, and
 * the read keys to invalidate after a write.
 */
export type BuyReadsAnswer = {
  wallet: Awaited<ReturnType<BuyChain["readWallet"]>> | undefined;
  amount: Awaited<ReturnType<BuyChain["readAmount"]>> | undefined;
  /** The amount-dependent read is under way. */
  isFetching: boolean;
  error: Error | null;
  queryKeys: QueryKey[];
  lockMerge: { merge: LockMerge | undefined; isPending: boolean };
};

/** What `BuyChainReader` reads: the wallet's state for one purchase, and (while the confirmation is open) the lock merge. */
export type BuyReadsRequest = {
  offering: BuyOffering;
  /** The amount typed (debounced), or null while none is valid. */
  shares: bigint | null;
  enabled: boolean;
  account: Address | undefined;
  lockMergeEnabled: boolean;
};

/**
 * The connected wallet's own state for one purchase, shaped from the reader's latest answer (none yet: nothing read,
 * and, while the reads are enabled, the amount's answer still to come).
 * Invalidate `queryKeys` after a write.
 */
export function shapeBuyReads(answer: BuyReadsAnswer | null, request: BuyReadsRequest) {
  const { offering, shares, enabled } = request;
  const [balance, allowance, identity, purchased, info] = answer?.wallet ?? [];
  const [canBuy, tokenCode] = answer?.amount ?? [];
  return {
    queryKeys: answer?.queryKeys ?? [],
    /** The amount-dependent answers are not yet those of `shares`. */
    isFetching: answer ? answer.isFetching : enabled,
    error: answer?.error ?? null,
    balance,
    allowance,
    identity: identity
      ? { investorId: identity[0], country: identity[1], category: identity[2], expiry: identity[3] }
      : undefined,
    canBuy: canBuy && shares !== null ? { code: canBuy[0], tokenCode: canBuy[1] } : undefined,
    tokenCode,
    purchased: offering.investorId ? purchased : 0n,
    remaining: info ? info.terms.supplyCap - info.sold : undefined,
    /** The issuer closed the offering (read with the wallet reads). */
    closed: info?.closed,
  };
}

/**
 * What a purchase now would do to the buyer's lock-ups, read from the token itself (`lockMergePreview`). Read only
 * while the confirmation is open and the offering locks shares; `loading` keeps the sign button off until it is known.
 */
export function shapeLockMerge(answer: BuyReadsAnswer | null, request: BuyReadsRequest) {
  const on = request.lockMergeEnabled && request.account !== undefined;
  return {
    merge: answer?.lockMerge.merge,
    loading: on && (answer ? answer.lockMerge.isPending : true),
  };
}
