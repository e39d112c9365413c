"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useState } from "react";
import type { Hex } from "viem";
import { useConfig } from "wagmi";
import { loadTxActions } from "@/components/wallet/wallet-tx-actions";
import { isUnsupportedMethod } from "@/lib/trade/errors";
import { useSettleTx } from "@/components/wallet/use-settle-tx";
import { useWalletTx, type WalletTxStep } from "@/components/wallet/use-wallet-tx";
import { isUserRejection } from "@/components/wallet/wallet-errors";
import { loadBuyChain } from "./load-buy-chain";
import type { BuyOffering } from "./types";

/** The purchase's own steps within the one wallet flow: the permit signature, an approval, the purchase itself. */
export type PurchasePhase = "permit" | "approve" | "buy";
export type PurchaseStep = WalletTxStep<PurchasePhase>;

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
  const tx = useWalletTx<PurchasePhase>();
  /** The shares of the purchase under way (said once confirmed). */
  const [shares, setShares] = useState(0n);
  /** The wallet could not sign the permit: the purchase fell back to approve then buy (said if it then fails). */
  const [fallback, setFallback] = useState(false);
  const { account, contracts } = offering;

  /**
   * After a confirmed write, every chain read of the page is read again: the keys the reader last answered with, and
   * every lazy read besides (a write pressed before the reader's first answer arrived — its keys still unknown — must
   * not leave a balance read before the write on screen: "Get test HKD" at once after connecting showed HK$0.00).
   */
  async function refreshReads() {
    await Promise.all([
      ...queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      queryClient.invalidateQueries({ queryKey: ["atelier.read"] }),
    ]);
  }

  async function confirmTx(hash: Hex) {
    const { waitForTransactionReceipt } = await loadTxActions();
    const receipt = await waitForTransactionReceipt(config, { hash });
    if (receipt.status !== "success") throw new Error("The transaction was reverted.");
  }

  /** Returns null when the wallet cannot sign typed data (caller falls back to approve). */
  async function signPermit(cost: bigint): Promise<{ deadline: bigint; v: number; r: Hex; s: Hex } | null> {
    tx.setStep({ kind: "signing", phase: "permit" });
    const [{ getBlock, parseSignature, signTypedData }, chain] = await Promise.all([loadTxActions(), loadBuyChain()]);
    const [[domain, nonce], head] = await Promise.all([chain.readPermitInputs(config, offering), getBlock(config)]);
    const [, name, version, chainId, verifyingContract] = domain;
    // The chain checks the deadline against its own clock: counted from the later of the chain's time and this
    // computer's, so a computer whose clock is behind never signs a permit that has already run out.
    const wallNow = BigInt(Math.floor(Date.now() / 1000));
    const deadline = (head.timestamp > wallNow ? head.timestamp : wallNow) + PERMIT_TTL_SECONDS;
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

  /**
   * The purchase: with an allowance already enough, `buy`; else a permit and `buyWithPermit`, or (the wallet cannot
   * sign typed data, or the investor asks for two steps) approve then `buy`. Confirmed once the server has caught up
   * with the purchase's block: the page then shows it.
   */
  async function purchase({ shares, cost, twoStep }: { shares: bigint; cost: bigint; twoStep: boolean }) {
    setShares(shares);
    setFallback(false);
    const settled = await tx.run(
      async ({ send }) => {
        const chain = await loadBuyChain();
        const buy = chain.buyCalls.buy(offering, shares);
        const allowance = await chain.readAllowance(config, offering);
        if (allowance >= cost) return send(buy, { phase: "buy" });
        const permit = twoStep ? null : await signPermit(cost);
        if (permit) return send(chain.buyCalls.buyWithPermit(offering, shares, permit), { phase: "buy" });
        setFallback(!twoStep);
        await send(chain.buyCalls.approve(offering, cost), { phase: "approve" });
        return send(buy, { phase: "buy" });
      },
      async (hash) => {
        if (hash) await settle(hash);
        return null;
      },
    );
    if (settled) await refreshReads();
  }

  async function faucet(amount: bigint) {
    const [{ simulateContract, writeContract }, chain] = await Promise.all([loadTxActions(), loadBuyChain()]);
    const { request } = await simulateContract(config, chain.buyCalls.faucet(offering, amount));
    const hash = await writeContract(config, request);
    await confirmTx(hash);
    await refreshReads();
  }

  return { step: tx.step, setStep: tx.setStep, purchase, faucet, shares, fallback };
}
