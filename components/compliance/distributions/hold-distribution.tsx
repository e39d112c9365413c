"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { DistributionTxDialog, type DistributionTxTarget } from "@/components/distributions/distribution-tx-dialog";
import { Button } from "@/components/ui/button";
import { ReasonField } from "@/components/ui/reason-field";
import { recordDistributionHoldAction } from "./actions";

/**
 * "Hold claims" / "Release" of one distribution by a registry agent: a required reason (it goes on-chain with the
 * call), the agent's wallet signs `hold`, the server reads the transaction back and audits it.
 */
export function HoldDistribution({
  held,
  ...target
}: DistributionTxTarget & {
  /** Held now: the control releases it. */
  held: boolean;
}) {
  const t = useTranslations("distributions.compliance");
  const ids = useId();
  const { onChainId } = target;
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  // What this officer's last transaction did (the `held` prop changes with the refresh it causes).
  const [didHold, setDidHold] = useState(!held);

  return (
    <DistributionTxDialog
      target={target}
      trigger={held ? t("release") : t("hold")}
      variant={held ? "secondary" : "danger"}
      title={held ? t("releaseTitle", { id: onChainId }) : t("holdTitle", { id: onChainId })}
      description={held ? t("releaseBody") : t("holdBody")}
      closeLabel={t("closeLabel")}
      confirmed={didHold ? t("held") : t("released")}
      testId={`distribution-hold-${onChainId}`}
    >
      {({ sign, close }) => {
        async function submit(event: FormEvent) {
          event.preventDefault();
          const text = reason.trim();
          if (text.length < 5 || text.length > 500) {
            setError(t("reasonInvalid"));
            return;
          }
          setError(undefined);
          close();
          setDidHold(!held);
          const recorded = await sign({ functionName: "hold", args: [!held, text] }, recordDistributionHoldAction);
          if (recorded) setReason("");
        }
        return (
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
              <Button type="button" variant="secondary" onClick={close}>
                {t("cancel")}
              </Button>
            </div>
          </form>
        );
      }}
    </DistributionTxDialog>
  );
}
