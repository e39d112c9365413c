"use client";

import { useEffect, useState } from "react";
import { zeroAddress } from "viem";
import { useReadContracts } from "wagmi";
import { artworkShareTokenAbi, hKDStablecoinAbi, identityRegistryAbi, primaryOfferingAbi } from "@/lib/chain/abis";
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
 * The connected wallet's own state for one purchase, in one batched read (multicall): HKD balance and
 * allowance, registry identity, `canBuy`, the token's `canTransfer` for the mint, shares already bought.
 * Invalidate by `queryKey` after a write.
 */
export function useBuyReads(offering: BuyOffering, shares: bigint, enabled: boolean) {
  const { account, contracts, token, offeringId, investorId } = offering;
  const hkd = { address: contracts.paymentToken, abi: hKDStablecoinAbi } as const;
  const po = { address: contracts.primaryOffering, abi: primaryOfferingAbi } as const;
  const result = useReadContracts({
    allowFailure: false,
    contracts: [
      { ...hkd, functionName: "balanceOf", args: [account] },
      { ...hkd, functionName: "allowance", args: [account, contracts.primaryOffering] },
      { address: contracts.identityRegistry, abi: identityRegistryAbi, functionName: "identityOf", args: [account] },
      { ...po, functionName: "canBuy", args: [offeringId, account, shares] },
      { address: token, abi: artworkShareTokenAbi, functionName: "canTransfer", args: [zeroAddress, account, shares] },
      { ...po, functionName: "purchasedBy", args: [offeringId, investorId ?? `0x${"0".repeat(64)}`] },
      { ...po, functionName: "offering", args: [offeringId] },
    ],
    query: { enabled: enabled && shares > 0n },
  });
  const data = result.data;
  const [balance, allowance, identity, canBuy, tokenCode, purchased, info] = data ?? [];
  return {
    queryKey: result.queryKey,
    isFetching: result.isFetching,
    error: result.error,
    balance,
    allowance,
    identity: identity
      ? { investorId: identity[0], country: identity[1], category: identity[2], expiry: identity[3] }
      : undefined,
    canBuy: canBuy ? { code: canBuy[0], tokenCode: canBuy[1] } : undefined,
    tokenCode,
    purchased: investorId ? purchased : 0n,
    remaining: info ? info.terms.supplyCap - info.sold : undefined,
  };
}
