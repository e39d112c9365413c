"use client";

import { useState } from "react";
import type { Hex } from "viem";
import { useConfig } from "wagmi";
import { simulateContract, waitForTransactionReceipt, writeContract } from "wagmi/actions";
import { settleTransactionAction } from "@/components/wallet/tx-actions";
import { useChainErrorText } from "@/components/wallet/use-chain-error";
import { isUserRejection } from "@/components/wallet/wallet-errors";

export type TxStep =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "signing" }
  | { kind: "pending"; hash: Hex }
  /** Mined; the server is reading the receipt and recording the step. */
  | { kind: "recording"; hash: Hex }
  | { kind: "confirmed"; hash: Hex }
  | { kind: "failed"; rejected: boolean; message: string; hash?: Hex };

type SimulateArgs = Parameters<typeof simulateContract>[1];

export type SendOptions = {
  /** Called as soon as the wallet returns the hash, before waiting for it (the server persists it). */
  onHash?: (hash: Hex) => Promise<unknown>;
  /** After the receipt: the server verifies the transaction and records the step. A string is its refusal, in words. */
  record?: (hash: Hex) => Promise<string | null>;
};

/**
 * One wallet transaction: simulate first (refusals in words before the wallet opens), sign, hand the hash to the
 * server at once, wait, let the server catch up with the transaction's block, then have it verify and record the
 * step — so the step reads "confirmed" only once the server has the chain's word for it.
 */
export function useTx() {
  const chainErrorText = useChainErrorText();
  const config = useConfig();
  const [step, setStep] = useState<TxStep>({ kind: "idle" });

  async function send(args: SimulateArgs, options: SendOptions = {}): Promise<Hex | null> {
    let hash: Hex | undefined;
    try {
      setStep({ kind: "checking" });
      const { request } = await simulateContract(config, args);
      setStep({ kind: "signing" });
      hash = await writeContract(config, request as Parameters<typeof writeContract>[1]);
      setStep({ kind: "pending", hash });
      // Best effort: if this fails, the confirmation below (or the next page load) still finds the transaction.
      await options.onHash?.(hash).catch(() => null);
      const receipt = await waitForTransactionReceipt(config, { hash });
      if (receipt.status !== "success") throw new Error("The transaction was reverted.");
      await settleTransactionAction({ txHash: hash }).catch(() => null);
      if (options.record) {
        setStep({ kind: "recording", hash });
        const refusal = await options.record(hash);
        if (refusal) {
          setStep({ kind: "failed", rejected: false, message: refusal, hash });
          return null;
        }
      }
      setStep({ kind: "confirmed", hash });
      return hash;
    } catch (error) {
      setStep({ kind: "failed", rejected: isUserRejection(error), message: chainErrorText(error), hash });
      return null;
    }
  }

  const busy =
    step.kind === "checking" || step.kind === "signing" || step.kind === "pending" || step.kind === "recording";
  return { step, setStep, send, busy };
}
