"use client";

import { lazy, Suspense, useEffect, type ReactNode, type Ref } from "react";
import { Alert } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";

const loadErrorSummary = () => import("@/components/ui/error-summary");
/**
 * The failure's summary: shown only when a flow fails, so its code is fetched as a flow starts (below), not with the
 * page; a server-rendered one keeps its HTML until it is in.
 */
const ErrorSummary = lazy(() => loadErrorSummary().then((m) => ({ default: m.ErrorSummary })));

/** What a wallet transaction's status says now, in the caller's words. */
export type TxStatusView = {
  /** In flight: the words beside the spinner, an optional note, and the hash once the wallet has returned it. */
  busy?: { text: ReactNode; note?: ReactNode; hash?: string | null } | null;
  /** Settled: the success line, what follows it, and the hash (when there is one). */
  done?: { title: ReactNode; body?: ReactNode; hash?: string | null; action?: ReactNode } | null;
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
  renderHash,
  regionRef,
  regionClassName,
}: {
  /** The step's kind, for `data-step`. */
  step: string;
  view: TxStatusView;
  /** The words before the hash ("Transaction:"); without it the hash shows alone. */
  hashLabel?: string;
  testId?: string;
  testIdOn?: "wrapper" | "region";
  className?: string;
  /** The hash as the caller shows it (with a link to an explorer, say), instead of the plain line. */
  renderHash?: (hash: string) => ReactNode;
  /** Focus can be handed to the polite region (a dialog closing on its button): it becomes focusable. */
  regionRef?: Ref<HTMLDivElement>;
  regionClassName?: string;
}) {
  const hashLine = (hash?: string | null) =>
    !hash ? null : renderHash ? (
      renderHash(hash)
    ) : hashLabel ? (
      <p className="text-xs">
        {hashLabel} <code className="font-mono break-all">{hash}</code>
      </p>
    ) : (
      <code className="font-mono text-xs break-all">{hash}</code>
    );
  // Fetched while the flow is under way: by the time it can fail, the summary is in (focused when it mounts).
  useEffect(() => {
    if (step !== "idle") void loadErrorSummary().catch(() => null);
  }, [step]);
  const { busy, done, failed } = view;
  const marks = { "data-testid": testId, "data-step": step };
  const region = (
    <div
      ref={regionRef}
      tabIndex={regionRef ? -1 : undefined}
      aria-live="polite"
      aria-atomic="true"
      role="status"
      className={regionClassName}
      {...(testIdOn === "region" ? marks : {})}
    >
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
        <Alert tone="success" role="none" title={done.title} action={done.action}>
          {done.body}
          {hashLine(done.hash)}
        </Alert>
      ) : null}
    </div>
  );
  const summary = failed ? (
    <Suspense fallback={null}>
      <ErrorSummary title={failed.title} focusKey={failed.focusKey}>
        {failed.body}
        {hashLine(failed.hash)}
      </ErrorSummary>
    </Suspense>
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
