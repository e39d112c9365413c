"use client";

import type { Hex } from "viem";
import { settleTransactionAction } from "@/components/wallet/tx-actions";
import { useWalletTx, type WalletCall, type WalletTxStep } from "@/components/wallet/use-wallet-tx";

export type TxStep = WalletTxStep;

export type SendOptions = {
  /** Called as soon as the wallet returns the hash, before waiting for it (the server persists it). */
  onHash?: (hash: Hex) => Promise<unknown>;
  /** After the receipt: the server verifies the transaction and records the step. A string is its refusal, in words. */
  record?: (hash: Hex) => Promise<string | null>;
};

/**
 * An issuer step's wallet transaction (the shared `useWalletTx`): simulate first (refusals in words before the
 * wallet opens), sign, hand the hash to the server at once, wait, let the server catch up with the transaction's
 * block, then have it verify and record the step — so the step reads "confirmed" only once the server has the
 * chain's word for it.
 */
export function useTx() {
  const tx = useWalletTx();

  async function send(args: WalletCall, options: SendOptions = {}): Promise<Hex | null> {
    const { record } = options;
    const settled = await tx.run(
      async ({ send }) => {
        const hash = await send(args, { onHash: options.onHash });
        await settleTransactionAction({ txHash: hash }).catch(() => null);
        return hash;
      },
      record ? (hash) => record(hash as Hex) : undefined,
    );
    return settled || null;
  }

  return { step: tx.step, setStep: tx.setStep, send, busy: tx.busy };
}
