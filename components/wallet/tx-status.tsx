"use client";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Spinner } from "@/components/ui/spinner";

/** What a wallet transaction's status says now, in the caller's words. */
export type TxStatusView = {
  /** In flight: the words beside the spinner, an optional note, and the hash once the wallet has returned it. */
  busy?: { text: ReactNode; note?: ReactNode; hash?: string | null } | null;
  /** Settled: the success line and what follows it (the hash by default). */
  done?: { title: ReactNode; body?: ReactNode; hash?: string | null } | null;
  /** Failed: the error summary (focused, role="alert"), with the transaction's hash if it exists. */
  failed?: { title: ReactNode; body: ReactNode; hash?: string | null; focusKey: unknown } | null;
};

/**
 * The one status display of a wallet transaction: the steps in words in a polite live region (role="status") that
 * stays in the page, the transaction's hash, and a failure in the shared error summary (role="alert", focused),
 * outside the polite region so it is not read twice. `testIdOn` puts the test id (and `data-step`) on the polite
 * region itself or on a wrapper around both.
 */
export function TxStatus({
  step,
  view,
  hashLabel,
  testId,
  testIdOn = "wrapper",
  className,
}: {
  /** The step's kind, for `data-step`. */
  step: string;
  view: TxStatusView;
  /** The words before the hash ("Transaction:"); without it the hash shows alone. */
  hashLabel?: string;
  testId?: string;
  testIdOn?: "wrapper" | "region";
  className?: string;
}) {
  const hashLine = (hash?: string | null) =>
    !hash ? null : hashLabel ? (
      <p className="text-xs">
        {hashLabel} <code className="font-mono break-all">{hash}</code>
      </p>
    ) : (
      <code className="font-mono text-xs break-all">{hash}</code>
    );
  const { busy, done, failed } = view;
  const marks = { "data-testid": testId, "data-step": step };
  const region = (
    <div aria-live="polite" aria-atomic="true" role="status" {...(testIdOn === "region" ? marks : {})}>
      {busy ? (
        <Alert
          tone="info"
          role="none"
          title={
            <span className="flex items-center gap-2">
              <Spinner className="size-4 shrink-0" />
              {busy.text}
            </span>
          }
        >
          {busy.note ? <p>{busy.note}</p> : null}
          {hashLine(busy.hash)}
        </Alert>
      ) : done ? (
        <Alert tone="success" role="none" title={done.title}>
          {done.body ?? hashLine(done.hash)}
        </Alert>
      ) : null}
    </div>
  );
  const summary = failed ? (
    <ErrorSummary title={failed.title} focusKey={failed.focusKey}>
      {failed.body}
      {hashLine(failed.hash)}
    </ErrorSummary>
  ) : null;
  if (testIdOn === "region")
    return (
      <>
        {region}
        {summary}
      </>
    );
  return (
    <div {...marks} className={className}>
      {region}
      {summary}
    </div>
  );
}
