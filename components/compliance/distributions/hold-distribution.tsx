"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useId, useRef, useState } from "react";
import type { Address } from "viem";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ReasonField } from "@/components/ui/reason-field";
import { TxStatus } from "@/components/issuer/tx-status";
import { useRecordedTx } from "@/components/wallet/use-recorded-tx";
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
  const ids = useId();
  const { tx, isSigner, sign } = useRecordedTx(officer);
  const statusRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  // What this officer's last transaction did (the `held` prop changes with the refresh it causes).
  const [didHold, setDidHold] = useState(!held);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    if (text.length < 5 || text.length > 500) {
      setError(t("reasonInvalid"));
      return;
    }
    setError(undefined);
    setOpen(false);
    setDidHold(!held);
    const recorded = await sign(
      (send) =>
        send({
          address: distributor,
          abi: distributorAbi,
          functionName: "hold",
          args: [BigInt(onChainId), !held, text],
          account: officer,
        }),
      (hash) => recordDistributionHoldAction({ onChainId, txHash: hash }),
    );
    if (recorded) setReason("");
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <Dialog
        open={open}
        onOpenChange={setOpen}
        locked={tx.busy}
        trigger={
          <Button size="sm" variant={held ? "secondary" : "danger"} disabled={!isSigner} loading={tx.busy}>
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
          <ReasonField
            id={`${ids}-reason`}
            label={t("reason")}
            hint={t("reasonHint")}
            error={error}
            value={reason}
            onChange={setReason}
          />
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
          confirmed={didHold ? t("held") : t("released")}
          testId={`distribution-hold-${onChainId}`}
        />
      </div>
    </div>
  );
}
