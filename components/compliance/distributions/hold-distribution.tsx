"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useRef, useState } from "react";
import type { Address } from "viem";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { controlStyles } from "@/components/ui/input";
import { TxStatus } from "@/components/issuer/tx-status";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { useWalletTx } from "@/components/wallet/use-wallet-tx";
import { settleTransactionAction } from "@/components/wallet/tx-actions";
import { distributorAbi } from "@/lib/chain/abis";
import { recordDistributionHoldAction } from "./actions";

/**
 * "Hold claims" / "Release" of one distribution by a registry agent: a required reason (it goes on-chain with the
 * call), the agent's wallet signs `hold`, the server reads the transaction back and audits it.
 */
export function HoldDistribution({
  distributor,
  officer,
  onChainId,
  held,
}: {
  distributor: Address;
  officer: Address;
  onChainId: string;
  /** Held now: the control releases it. */
  held: boolean;
}) {
  const t = useTranslations("distributions.compliance");
  const router = useRouter();
  const ids = useId();
  const tx = useWalletTx();
  const statusRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const { address, isConnected } = useWalletConnection();
  const canSign = isConnected && address?.toLowerCase() === officer.toLowerCase();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    if (text.length < 5 || text.length > 500) {
      setError(t("reasonInvalid"));
      return;
    }
    setError(undefined);
    setOpen(false);
    const settled = await tx.run(
      async ({ send }) => {
        const hash = await send({
          address: distributor,
          abi: distributorAbi,
          functionName: "hold",
          args: [BigInt(onChainId), !held, text],
          account: officer,
        });
        await settleTransactionAction({ txHash: hash }).catch(() => null);
        return hash;
      },
      async (hash) => {
        const result = await recordDistributionHoldAction({ onChainId, txHash: hash! });
        return result.ok ? null : result.message;
      },
    );
    if (settled) {
      setReason("");
      router.refresh();
    }
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <Dialog
        open={open}
        onOpenChange={(o) => {
          if (!tx.busy) setOpen(o);
        }}
        trigger={
          <Button size="sm" variant={held ? "secondary" : "danger"} disabled={!canSign} loading={tx.busy}>
            {held ? t("release") : t("hold")}
          </Button>
        }
        title={held ? t("releaseTitle", { id: onChainId }) : t("holdTitle", { id: onChainId })}
        description={held ? t("releaseBody") : t("holdBody")}
        closeLabel={t("closeLabel")}
        returnFocusRef={statusRef}
        preferReturnFocus
      >
        <form onSubmit={submit} noValidate className="flex flex-col gap-3">
          <Field id={`${ids}-reason`} label={t("reason")} hint={t("reasonHint")} error={error}>
            {(p) => (
              <textarea
                {...p}
                rows={3}
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                className={cn(controlStyles, "h-auto py-2")}
              />
            )}
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant={held ? "primary" : "danger"}>
              {held ? t("confirmRelease") : t("confirmHold")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      </Dialog>
      <div ref={statusRef} tabIndex={-1} className="outline-none">
        <TxStatus
          step={tx.step}
          confirmed={held ? t("released") : t("held")}
          testId={`distribution-hold-${onChainId}`}
        />
      </div>
    </div>
  );
}
