"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Spinner } from "@/components/ui/spinner";
import type { AgentStep } from "./use-agent-tx";

/**
 * The state of an agent transaction in words, in a polite live region; a failure is the focused error summary
 * (announced by its own role="alert", outside the polite region so it is not read twice).
 */
export function AgentStepStatus({ step }: { step: AgentStep }) {
  const t = useTranslations("complianceConsole.actions.step");
  const hash = (h?: string) =>
    h ? (
      <p className="text-xs">
        {t("hash")} <code className="font-mono break-all">{h}</code>
      </p>
    ) : null;
  let body: React.ReactNode = null;
  if (step.kind === "checking" || step.kind === "signing" || step.kind === "pending" || step.kind === "recording") {
    body = (
      <Alert
        tone="info"
        role="none"
        title={
          <span className="flex items-center gap-2">
            <Spinner className="size-4" />
            {t(step.kind)}
          </span>
        }
      >
        {"hash" in step ? hash(step.hash) : null}
      </Alert>
    );
  } else if (step.kind === "done") {
    body = (
      <Alert tone="success" role="none" title={t("done")}>
        {hash(step.hash)}
      </Alert>
    );
  }
  return (
    <>
      <div aria-live="polite" aria-atomic="true" role="status" data-testid="agent-step" data-step={step.kind}>
        {body}
      </div>
      {step.kind === "failed" ? (
        <ErrorSummary title={t("failed")} focusKey={step}>
          <p>{step.message}</p>
          {hash(step.hash)}
        </ErrorSummary>
      ) : null}
    </>
  );
}
