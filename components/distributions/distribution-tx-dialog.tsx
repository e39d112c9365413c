"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useRef, useState } from "react";
import type { Address, Hex } from "viem";
import { TxStatus } from "@/components/issuer/tx-status";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ConnectDialog } from "@/components/wallet/connect-dialog";
import { useRecordedTx } from "@/components/wallet/use-recorded-tx";
import { useSignerWallet } from "@/components/wallet/use-signer-wallet";
import { shortAddress } from "@/lib/format/address";

/** The distribution a control acts on (its Distributor and on-chain id) and the wallet that signs. */
export type DistributionTxTarget = { distributor: Address; onChainId: string; account: Address };

/** A Distributor call on the distribution, after its id: `hold(id, hold, reason)` or `close(id)`. */
type DistributorCall =
  { functionName: "hold"; args: [hold: boolean, reason: string] } | { functionName: "close"; args: [] };

/** The server action that reads the transaction back and audits it: recorded, or its refusal in words. */
type Record = (input: { onChainId: string; txHash: Hex }) => Promise<{ ok: true } | { ok: false; message: string }>;

/** Signs `call` with the target's wallet, then has `record` read it back; returns whether it was recorded. */
type SignCall = (call: DistributorCall, record: Record) => Promise<boolean>;

/**
 * A transaction on one distribution behind a confirmation dialog (hold, release, close): the trigger opens the
 * dialog — or, with no wallet connected, the wallet list; with another wallet connected it stays disabled and says
 * which wallet signs; its content `close`s it and `sign`s the Distributor call, which the
 * server then reads back; below, the transaction's status, where focus returns.
 */
export function DistributionTxDialog({
  target,
  trigger,
  variant,
  title,
  description,
  closeLabel,
  confirmed,
  testId,
  hideWhenConfirmed = false,
  hideTrigger = false,
  children,
}: {
  target: DistributionTxTarget;
  trigger: string;
  variant: ButtonVariant;
  title: string;
  description: string;
  closeLabel: string;
  /** The status once the server has recorded the transaction. */
  confirmed: string;
  /** `data-testid` of the status. */
  testId: string;
  /** Once done there is nothing left to do: the trigger goes. */
  hideWhenConfirmed?: boolean;
  /** Nothing left to do (a closed distribution): no trigger, only the status of what was signed here. */
  hideTrigger?: boolean;
  children: (run: { sign: SignCall; close: () => void }) => ReactNode;
}) {
  const { distributor, onChainId, account } = target;
  const t = useTranslations("distributions.signer");
  const { tx, sign: signRecorded } = useRecordedTx(account);
  const signer = useSignerWallet(account);
  const sign: SignCall = (call, record) =>
    signRecorded(
      // The Distributor's ABI loads when the officer or issuer signs, not with the page.
      async (send) => {
        const { distributorAbi } = await import("@/lib/chain/abi/distributor");
        return send({
          address: distributor,
          abi: distributorAbi,
          functionName: call.functionName,
          args: [BigInt(onChainId), ...call.args],
          account,
        });
      },
      (hash) => record({ onChainId, txHash: hash }),
    );
  const statusRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <div className="flex flex-col items-end gap-2">
      {hideTrigger || (hideWhenConfirmed && tx.step.kind === "confirmed") ? null : (
        <Dialog
          open={open}
          onOpenChange={(next) => (next && !signer.address ? signer.askToConnect() : setOpen(next))}
          locked={tx.busy}
          trigger={
            <Button size="sm" variant={variant} disabled={signer.wrongWallet} loading={tx.busy}>
              {trigger}
            </Button>
          }
          title={title}
          description={description}
          closeLabel={closeLabel}
          returnFocusRef={statusRef}
          preferReturnFocus
        >
          {children({ sign, close: () => setOpen(false) })}
        </Dialog>
      )}
      {signer.wrongWallet && !hideTrigger ? (
        <p className="max-w-xs text-right text-xs text-ink-muted">
          {t("wrongWallet", { address: shortAddress(account) })}
        </p>
      ) : null}
      <ConnectDialog {...signer.connect} />
      <div ref={statusRef} tabIndex={-1} className="outline-none">
        <TxStatus step={tx.step} confirmed={confirmed} testId={testId} />
      </div>
    </div>
  );
}
