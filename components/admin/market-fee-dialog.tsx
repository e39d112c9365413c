"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { getAddress, isAddress, type Address } from "viem";
import { Button } from "@/components/ui/button";
import { AddressField } from "@/components/ui/address-field";
import { NumField } from "@/components/ui/num-field";
import { SignedTxConfirm, SignedTxDialog, SignedTxForm, useSignedTx } from "@/components/wallet/signed-tx-dialog";
import { marketAbi } from "@/lib/chain/abis";
import { bpsToPercent, percentToBps } from "@/lib/settings/client";
import { recordMarketFeeAction } from "./settings-actions";

type Errors = Partial<Record<"fee" | "recipient", string>>;

/**
 * The Market's fee settings as the settings page hands them to its dialogs; the accrued fees in base units of the
 * payment token, as a decimal string (a bigint cannot cross to the client as a prop).
 */
export type MarketFeeView = {
  market: Address;
  feeRecipient: Address;
  feeBps: number;
  maxFeeBps: number;
  accruedFees: string;
};

/**
 * Change the Market's fee and recipient: the admin types the new fee (in %) and recipient; a fee above the
 * contract's cap or a malformed wallet is refused in words before anything is signed; a confirmation states the old
 * and new fee and the recipient (checksummed); then the admin's own wallet signs `setFee` and the server verifies the
 * mined transaction and audits it.
 */
export function MarketFeeDialog({ admin, settings }: { admin: string; settings: MarketFeeView }) {
  const { market, feeBps, feeRecipient, maxFeeBps } = settings;
  const t = useTranslations("admin.settings.fee");
  const signed = useSignedTx(admin, t);
  const { tx, setOpen, setDone } = signed;
  const [fee, setFee] = useState(bpsToPercent(feeBps));
  const [recipient, setRecipient] = useState<string>(feeRecipient);
  const [errors, setErrors] = useState<{ at: number; fields: Errors } | null>(null);
  const [confirm, setConfirm] = useState<{ bps: number; recipient: Address } | null>(null);
  const max = bpsToPercent(maxFeeBps);

  function review(event: React.FormEvent) {
    event.preventDefault();
    const fields: Errors = {};
    const bps = percentToBps(fee);
    if (bps === null) fields.fee = t("feeInvalid");
    else if (bps > maxFeeBps) fields.fee = t("feeAboveCap", { max, maxBps: maxFeeBps });
    const to = recipient.trim();
    if (!isAddress(to, { strict: false }) || /^0x0{40}$/i.test(to)) fields.recipient = t("recipientInvalid");
    if (Object.keys(fields).length || bps === null) return setErrors((prev) => ({ at: (prev?.at ?? 0) + 1, fields }));
    const next = { bps, recipient: getAddress(to) };
    if (next.bps === feeBps && next.recipient === getAddress(feeRecipient))
      return setErrors((prev) => ({ at: (prev?.at ?? 0) + 1, fields: { fee: t("unchanged") } }));
    setErrors(null);
    tx.setStep({ kind: "idle" });
    setConfirm(next);
  }

  async function sign() {
    if (!confirm) return;
    const recorded = await signed.sign(
      { address: market, abi: marketAbi, functionName: "setFee", args: [confirm.recipient, confirm.bps] },
      (txHash) => recordMarketFeeAction({ feeBps: confirm.bps, feeRecipient: confirm.recipient, txHash }),
    );
    if (!recorded) return;
    setDone(t("done", { fee: bpsToPercent(confirm.bps) }));
    setConfirm(null);
  }

  return (
    <SignedTxDialog
      signed={signed}
      doneNote={t("nextBlock")}
      onOpenChange={(o) => {
        if (!o) setConfirm(null);
      }}
      trigger={
        <Button variant="secondary" onClick={() => setDone(null)}>
          {t("change")}
        </Button>
      }
      title={t("dialogTitle")}
      description={t("dialogBody", { max, maxBps: maxFeeBps })}
    >
      {confirm ? (
        <SignedTxConfirm
          signed={signed}
          testId="fee"
          onSign={sign}
          signLabel={t("sign")}
          back={{ label: t("back"), onClick: () => setConfirm(null) }}
        >
          <p className="text-sm font-medium">{t("confirmTitle")}</p>
          <p className="text-sm">{t("confirmFee", { old: bpsToPercent(feeBps), new: bpsToPercent(confirm.bps) })}</p>
          <p className="text-sm">
            {t("confirmRecipient")} <code className="font-mono text-xs break-all">{confirm.recipient}</code>
          </p>
          <p className="text-xs text-ink-muted">{t("nextBlock")}</p>
        </SignedTxConfirm>
      ) : (
        <FeeForm
          values={{ fee, recipient }}
          set={{ fee: setFee, recipient: setRecipient }}
          errors={errors}
          max={max}
          onSubmit={review}
          onCancel={() => setOpen(false)}
        />
      )}
    </SignedTxDialog>
  );
}

/** The new fee and recipient, said wrong beside each field and in the summary before any confirmation. */
function FeeForm({
  values: { fee, recipient },
  set,
  errors,
  max,
  onSubmit,
  onCancel,
}: {
  values: Record<keyof Errors, string>;
  set: Record<keyof Errors, (v: string) => void>;
  errors: { at: number; fields: Errors } | null;
  max: string;
  onSubmit: (event: React.FormEvent) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("admin.settings.fee");
  return (
    <SignedTxForm
      t={t}
      errors={errors}
      onSubmit={onSubmit}
      submit={<Button type="submit">{t("review")}</Button>}
      onCancel={onCancel}
    >
      {(field) => (
        <>
          <NumField {...field("fee")} hint={t("feeHint", { max })} inputMode="decimal" value={fee} set={set.fee} />
          <AddressField {...field("recipient")} hint={t("recipientHint")} value={recipient} set={set.recipient} />
        </>
      )}
    </SignedTxForm>
  );
}
