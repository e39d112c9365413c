"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { Address, Hex } from "viem";
import { useConfig } from "wagmi";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { simulateContract, waitForTransactionReceipt, writeContract } from "wagmi/actions";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary, errorItems } from "@/components/ui/error-summary";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { ConnectDialog } from "@/components/wallet/connect-dialog";
import { useChainErrorText } from "@/components/wallet/use-chain-error";
import { isUserRejection } from "@/components/wallet/wallet-errors";
import { identityRegistryAbi } from "@/lib/chain/abis";
import type { KycFormState } from "@/lib/kyc/action-result";
import type { RegistrationPlan } from "@/lib/kyc/registration";
import {
  beginApprovalAction,
  confirmApprovalAction,
  preApproveAction,
  rejectAction,
  requestInformationAction,
} from "./kyc-actions";

type Step =
  | { kind: "idle" }
  | { kind: "planning" }
  | { kind: "simulating"; plan: RegistrationPlan }
  | { kind: "signing"; plan: RegistrationPlan }
  | { kind: "pending"; plan: RegistrationPlan; hash: Hex }
  | { kind: "confirming"; hash: Hex | null }
  | { kind: "confirmed"; hash: Hex | null }
  | { kind: "failed"; message: string; hash?: Hex | null };

export type DecisionProps = {
  applicationId: string;
  /** Whether this officer may sign the approval now, and if not, why (an i18n key under kyc.errors). */
  canApprove: boolean;
  approveBlockedReason: string | null;
  canPreApprove: boolean;
  /**
   * What the application still lacks (documents, unticked checks), in words; while set, neither approval nor
   * pre-approval is offered (the server refuses them too).
   */
  reviewMissing: string[] | null;
  professional: boolean;
  preApprovedByOther: boolean;
  summary: { wallet: string; country: string; category: string };
  officer: string;
};

/** A refused decision form's error summary (focused, announced), linking to its one message field. */
function Refusal({ state, field, label }: { state: KycFormState; field: string; label: string }) {
  if (!state || state.ok) return null;
  return (
    <ErrorSummary
      title={state.message}
      focusKey={state}
      items={errorItems(state.fieldErrors, { control: () => field, label: () => label })}
    />
  );
}

/**
 * The officer's decision: approve (their own wallet signs the registry registration: plan → simulate → sign →
 * pending → the server verifies on chain), pre-approve (four eyes), reject with a reason, request information.
 */
