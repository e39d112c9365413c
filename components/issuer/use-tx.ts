"use client";

import { useState } from "react";
import type { Hex } from "viem";
import { useConfig } from "wagmi";
import { simulateContract, waitForTransactionReceipt, writeContract } from "wagmi/actions";
import { describeChainError } from "@/lib/chain/errors";
import { settleTransactionAction } from "@/components/wallet/tx-actions";
import { isUserRejection } from "@/components/wallet/wallet-errors";

export type TxStep =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "signing" }
  | { kind: "pending"; hash: Hex }
  | { kind: "confirmed"; hash: Hex }
  | { kind: "failed"; rejected: boolean; message: string };

type SimulateArgs = Parameters<typeof simulateContract>[1];

/**
 * One wallet transaction: simulate first (refusals in words before the wallet opens), sign, wait, then let the
 * server catch up with the transaction's block so the caller's next read or refresh includes it.
 */
export function useTx() {
  const config = useConfig();
  const [step, setStep] = useState<TxStep>({ kind: "idle" });

  async function send(args: SimulateArgs): Promise<Hex | null> {
    try {
      setStep({ kind: "checking" });
      const { request } = await simulateContract(config, args);
      setStep({ kind: "signing" });
      const hash = await writeContract(config, request as Parameters<typeof writeContract>[1]);
      setStep({ kind: "pending", hash });
      const receipt = await waitForTransactionReceipt(config, { hash });
      if (receipt.status !== "success") throw new Error("The transaction was reverted.");
      await settleTransactionAction({ txHash: hash }).catch(() => null);
      setStep({ kind: "confirmed", hash });
      return hash;
    } catch (error) {
      setStep({ kind: "failed", rejected: isUserRejection(error), message: describeChainError(error).message });
      return null;
    }
  }

  return { step, setStep, send, busy: step.kind === "checking" || step.kind === "signing" || step.kind === "pending" };
}
