"use client";

import { useRouter } from "next/navigation";
import type { Hex } from "viem";
import { settleTransactionAction } from "./tx-actions";
import { useWalletConnection } from "./use-wallet-connection";
import { type SendOptions, useWalletTx, type WalletCall } from "./use-wallet-tx";

/** A server action's answer on the transaction: recorded, or its refusal in words. */
type Recorded = { ok: true } | { ok: false; message: string };

/**
 * A wallet transaction that one named wallet (`signer`) signs and the server records: `body` sends it (simulate,
 * sign, wait for the receipt), the server catches up with its block, then `record` (a server action) reads it back
 * and audits it; once recorded the page refreshes. `isSigner`: the connected wallet is `signer`; `wrongWallet`: a
 * wallet is connected, but another one.
 */
export function useRecordedTx<P extends string = string>(signer: string) {
  const router = useRouter();
  const tx = useWalletTx<P>();
  const connection = useWalletConnection();
  const isSigner = connection.isConnected && connection.address?.toLowerCase() === signer.toLowerCase();

  /** Returns whether the server recorded the transaction. */
  async function sign(
    body: (send: (call: WalletCall, options?: SendOptions<P>) => Promise<Hex>) => Promise<Hex>,
    record: (hash: Hex) => Promise<Recorded>,
  ): Promise<boolean> {
    const settled = await tx.run(
      async ({ send }) => {
        const hash = await body(send);
        await settleTransactionAction({ txHash: hash }).catch(() => null);
        return hash;
      },
      async (hash) => {
        const result = await record(hash!);
        return result.ok ? null : result.message;
      },
    );
    if (settled === false) return false;
    router.refresh();
    return true;
  }

  return { tx, connection, isSigner, wrongWallet: connection.isConnected && !isSigner, sign };
}
