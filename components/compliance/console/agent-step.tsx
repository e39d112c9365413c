"use client";

import { useTranslations } from "next-intl";
import { TxStatus } from "@/components/wallet/tx-status";
import type { AgentStep } from "./use-agent-tx";

/**
 * The state of an agent transaction in words (the shared wallet `TxStatus`), in a polite live region; a failure is
 * the focused error summary (announced by its own role="alert", outside the polite region so it is not read twice).
 */
export function AgentStepStatus({ step }: { step: AgentStep }) {
  const t = useTranslations("complianceConsole.actions.step");
  const view =
    step.kind === "preparing" || step.kind === "checking" || step.kind === "signing"
      ? { busy: { text: t(step.kind === "preparing" ? "checking" : step.kind) } }
      : step.kind === "pending" || step.kind === "recording"
        ? { busy: { text: t(step.kind), hash: step.hash } }
        : step.kind === "confirmed"
          ? { done: { title: t("done"), hash: step.hash } }
          : step.kind === "failed"
            ? { failed: { title: t("failed"), body: <p>{step.message}</p>, hash: step.hash, focusKey: step } }
            : {};
  return <TxStatus step={step.kind} view={view} hashLabel={t("hash")} testId="agent-step" testIdOn="region" />;
}
