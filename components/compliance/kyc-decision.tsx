"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { type Address, type Hex, zeroAddress } from "viem";
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
import { shortAddress } from "@/lib/format/address";
import type { RegistrationPlan } from "@/lib/kyc/registration";
import {
  beginApprovalAction,
  beginPreApprovalAction,
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

/** What the officer's wallet sends to the identity registry at this step (said before signing). */
export type RegistryCall = RegistrationPlan["functionName"];

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
  /** Four eyes: professional or institutional, or a change to or from those against the registry. */
  fourEyes: boolean;
  preApprovedBy: string | null;
  /** The transaction this officer's next step sends, named as the contract names it. */
  call: RegistryCall;
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
 * The officer's decision: approve (their own wallet sends the registry transaction: plan → simulate → sign →
 * pending → the server verifies on chain); with four eyes the first officer's pre-approval proposes the record on the
 * registry the same way and the second officer's approval confirms it; reject with a reason; request information.
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
  const [flow, setFlow] = useState<"approve" | "preApprove">("approve");
  const [rejectState, rejectFormAction, rejecting] = useActionState(rejectAction, null);
  const [infoState, infoFormAction, requesting] = useActionState(requestInformationAction, null);
  const wrongWallet = isConnected && address?.toLowerCase() !== props.officer.toLowerCase();

  async function confirm(hash: Hex | null, which: "approve" | "preApprove") {
    setStep({ kind: "confirming", hash });
    const res =
      which === "approve"
        ? await confirmApprovalAction({ id: props.applicationId, txHash: hash })
        : await preApproveAction({ id: props.applicationId, txHash: hash });
    if (!res.ok) return setStep({ kind: "failed", message: res.message, hash });
    setStep({ kind: "confirmed", hash });
    router.refresh();
  }

  /** Simulates, then has the officer's wallet send the planned registry call; returns its hash once mined. */
  async function send(plan: RegistrationPlan, account: Address): Promise<Hex | null> {
    const registry = { address: plan.registry as Address, abi: identityRegistryAbi, account } as const;
    const wallet = plan.wallet as Address;
    const expiry = BigInt(plan.expiry);
    const mined = async (hash: Hex) => {
      setStep({ kind: "pending", plan, hash });
      const receipt = await waitForTransactionReceipt(config, { hash });
      if (receipt.status !== "success") {
        setStep({ kind: "failed", message: te("tx_failed"), hash });
        return null;
      }
      return hash;
    };
    if (plan.cancelPending) {
      // An earlier proposal for this investor is still pending: withdraw it first (said on the page).
      setStep({ kind: "simulating", plan });
      const { request } = await simulateContract(config, {
        ...registry,
        functionName: "cancelProposal",
        args: [plan.investorId],
      });
      setStep({ kind: "signing", plan });
      if (!(await mined(await writeContract(config, request)))) return null;
    }
    setStep({ kind: "simulating", plan });
    let hash: Hex;
    switch (plan.functionName) {
      case "registerInvestor":
      case "proposeRegistration": {
        const { request } = await simulateContract(config, {
          ...registry,
          functionName: plan.functionName,
          args: [wallet, plan.investorId, plan.country, plan.categoryCode, expiry],
        });
        setStep({ kind: "signing", plan });
        hash = await writeContract(config, request);
        break;
      }
      case "updateInvestor":
      case "proposeUpdate": {
        const { request } = await simulateContract(config, {
          ...registry,
          functionName: plan.functionName,
          args: [plan.investorId, plan.country, plan.categoryCode, expiry],
        });
        setStep({ kind: "signing", plan });
        hash = await writeContract(config, request);
        break;
      }
      case "confirmProposal": {
        const { request } = await simulateContract(config, {
          ...registry,
          functionName: "confirmProposal",
          args: [plan.investorId, plan.registers ? wallet : zeroAddress, plan.country, plan.categoryCode, expiry],
        });
        setStep({ kind: "signing", plan });
        hash = await writeContract(config, request);
        break;
      }
    }
    return mined(hash);
  }

  async function run(which: "approve" | "preApprove") {
    setFlow(which);
    setStep({ kind: "planning" });
    try {
      const begun =
        which === "approve"
          ? await beginApprovalAction({ id: props.applicationId })
          : await beginPreApprovalAction({ id: props.applicationId });
      if (!begun.ok) return setStep({ kind: "failed", message: begun.message });
      const { plan } = begun;
      // An interrupted step: the registry already holds it — verify, do not send twice.
      if (plan.alreadyRegistered || (which === "preApprove" && plan.alreadyProposed)) return confirm(null, which);
      if (!address) return setStep({ kind: "failed", message: t("connectBody") });
      const hash = await send(plan, address);
      if (hash) await confirm(hash, which);
    } catch (error) {
      if (isUserRejection(error)) return setStep({ kind: "failed", message: t("rejectedInWallet") });
      console.error("[compliance/kyc] registry step failed:", error);
      setStep({ kind: "failed", message: t("chainError", { detail: chainErrorText(error) }) });
    }
  }

  const busy =
    step.kind === "planning" ||
    step.kind === "simulating" ||
    step.kind === "signing" ||
    step.kind === "pending" ||
    step.kind === "confirming";
  const status = (() => {
    const pre = flow === "preApprove";
    switch (step.kind) {
      case "planning":
      case "signing":
      case "pending":
      case "confirming":
        return pre ? t(`preApproveState.${step.kind}`) : t(`state.${step.kind}`);
      case "simulating":
        return t("state.simulating");
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
        {props.fourEyes ? (
          <p className="text-sm font-medium" data-testid="four-eyes-step">
            {props.preApprovedBy ? t("stepTwo", { officer: shortAddress(props.preApprovedBy) }) : t("stepOne")}
          </p>
        ) : null}
        <p className="text-sm text-ink-muted" data-testid="registry-call">
          {t(`explain.${props.call}`, {
            wallet: props.summary.wallet,
            country: props.summary.country,
            category: props.summary.category,
          })}
        </p>
        <p className="text-sm text-ink-muted">{t("privacy")}</p>
        {props.fourEyes ? <p className="text-sm text-ink-muted">{t("fourEyes")}</p> : null}
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
        ) : null}
        {props.reviewMissing ? null : (props.canApprove || props.canPreApprove) && !isConnected ? (
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
        ) : props.canPreApprove ? (
          <div>
            <Button
              variant="secondary"
              onClick={() => run("preApprove")}
              disabled={busy || wrongWallet || step.kind === "confirmed"}
              aria-busy={busy || undefined}
            >
              {t("preApprove")}
            </Button>
          </div>
        ) : props.canApprove ? (
          <div>
            <Button
              onClick={() => run("approve")}
              disabled={busy || wrongWallet || step.kind === "confirmed"}
              aria-busy={busy || undefined}
            >
              {props.preApprovedBy ? t("confirmApprove") : t("approve")}
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
          ) : step.kind === "confirmed" && flow === "approve" ? (
            <Alert tone="success" role="none" title={t("state.confirmed")}>
              {hash ? <code className="font-mono text-xs break-all">{hash}</code> : <p>{t("state.resumed")}</p>}
            </Alert>
          ) : step.kind === "failed" ? (
            // A refusal (the server's or the chain's) takes focus and is announced, as on every form.
            <ErrorSummary
              title={flow === "preApprove" ? t("preApproveState.failed") : t("state.failed")}
              focusKey={step}
            >
              <p>{step.message}</p>
              <p className="mt-1">{t("state.failedNext")}</p>
            </ErrorSummary>
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
