"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConnectPrompt } from "@/components/wallet/connect-prompt";
import { TxStatus } from "@/components/wallet/tx-status";
import type { WalletTxStep } from "@/components/wallet/use-wallet-tx";
import { shortAddress } from "@/lib/format/address";
import type { DecisionProps } from "./kyc-decision";

type Flow = "approve" | "preApprove";

/** What the approval does (four-eyes step, the registry call, privacy), and what the review still lacks. */
export function ApprovalIntro({
  fourEyes,
  preApprovedBy,
  call,
  summary,
  reviewMissing,
  wrongWallet,
}: Pick<DecisionProps, "fourEyes" | "preApprovedBy" | "call" | "summary" | "reviewMissing"> & {
  wrongWallet: boolean;
}) {
  const t = useTranslations("complianceKyc.decision");
  const te = useTranslations("kyc.errors");
  return (
    <>
      {fourEyes ? (
        <p className="text-sm font-medium" data-testid="four-eyes-step">
          {preApprovedBy ? t("stepTwo", { officer: shortAddress(preApprovedBy) }) : t("stepOne")}
        </p>
      ) : null}
      <p className="text-sm text-ink-muted" data-testid="registry-call">
        {t(`explain.${call}`, {
          wallet: summary.wallet,
          country: summary.country,
          category: summary.category,
          months: summary.months,
        })}
      </p>
      <p className="text-sm text-ink-muted">{t("privacy")}</p>
      {fourEyes ? <p className="text-sm text-ink-muted">{t("fourEyes")}</p> : null}
      {wrongWallet ? <Alert tone="warn" role="none" title={t("wrongWallet")} /> : null}
      {reviewMissing ? (
        <div role="note" aria-labelledby="review-missing-title" className="flex flex-col gap-1 text-sm">
          <p id="review-missing-title" className="font-medium">
            {te("review_incomplete")}
          </p>
          <ul className="list-disc pl-5">
            {reviewMissing.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

/** The approval's button (connect, pre-approve, approve) or why it is not offered. */
export function ApprovalActions({
  reviewMissing,
  canApprove,
  canPreApprove,
  approveBlockedReason,
  preApprovedBy,
  isConnected,
  connecting,
  disabled,
  busy,
  onRun,
}: Pick<DecisionProps, "reviewMissing" | "canApprove" | "canPreApprove" | "approveBlockedReason" | "preApprovedBy"> & {
  isConnected: boolean;
  connecting: boolean;
  disabled: boolean;
  busy: boolean;
  onRun: (which: Flow) => void;
}) {
  const t = useTranslations("complianceKyc.decision");
  const te = useTranslations("kyc.errors");
  return reviewMissing ? null : (canApprove || canPreApprove) && !isConnected ? (
    <ConnectPrompt body={t("connectBody")} label={t("connect")} loading={connecting} />
  ) : canPreApprove ? (
    <div>
      <Button variant="secondary" onClick={() => onRun("preApprove")} disabled={disabled} aria-busy={busy || undefined}>
        {t("preApprove")}
      </Button>
    </div>
  ) : canApprove ? (
    <div>
      <Button onClick={() => onRun("approve")} disabled={disabled} aria-busy={busy || undefined}>
        {preApprovedBy ? t("confirmApprove") : t("approve")}
      </Button>
    </div>
  ) : approveBlockedReason ? (
    <p className="text-sm font-medium" role="note">
      {te(approveBlockedReason)}
    </p>
  ) : null;
}

/** The approval's progress, outcome or refusal (the refusal takes focus). */
export function ApprovalStatus({ step, flow }: { step: WalletTxStep; flow: Flow }) {
  const t = useTranslations("complianceKyc.decision");
  const status = (() => {
    const pre = flow === "preApprove";
    switch (step.kind) {
      case "preparing":
      case "signing":
      case "pending":
      case "recording": {
        const kind = (
          { preparing: "planning", signing: "signing", pending: "pending", recording: "confirming" } as const
        )[step.kind];
        return pre ? t(`preApproveState.${kind}`) : t(`state.${kind}`);
      }
      case "checking":
        return t("state.simulating");
      default:
        return null;
    }
  })();
  const hash = "hash" in step ? (step.hash ?? null) : null;
  return (
    <TxStatus
      step={step.kind}
      testId="approval-status"
      testIdOn="region"
      view={
        status
          ? { busy: { text: status, hash } }
          : step.kind === "confirmed" && flow === "approve"
            ? { done: { title: t("state.confirmed"), body: hash ? undefined : <p>{t("state.resumed")}</p>, hash } }
            : step.kind === "failed"
              ? {
                  // A refusal (the server's or the chain's) takes focus and is announced, as on every form.
                  failed: {
                    title: flow === "preApprove" ? t("preApproveState.failed") : t("state.failed"),
                    body: (
                      <>
                        <p>{step.message}</p>
                        <p className="mt-1">{t("state.failedNext")}</p>
                      </>
                    ),
                    focusKey: step,
                  },
                }
              : {}
      }
    />
  );
}
