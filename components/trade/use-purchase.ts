"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useState } from "react";
import { parseSignature, type Hex } from "viem";
import { useConfig } from "wagmi";
import { readContract, signTypedData, simulateContract, waitForTransactionReceipt, writeContract } from "wagmi/actions";
import { hKDStablecoinAbi, primaryOfferingAbi } from "@/lib/chain/abis";
import { isUnsupportedMethod } from "@/lib/trade/errors";
import { useSettleTx } from "@/components/wallet/use-settle-tx";
import { isUserRejection } from "@/components/wallet/wallet-errors";
import type { BuyOffering } from "./types";

export type PurchaseStep =
  | { kind: "idle" }
  | { kind: "signingPermit" }
  | { kind: "approving" }
  | { kind: "approvalPending"; hash: Hex }
  | { kind: "simulating" }
  | { kind: "signingTx" }
  | { kind: "pending"; hash: Hex }
  | { kind: "confirmed"; hash: Hex; shares: bigint }
  | { kind: "failed"; error: unknown; fallback: boolean };

/** Twenty minutes for the permit: long enough to confirm, short enough to be harmless if leaked. */
const PERMIT_TTL_SECONDS = 20n * 60n;

/**
 * The purchase: EIP-2612 permit signature + `buyWithPermit` (one flow), or approve then `buy` when the wallet
 * cannot sign typed data (or the investor asks for it). Every transaction is simulated before the wallet is
 * asked; after confirmation the wallet reads are invalidated and the server components refreshed.
 */
export function usePurchase(offering: BuyOffering, queryKeys: readonly QueryKey[]) {
  const config = useConfig();
  const queryClient = useQueryClient();
  const settle = useSettleTx();
  const [step, setStep] = useState<PurchaseStep>({ kind: "idle" });
  const { account, contracts, offeringId } = offering;
  const hkd = { address: contracts.paymentToken, abi: hKDStablecoinAbi } as const;
  const po = { address: contracts.primaryOffering, abi: primaryOfferingAbi } as const;

  async function confirmTx(hash: Hex) {
    const receipt = await waitForTransactionReceipt(config, { hash });
    if (receipt.status !== "success") throw new Error("The transaction was reverted.");
  }

  async function buyWithAllowance(shares: bigint) {
    setStep({ kind: "simulating" });
    const { request } = await simulateContract(config, {
      ...po,
      functionName: "buy",
      args: [offeringId, shares],
      account,
    });
    setStep({ kind: "signingTx" });
    const hash = await writeContract(config, request);
    setStep({ kind: "pending", hash });
    await confirmTx(hash);
    return hash;
  }

  async function approve(cost: bigint) {
    setStep({ kind: "approving" });
    const { request } = await simulateContract(config, {
      ...hkd,
      functionName: "approve",
      args: [contracts.primaryOffering, cost],
      account,
    });
    const hash = await writeContract(config, request);
    setStep({ kind: "approvalPending", hash });
    await confirmTx(hash);
  }

  /** Returns null when the wallet cannot sign typed data (caller falls back to approve). */
  async function signPermit(cost: bigint): Promise<{ deadline: bigint; v: number; r: Hex; s: Hex } | null> {
    setStep({ kind: "signingPermit" });
    const [domain, nonce] = await Promise.all([
      readContract(config, { ...hkd, functionName: "eip712Domain" }),
      readContract(config, { ...hkd, functionName: "nonces", args: [account] }),
    ]);
    const [, name, version, chainId, verifyingContract] = domain;
    const deadline = BigInt(Math.floor(Date.now() / 1000)) + PERMIT_TTL_SECONDS;
    let signature: Hex;
    try {
      signature = await signTypedData(config, {
        account,
        domain: { name, version, chainId: Number(chainId), verifyingContract },
        types: {
          Permit: [
            { name: "owner", type: "address" },
            { name: "spender", type: "address" },
            { name: "value", type: "uint256" },
            { name: "nonce", type: "uint256" },
            { name: "deadline", type: "uint256" },
          ],
        },
        primaryType: "Permit",
        message: { owner: account, spender: contracts.primaryOffering, value: cost, nonce, deadline },
      });
    } catch (error) {
      if (!isUserRejection(error) && isUnsupportedMethod(error)) return null;
      throw error;
    }
    const { r, s, v, yParity } = parseSignature(signature);
    return { deadline, v: Number(v ?? BigInt(yParity + 27)), r, s };
  }

  async function purchase({ shares, cost, twoStep }: { shares: bigint; cost: bigint; twoStep: boolean }) {
    let fallback = false;
    try {
      const allowance = await readContract(config, {
        ...hkd,
        functionName: "allowance",
        args: [account, contracts.primaryOffering],
      });
      let hash: Hex;
      if (allowance >= cost) {
        hash = await buyWithAllowance(shares);
      } else {
        const permit = twoStep ? null : await signPermit(cost);
        if (permit) {
          setStep({ kind: "simulating" });
          const { request } = await simulateContract(config, {
            ...po,
            functionName: "buyWithPermit",
            args: [offeringId, shares, permit.deadline, permit.v, permit.r, permit.s],
            account,
          });
          setStep({ kind: "signingTx" });
          hash = await writeContract(config, request);
          setStep({ kind: "pending", hash });
          await confirmTx(hash);
        } else {
          fallback = !twoStep;
          await approve(cost);
          hash = await buyWithAllowance(shares);
        }
      }
      // Confirmed once the server has caught up with the purchase's block: the page then shows it.
      await settle(hash);
      setStep({ kind: "confirmed", hash, shares });
      await Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    } catch (error) {
      setStep({ kind: "failed", error, fallback });
    }
  }

  async function faucet(amount: bigint) {
    const { request } = await simulateContract(config, { ...hkd, functionName: "faucet", args: [amount], account });
    const hash = await writeContract(config, request);
    await confirmTx(hash);
    await Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  }

  return { step, setStep, purchase, faucet };
}