export function KycDecision(props: DecisionProps) {
  const t = useTranslations("complianceKyc.decision");
  const te = useTranslations("kyc.errors");
  const config = useConfig();
  const router = useRouter();
  const chainErrorText = useChainErrorText();
  const { address, isConnected, status: connection } = useWalletConnection();
  const [connectOpen, setConnectOpen] = useState(false);
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [rejectState, rejectFormAction, rejecting] = useActionState(rejectAction, null);
  const [infoState, infoFormAction, requesting] = useActionState(requestInformationAction, null);
  const [preState, setPreState] = useState<{ ok: boolean; message?: string } | null>(null);
  const wrongWallet = isConnected && address?.toLowerCase() !== props.officer.toLowerCase();

  async function confirm(hash: Hex | null) {
    setStep({ kind: "confirming", hash });
    const res = await confirmApprovalAction({ id: props.applicationId, txHash: hash });
    if (!res.ok) return setStep({ kind: "failed", message: res.message, hash });
    setStep({ kind: "confirmed", hash });
    router.refresh();
  }

  async function approve() {
    setStep({ kind: "planning" });
    try {
      const begun = await beginApprovalAction({ id: props.applicationId });
      if (!begun.ok) return setStep({ kind: "failed", message: begun.message });
      const { plan } = begun;
      // An interrupted approval: the registry already holds this registration — verify, do not register twice.
      if (plan.alreadyRegistered) return confirm(null);
      setStep({ kind: "simulating", plan });
      const registry = { address: plan.registry as Address, abi: identityRegistryAbi } as const;
      if (!address) return setStep({ kind: "failed", message: t("connectBody") });
      const account = address;
      let hash: Hex;
      if (plan.functionName === "registerInvestor") {
        const { request } = await simulateContract(config, {
          ...registry,
          functionName: "registerInvestor",
          args: [plan.wallet as Address, plan.investorId, plan.country, plan.categoryCode, BigInt(plan.expiry)],
          account,
        });
        setStep({ kind: "signing", plan });
        hash = await writeContract(config, request);
      } else {
        const { request } = await simulateContract(config, {
          ...registry,
          functionName: "updateInvestor",
          args: [plan.investorId, plan.country, plan.categoryCode, BigInt(plan.expiry)],
          account,
        });
        setStep({ kind: "signing", plan });
        hash = await writeContract(config, request);
      }
      setStep({ kind: "pending", plan, hash });
      const receipt = await waitForTransactionReceipt(config, { hash });
      if (receipt.status !== "success") return setStep({ kind: "failed", message: te("tx_failed"), hash });
      await confirm(hash);
    } catch (error) {
      if (isUserRejection(error)) return setStep({ kind: "failed", message: t("rejectedInWallet") });
      console.error("[compliance/kyc] approval failed:", error);
      setStep({ kind: "failed", message: t("chainError", { detail: chainErrorText(error) }) });
    }
  }

  async function preApprove() {
    const res = await preApproveAction({ id: props.applicationId });
    setPreState(res.ok ? { ok: true } : { ok: false, message: res.message });
    if (res.ok) router.refresh();
  }

  const busy =
    step.kind === "planning" ||
    step.kind === "simulating" ||
    step.kind === "signing" ||
    step.kind === "pending" ||
    step.kind === "confirming";
  const status = (() => {
    switch (step.kind) {
      case "planning":
        return t("state.planning");
      case "simulating":
        return t("state.simulating");
      case "signing":
        return t("state.signing");
      case "pending":
        return t("state.pending");
      case "confirming":
        return t("state.confirming");
      default:
        return null;
    }
  })();
  const hash =
    step.kind === "pending" || step.kind === "confirming" || step.kind === "confirmed" || step.kind === "failed"
      ? (step.hash ?? null)
      : null;

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="approve-title" className="flex flex-col gap-3 rounded-xl border border-line p-4">
        <h3 id="approve-title" className="font-medium">
          {t("approveTitle")}
        </h3>
        <p className="text-sm text-ink-muted">
          {t("explain", {
            wallet: props.summary.wallet,
            country: props.summary.country,
            category: props.summary.category,
          })}
        </p>
        {props.professional ? <p className="text-sm text-ink-muted">{t("fourEyes")}</p> : null}
        {wrongWallet ? <Alert tone="warn" role="none" title={t("wrongWallet")} /> : null}
        {props.reviewMissing ? (
          <div role="note" aria-labelledby="review-missing-title" className="flex flex-col gap-1 text-sm">
            <p id="review-missing-title" className="font-medium">
              {te("review_incomplete")}
            </p>
            <ul className="list-disc pl-5">
              {props.reviewMissing.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        ) : props.canPreApprove ? (
          <div className="flex flex-col gap-2">
            <div>
              <Button variant="secondary" onClick={preApprove}>
                {t("preApprove")}
              </Button>
            </div>
            {preState && !preState.ok ? <ErrorSummary title={preState.message} focusKey={preState} /> : null}
          </div>
        ) : null}
        {props.reviewMissing ? null : props.canApprove && !isConnected ? (
          <div className="flex flex-col items-start gap-2">
            <p className="text-sm">{t("connectBody")}</p>
            <Button
              variant="secondary"
              onClick={() => setConnectOpen(true)}
              loading={connection === "connecting" || connection === "reconnecting"}
            >
              {t("connect")}
            </Button>
            <ConnectDialog open={connectOpen} onOpenChange={setConnectOpen} />
          </div>
        ) : props.canApprove ? (
          <div>
            <Button
              onClick={approve}
              disabled={busy || wrongWallet || step.kind === "confirmed"}
              aria-busy={busy || undefined}
            >
              {props.preApprovedByOther ? t("confirmApprove") : t("approve")}
            </Button>
          </div>
        ) : props.approveBlockedReason ? (
          <p className="text-sm font-medium" role="note">
            {te(props.approveBlockedReason)}
          </p>
        ) : null}
        <div role="status" aria-live="polite" aria-atomic="true" data-testid="approval-status" data-step={step.kind}>
          {status ? (
            <Alert
              tone="info"
              role="none"
              title={
                <span className="flex items-center gap-2">
                  <Spinner className="size-4" />
                  {status}
                </span>
              }
            >
              {hash ? <code className="font-mono text-xs break-all">{hash}</code> : null}
            </Alert>
          ) : step.kind === "confirmed" ? (
            <Alert tone="success" role="none" title={t("state.confirmed")}>
              {hash ? <code className="font-mono text-xs break-all">{hash}</code> : <p>{t("state.resumed")}</p>}
            </Alert>
          ) : step.kind === "failed" ? (
            <Alert tone="error" role="none" title={t("state.failed")}>
              <p>{step.message}</p>
              <p className="mt-1">{t("state.failedNext")}</p>
            </Alert>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="info-title" className="flex flex-col gap-3 rounded-xl border border-line p-4">
        <h3 id="info-title" className="font-medium">
          {t("requestTitle")}
        </h3>
        <form action={infoFormAction} className="flex flex-col gap-3">
          <input type="hidden" name="id" value={props.applicationId} />
          <Refusal state={infoState} field="info-message" label={t("requestLabel")} />
          <Field
            id="info-message"
            label={t("requestLabel")}
            hint={t("requestHint")}
            error={infoState && !infoState.ok ? (infoState.fieldErrors?.message ?? infoState.message) : undefined}
          >
            {(p) => (
              <textarea
                {...p}
                name="message"
                rows={3}
                className="w-full rounded-lg border border-line-strong bg-surface px-3 py-2 text-sm"
              />
            )}
          </Field>
          <div>
            <Button type="submit" variant="secondary" disabled={requesting}>
              {t("requestSubmit")}
            </Button>
          </div>
        </form>
      </section>

      <section aria-labelledby="reject-title" className="flex flex-col gap-3 rounded-xl border border-line p-4">
        <h3 id="reject-title" className="font-medium">
          {t("rejectTitle")}
        </h3>
        <form action={rejectFormAction} className="flex flex-col gap-3">
          <input type="hidden" name="id" value={props.applicationId} />
          <Refusal state={rejectState} field="reject-reason" label={t("rejectLabel")} />
          <Field
            id="reject-reason"
            label={t("rejectLabel")}
            hint={t("rejectHint")}
            error={
              rejectState && !rejectState.ok ? (rejectState.fieldErrors?.message ?? rejectState.message) : undefined
            }
          >
            {(p) => (
              <textarea
                {...p}
                name="message"
                rows={3}
                className="w-full rounded-lg border border-line-strong bg-surface px-3 py-2 text-sm"
              />
            )}
          </Field>
          <div>
            <Button type="submit" variant="danger" disabled={rejecting}>
              {t("rejectSubmit")}
            </Button>
          </div>
        </form>
      </section>
    </div>
  );
}
