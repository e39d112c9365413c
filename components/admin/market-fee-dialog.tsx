"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { getAddress, isAddress, type Address } from "viem";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ConnectDialog } from "@/components/wallet/connect-dialog";
import { TxStatus } from "@/components/wallet/tx-status";
import { useSignerWallet } from "@/components/wallet/use-signer-wallet";
import { useWalletTx, type WalletCall, type WalletTxStep } from "@/components/wallet/use-wallet-tx";
import { marketAbi } from "@/lib/chain/abis";
import { bpsToPercent, percentToBps } from "@/lib/settings/client";
import { recordMarketFeeAction } from "./settings-actions";

type Errors = Partial<Record<"fee" | "recipient", string>>;

/**
 * Change the Market's fee and recipient: the admin types the new fee (in %) and recipient; a fee above the
 * contract's cap or a malformed wallet is refused in words before anything is signed; a confirmation states the old
 * and new fee and the recipient (checksummed); then the admin's own wallet signs `setFee` and the server verifies the
 * mined transaction and audits it.
 */
export function MarketFeeDialog({
  admin,
  market,
  feeBps,
  feeRecipient,
  maxFeeBps,
}: {
  admin: string;
  market: Address;
  feeBps: number;
  feeRecipient: Address;
  maxFeeBps: number;
}) {
  const t = useTranslations("admin.settings.fee");
  const router = useRouter();
  const uid = useId();
  const { address, wrongWallet, askToConnect, connect } = useSignerWallet(admin);
  const [open, setOpen] = useState(false);
  const [fee, setFee] = useState(bpsToPercent(feeBps));
  const [recipient, setRecipient] = useState<string>(feeRecipient);
  const [errors, setErrors] = useState<{ at: number; fields: Errors } | null>(null);
  const [confirm, setConfirm] = useState<{ bps: number; recipient: Address } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const tx = useWalletTx({ rejected: t("rejectedInWallet"), reverted: t("reverted") });
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
    if (!address) return askToConnect();
    const call = {
      address: market,
      abi: marketAbi,
      functionName: "setFee",
      args: [confirm.recipient, confirm.bps],
      account: address,
    } as unknown as WalletCall;
    const hash = await tx.run(
      async ({ send }) => send(call),
      async (txHash) => {
        if (!txHash) return t("reverted");
        const r = await recordMarketFeeAction({ feeBps: confirm.bps, feeRecipient: confirm.recipient, txHash });
        return r.ok ? null : r.message;
      },
    );
    if (hash === false) return;
    setDone(t("done", { fee: bpsToPercent(confirm.bps) }));
    setConfirm(null);
    setOpen(false);
    router.refresh();
  }

  return (
    <div className="flex flex-col items-start gap-2">
      {done ? (
        <Alert tone="success" title={done} role="status">
          {t("nextBlock")}
        </Alert>
      ) : null}
      <Dialog
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          if (!o) setConfirm(null);
        }}
        locked={tx.busy}
        trigger={
          <Button variant="secondary" onClick={() => setDone(null)}>
            {t("change")}
          </Button>
        }
        title={t("dialogTitle")}
        description={t("dialogBody", { max, maxBps: maxFeeBps })}
        closeLabel={t("close")}
      >
        {wrongWallet ? <Alert tone="warn" role="none" title={t("wrongWallet")} /> : null}
        {confirm ? (
          <div className="flex flex-col gap-3" data-testid="fee-confirm">
            <p className="text-sm font-medium">{t("confirmTitle")}</p>
            <p className="text-sm">{t("confirmFee", { old: bpsToPercent(feeBps), new: bpsToPercent(confirm.bps) })}</p>
            <p className="text-sm">
              {t("confirmRecipient")} <code className="font-mono text-xs break-all">{confirm.recipient}</code>
            </p>
            <p className="text-xs text-ink-muted">{t("nextBlock")}</p>
            <FeeStatus step={tx.step} />
            <div className="flex flex-wrap gap-2">
              <Button onClick={() => void sign()} loading={tx.busy} disabled={wrongWallet}>
                {t("sign")}
              </Button>
              <Button variant="ghost" onClick={() => setConfirm(null)} disabled={tx.busy}>
                {t("back")}
              </Button>
            </div>
          </div>
        ) : (
          <FeeForm
            uid={uid}
            fee={fee}
            setFee={setFee}
            recipient={recipient}
            setRecipient={setRecipient}
            errors={errors}
            max={max}
            onSubmit={review}
            onCancel={() => setOpen(false)}
          />
        )}
      </Dialog>
      <ConnectDialog {...connect} />
    </div>
  );
}

function FeeStatus({ step }: { step: WalletTxStep }) {
  const t = useTranslations("admin.settings.fee");
  const progress: Partial<Record<WalletTxStep["kind"], string>> = {
    preparing: t("checking"),
    checking: t("checking"),
    signing: t("signing"),
    pending: t("pending"),
    recording: t("recording"),
  };
  const busyText = progress[step.kind];
  return (
    <TxStatus
      step={step.kind}
      testIdOn="region"
      testId="fee-status"
      view={{
        busy: busyText ? { text: busyText } : null,
        failed: step.kind === "failed" ? { title: t("failed"), body: <p>{step.message}</p>, focusKey: step } : null,
      }}
    />
  );
}

/** The new fee and recipient, said wrong beside each field and in the summary before any confirmation. */
function FeeForm({
  uid,
  fee,
  setFee,
  recipient,
  setRecipient,
  errors,
  max,
  onSubmit,
  onCancel,
}: {
  uid: string;
  fee: string;
  setFee: (v: string) => void;
  recipient: string;
  setRecipient: (v: string) => void;
  errors: { at: number; fields: Errors } | null;
  max: string;
  onSubmit: (event: React.FormEvent) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("admin.settings.fee");
  const labels = { fee: t("feeLabel"), recipient: t("recipientLabel") };
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      {errors ? (
        <ErrorSummary
          title={t("fixTitle")}
          focusKey={errors.at}
          items={(Object.keys(errors.fields) as (keyof Errors)[]).map((f) => ({
            field: `${uid}-${f}`,
            label: labels[f],
            message: errors.fields[f]!,
          }))}
        />
      ) : null}
      <Field id={`${uid}-fee`} label={labels.fee} hint={t("feeHint", { max })} error={errors?.fields.fee}>
        {(p) => (
          <Input
            {...p}
            name="fee"
            inputMode="decimal"
            autoComplete="off"
            value={fee}
            onChange={(e) => setFee(e.target.value)}
          />
        )}
      </Field>
      <Field
        id={`${uid}-recipient`}
        label={labels.recipient}
        hint={t("recipientHint")}
        error={errors?.fields.recipient}
      >
        {(p) => (
          <Input
            {...p}
            name="recipient"
            autoComplete="off"
            spellCheck={false}
            value={recipient}
            onChange={(e) => setRecipient(e.target.value)}
            className="font-mono"
          />
        )}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit">{t("review")}</Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
