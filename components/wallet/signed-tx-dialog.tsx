"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import type { Hex } from "viem";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorSummary, errorItems } from "@/components/ui/error-summary";
import { ConnectDialog } from "./connect-dialog";
import { TxStatus } from "./tx-status";
import { useSignerWallet } from "./use-signer-wallet";
import { TxRefused, useWalletTx, type WalletCall, type WalletTxStep } from "./use-wallet-tx";

/*
 * One shape for a change that one named wallet signs in a dialog (an admin's role change or fee change): the
 * caller's fields, then the wallet signs, then the server verifies and records the mined transaction, the dialog
 * closes and the page refreshes with the success line above the button that opened it.
 */

/** The words a signed change's dialog, status and failures are said in (a namespace holding these keys). */
type SignedTxWords = (
  key:
    | "checking"
    | "signing"
    | "pending"
    | "recording"
    | "failed"
    | "reverted"
    | "rejectedInWallet"
    | "close"
    | "wrongWallet",
) => string;

/** A server action's answer on the transaction: recorded, or its refusal in words. */
type Recorded = { ok: true } | { ok: false; message: string };

/**
 * The signer's wallet (`signer`), the dialog's open state, the transaction and the success line. `sign` opens the
 * connect dialog when no wallet is connected; else runs `check` (the portal's own refusal before the wallet opens,
 * in words), sends `call` from the connected wallet and has `record` verify it. Returns whether it was recorded.
 */
export function useSignedTx(signer: string, t: SignedTxWords) {
  const router = useRouter();
  const wallet = useSignerWallet(signer);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const tx = useWalletTx({ rejected: t("rejectedInWallet"), reverted: t("reverted") });

  async function sign(
    call: Omit<WalletCall, "account">,
    record: (txHash: Hex) => Promise<Recorded>,
    check?: () => Promise<Recorded>,
  ): Promise<boolean> {
    const account = wallet.address;
    if (!account) {
      wallet.askToConnect();
      return false;
    }
    const hash = await tx.run(
      async ({ send }) => {
        const checked = await check?.();
        if (checked && !checked.ok) throw new TxRefused(checked.message);
        return send({ ...call, account } as unknown as WalletCall);
      },
      async (txHash) => {
        if (!txHash) return t("reverted");
        const r = await record(txHash);
        return r.ok ? null : r.message;
      },
    );
    if (hash === false) return false;
    setOpen(false);
    router.refresh();
    return true;
  }

  return { tx, wallet, open, setOpen, done, setDone, sign, words: t };
}

/** The signed change's steps in words, and its failure in the error summary (`testId` on the polite region). */
export function SignedTxStatus({ step, t, testId }: { step: WalletTxStep; t: SignedTxWords; testId: string }) {
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
      testId={testId}
      view={{
        busy: busyText ? { text: busyText } : null,
        failed: step.kind === "failed" ? { title: t("failed"), body: <p>{step.message}</p>, focusKey: step } : null,
      }}
    />
  );
}

/**
 * The confirm step of a signed change: what will be signed (`children`), its status (`<testId>-status`), then the
 * button that signs (off while another wallet than the signer's is connected) and the one that goes back or cancels.
 */
export function SignedTxConfirm({
  signed,
  testId,
  onSign,
  signLabel,
  back,
  children,
}: {
  signed: ReturnType<typeof useSignedTx>;
  testId: string;
  onSign: () => Promise<void>;
  signLabel: string;
  back: { label: string; onClick: () => void };
  children: ReactNode;
}) {
  const { tx } = signed;
  return (
    <div className="flex flex-col gap-3" data-testid={`${testId}-confirm`}>
      {children}
      <SignedTxStatus step={tx.step} t={signed.words} testId={`${testId}-status`} />
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => void onSign()} loading={tx.busy} disabled={signed.wallet.wrongWallet}>
          {signLabel}
        </Button>
        <Button variant="ghost" onClick={back.onClick} disabled={tx.busy}>
          {back.label}
        </Button>
      </div>
    </div>
  );
}

/**
 * The dialog around a signed change: the last success line (with `doneNote`) above the button that opens it, the
 * dialog locked while the transaction is under way, a warning when another wallet than the signer's is connected,
 * and the connect dialog `sign` opens when none is.
 */
