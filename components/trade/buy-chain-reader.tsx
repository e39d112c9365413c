"use client";

import { useLayoutEffect } from "react";
import { useLazyRead } from "@/components/wallet/use-lazy-read";
import { lockMergeFromPreview } from "@/lib/trade/client";
import { loadBuyChain } from "./load-buy-chain";
import type { BuyReadsAnswer, BuyReadsRequest } from "./use-buy-reads";

/**
 * The buy form's chain reads, in two batched reads (multicall). What does not depend on the amount — HKD balance and
 * allowance, registry identity, shares already bought, the offering — is read once and kept while the amount changes,
 * so it never blanks out while typing. What does — `canBuy` and the token's `canTransfer` for the mint — is read for
 * the amount typed, or, while none is valid (`shares` null), `canTransfer` for one share: whether any share can be
 * received. While the confirmation is open, the lock-up merge preview. This module (react-query's read path with it)
 * loads when the investor's wallet is connected, not with the page; it renders nothing and hands each new answer to
 * the form (`onAnswer`).
 */
export function BuyChainReader({
  request,
  onAnswer,
}: {
  request: BuyReadsRequest;
  onAnswer: (answer: BuyReadsAnswer) => void;
}) {
  const { offering, shares, enabled, account, lockMergeEnabled } = request;
  const { contracts, token, offeringId, investorId } = offering;
  // The ABIs and viem's read path load with the first read (./buy-chain).
  const wallet = useLazyRead({
    key: ["buy.wallet", offering.account, contracts.primaryOffering, contracts.paymentToken, offeringId, investorId],
    load: loadBuyChain,
    read: (chain, config) => chain.readWallet(config, offering),
    enabled,
  });
  const probe = shares ?? 1n;
  const amount = useLazyRead({
    key: ["buy.amount", offering.account, contracts.primaryOffering, token, offeringId, probe],
    load: loadBuyChain,
    read: (chain, config) => chain.readAmount(config, offering, probe),
    enabled,
  });
  const lock = useLazyRead({
    key: ["buy.lockMerge", token, account],
    load: loadBuyChain,
    read: (chain, config) => chain.readLockMerge(config, token, account!),
    enabled: lockMergeEnabled && account !== undefined,
    staleTime: 0,
  });
  const error = wallet.error ?? amount.error;
  const keys = JSON.stringify([wallet.queryKey, amount.queryKey]);
  // Before the browser paints: the form never shows one amount with another's answer.
  useLayoutEffect(() => {
    onAnswer({
      wallet: wallet.data,
      amount: amount.data,
      isFetching: amount.isFetching,
      error,
      queryKeys: [wallet.queryKey, amount.queryKey],
      lockMerge: { merge: lock.data ? lockMergeFromPreview(lock.data) : undefined, isPending: lock.isPending },
    });
    // Handed on when an answer changes (the keys as their text: the arrays are made anew every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wallet.data, amount.data, amount.isFetching, error, keys, lock.data, lock.isPending, onAnswer]);
  return null;
}
