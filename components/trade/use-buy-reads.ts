"use client";

import { useEffect, useState } from "react";
import { useLazyRead } from "@/components/wallet/use-lazy-read";
import { loadBuyChain } from "./load-buy-chain";
import type { BuyOffering } from "./types";

export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return debounced;
}

/**
 * The connected wallet's own state for one purchase, in two batched reads (multicall). What does not
 * depend on the amount — HKD balance and allowance, registry identity, shares already bought, the
 * offering — is read once and kept while the amount changes, so it never blanks out while typing.
 * What does — `canBuy` and the token's `canTransfer` for the mint — is read for the amount typed, or,
 * while none is valid (`shares` null), `canTransfer` for one share: whether any share can be received.
 * Invalidate both `queryKeys` after a write.
 */
export function useBuyReads(offering: BuyOffering, shares: bigint | null, enabled: boolean) {
  const { account, contracts, token, offeringId, investorId } = offering;
  // The ABIs and viem's read path load with the first read (./buy-chain), not with the page.
  const wallet = useLazyRead({
    key: ["buy.wallet", account, contracts.primaryOffering, contracts.paymentToken, offeringId, investorId],
    load: loadBuyChain,
    read: (chain, config) => chain.readWallet(config, offering),
    enabled,
  });
  const probe = shares ?? 1n;
  const amount = useLazyRead({
    key: ["buy.amount", account, contracts.primaryOffering, token, offeringId, probe],
    load: loadBuyChain,
    read: (chain, config) => chain.readAmount(config, offering, probe),
    enabled,
  });
  const [balance, allowance, identity, purchased, info] = wallet.data ?? [];
  const [canBuy, tokenCode] = amount.data ?? [];
  return {
    queryKeys: [wallet.queryKey, amount.queryKey],
    /** The amount-dependent answers are not yet those of `shares`. */
    isFetching: amount.isFetching,
    error: wallet.error ?? amount.error,
    balance,
    allowance,
    identity: identity
      ? { investorId: identity[0], country: identity[1], category: identity[2], expiry: identity[3] }
      : undefined,
    canBuy: canBuy && shares !== null ? { code: canBuy[0], tokenCode: canBuy[1] } : undefined,
    tokenCode,
    purchased: investorId ? purchased : 0n,
    remaining: info ? info.terms.supplyCap - info.sold : undefined,
    /** The issuer closed the offering (read with the wallet reads). */
    closed: info?.closed,
  };
}