export function SignedTxDialog({
  signed: { tx, wallet, open, setOpen, done, words },
  doneNote,
  onOpenChange,
  trigger,
  title,
  description,
  children,
}: {
  signed: ReturnType<typeof useSignedTx>;
  doneNote: ReactNode;
  /** Besides opening or closing (the dialog's own state is kept by `useSignedTx`). */
  onOpenChange?: (open: boolean) => void;
  trigger: ReactNode;
  title: ReactNode;
  description: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col items-start gap-2">
      {done ? (
        <Alert tone="success" title={done} role="status">
          {doneNote}
        </Alert>
      ) : null}
      <Dialog
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          onOpenChange?.(o);
        }}
        locked={tx.busy}
        trigger={trigger}
        title={title}
        description={description}
        closeLabel={words("close")}
      >
        {wallet.wrongWallet ? <Alert tone="warn" role="none" title={words("wrongWallet")} /> : null}
        {children}
      </Dialog>
      <ConnectDialog {...wallet.connect} />
    </div>
  );
}

/** The words of a signed change's form: the summary's title, Cancel, and each field's label (`<field>Label`). */
type SignedTxFormWords<F extends string> = (key: "fixTitle" | "cancel" | `${F}Label`) => string;

/** One field of a signed change's form, to spread on its control: its id, name, label and refusal. */
export type SignedTxField = { id: string; name: string; label: string; error?: string };

/**
 * The form of a signed change's fields, checked in the browser before anything is signed: the refusal (`errors`:
 * `at` changes with each refused submission; each field's message, under its label, links to its control), the
 * fields (`children`, given `field(name)`: the id, label and message the summary uses, for the control), then the
 * submit button and Cancel.
 */
export function SignedTxForm<F extends string>({
  t,
  errors,
  onSubmit,
  submit,
  onCancel,
  busy = false,
  children,
}: {
  t: SignedTxFormWords<F>;
  errors: { at: number; fields: Partial<Record<F, string>> } | null;
  onSubmit: (event: React.FormEvent) => void;
  /** The submit button. */
  submit: ReactNode;
  onCancel: () => void;
  busy?: boolean;
  children: (field: (name: string) => SignedTxField) => ReactNode;
}) {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const label = (name: string) => t(`${name as F}Label`);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      {errors ? (
        <ErrorSummary
          title={t("fixTitle")}
          focusKey={errors.at}
          items={errorItems(errors.fields, { control: id, label })}
        />
      ) : null}
      {children((name) => ({ id: id(name), name, label: label(name), error: errors?.fields[name as F] }))}
      <div className="flex flex-wrap gap-2">
        {submit}
        <Button type="button" variant="ghost" onClick={onCancel} disabled={busy}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

const WITHDRAWAL_WORDS = [
  "open",
  "dialogTitle",
  "dialogBody",
  "close",
  "cancel",
  "wrongWallet",
  "doneNote",
  "nothing",
] as const;

/**
 * A signed withdrawal of what a contract holds (the Market's accrued fees, a sale's rounding dust): the dialog's
 * trigger, disabled with `nothing` said beside it (and read with it) when there is nothing to take, then the
 * confirmation (`children`: what happens, in words) and the button that signs; in `t`'s words (`WITHDRAWAL_WORDS`
 * beside the signed change's).
 */
export function SignedWithdrawal({
  signed,
  t,
  testId,
  empty,
  onSign,
  signLabel,
  children,
}: {
  signed: ReturnType<typeof useSignedTx>;
  t: (key: Parameters<SignedTxWords>[0] | (typeof WITHDRAWAL_WORDS)[number]) => string;
  testId: string;
  /** Nothing to take: "none" disables the trigger and says why; "unknown" (not read yet) only disables it. */
  empty: "none" | "unknown" | false;
  onSign: () => Promise<void>;
  signLabel: string;
  children: ReactNode;
}) {
  const reasonId = useId();
  return (
    <div className="flex flex-col items-start gap-2">
      <SignedTxDialog
        signed={signed}
        doneNote={t("doneNote")}
        trigger={
          <Button
            variant="secondary"
            onClick={() => signed.setDone(null)}
            disabled={empty !== false}
            aria-describedby={empty === "none" ? reasonId : undefined}
          >
            {t("open")}
          </Button>
        }
        title={t("dialogTitle")}
        description={t("dialogBody")}
      >
        <SignedTxConfirm
          {...{ signed, testId, onSign, signLabel }}
          back={{ label: t("cancel"), onClick: () => signed.setOpen(false) }}
        >
          {children}
        </SignedTxConfirm>
      </SignedTxDialog>
      {empty === "none" ? (
        <p id={reasonId} className="text-sm text-ink-muted">
          {t("nothing")}
        </p>
      ) : null}
    </div>
  );
}
