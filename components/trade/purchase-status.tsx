"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Ref } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Spinner } from "@/components/ui/spinner";
import type { Reason } from "@/lib/trade/reasons";
import type { PurchaseStep } from "./use-purchase";

function TxHash({ hash, explorerUrl }: { hash: string; explorerUrl: string | null }) {
  const t = useTranslations("trade.state");
  return (
    <span className="mt-1 flex flex-wrap items-center gap-x-2 text-xs">
      <span>{t("txHash")}</span>
      <code className="font-mono break-all" data-testid="tx-hash">
        {hash}
      </code>
      {explorerUrl ? (
        <a
          href={`${explorerUrl.replace(/\/+$/, "")}/tx/${hash}`}
          target="_blank"
          rel="noreferrer"
          className="text-accent underline"
        >
          {t("viewOnExplorer")}
        </a>
      ) : null}
    </span>
  );
}

/**
 * Each wallet step in words, in one polite live region that is always in the page. `focusRef` lets the confirmation
 * dialog hand focus to it when the dialog closes on "Confirm" (the button that opened it is busy by then).
 */
export function PurchaseStatus({
  step,
  failure,
  explorerUrl,
  focusRef,
}: {
  step: PurchaseStep;
  failure: Reason | null;
  explorerUrl: string | null;
  focusRef?: Ref<HTMLDivElement>;
}) {
  const t = useTranslations("trade");
  const busy = (text: string, hash?: string) => (
    <Alert
      tone="info"
      role="none"
      title={
        <span className="flex items-center gap-2">
          <Spinner className="size-4" />
          {text}
        </span>
      }
    >
      {hash ? <TxHash hash={hash} explorerUrl={explorerUrl} /> : null}
    </Alert>
  );
  let body: React.ReactNode = null;
  let failed: React.ReactNode = null;
  switch (step.kind) {
    case "signingPermit":
      body = busy(t("state.signingPermit"));
      break;
    case "approving":
      body = busy(t("state.approving"));
      break;
    case "approvalPending":
      body = busy(t("state.approvalPending"), step.hash);
      break;
    case "simulating":
      body = busy(t("state.simulating"));
      break;
    case "signingTx":
      body = busy(t("state.signingTx"));
      break;
    case "pending":
      body = busy(t("state.pending"), step.hash);
      break;
    case "confirmed":
      body = (
        <Alert
          tone="success"
          role="none"
          title={t("state.confirmedTitle")}
          action={
            <Link href="/portfolio" className={buttonStyles({ variant: "secondary", size: "sm" })}>
              {t("state.viewPortfolio")}
            </Link>
          }
        >
          <p>{t("state.confirmed", { shares: Number(step.shares) })}</p>
          <TxHash hash={step.hash} explorerUrl={explorerUrl} />
        </Alert>
      );
      break;
    case "failed":
      // The refused purchase in the shared error summary: announced at once and focused, like every refused form.
      failed = (
        <ErrorSummary title={t("state.failedTitle")} focusKey={step}>
          {step.fallback ? <p>{t("state.permitFallback")}</p> : null}
          {failure ? <p>{t(failure.key, failure.values)}</p> : null}
        </ErrorSummary>
      );
      break;
  }
  return (
    <div data-testid="purchase-status" data-step={step.kind} className="flex flex-col gap-3">
      <div
        ref={focusRef}
        tabIndex={-1}
        aria-live="polite"
        aria-atomic="true"
        role="status"
        className="rounded-xl outline-none focus-visible:ring-2 focus-visible:ring-focus"
      >
        {body}
      </div>
      {failed}
    </div>
  );
}
