"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Spinner } from "@/components/ui/spinner";
import type { TxStep } from "./use-tx";

/**
 * A wallet step's state in words, in a polite live region that stays in the page; a failure in the error summary
 * (role="alert"), which takes focus.
 */
export function TxStatus({
  step,
  confirmed,
  pendingNote,
  testId,
}: {
  step: TxStep;
  confirmed?: string;
  pendingNote?: string;
  testId?: string;
}) {
  const t = useTranslations("issuer.tx");
  const hashLine = (hash: string) => (
    <p className="text-xs">
      {t("hash")} <code className="font-mono break-all">{hash}</code>
    </p>
  );
  const busy = (text: string, hash?: string, note?: string) => (
    <Alert
      tone="info"
      role="none"
      title={
        <span className="flex items-center gap-2">
          <Spinner className="size-4 shrink-0" />
          {text}
        </span>
      }
    >
      {note ? <p>{note}</p> : null}
      {hash ? hashLine(hash) : null}
    </Alert>
  );
  let body: React.ReactNode = null;
  let failed: React.ReactNode = null;
  switch (step.kind) {
    case "checking":
      body = busy(t("checking"));
      break;
    case "signing":
      body = busy(t("signing"));
      break;
    case "pending":
      body = busy(t("pending"), step.hash, pendingNote);
      break;
    case "recording":
      body = busy(t("recording"), step.hash);
      break;
    case "confirmed":
      body = (
        <Alert tone="success" role="none" title={confirmed ?? t("confirmed")}>
          {hashLine(step.hash)}
        </Alert>
      );
      break;
    case "failed":
      // A refused or failed transaction in the shared error summary: announced at once and focused.
      failed = (
        <ErrorSummary title={t("failed")} focusKey={step}>
          <p>{step.rejected ? t("rejected") : step.message}</p>
          {step.hash ? hashLine(step.hash) : null}
        </ErrorSummary>
      );
      break;
  }
  return (
    <div data-testid={testId} data-step={step.kind}>
      <div aria-live="polite" aria-atomic="true" role="status">
        {body}
      </div>
      {failed}
    </div>
  );
}
