"use client";

import { useTranslations } from "next-intl";
import { TxStatus as WalletTxStatus } from "@/components/wallet/tx-status";
import type { TxStep } from "./use-tx";

/**
 * An issuer step's state in words (the shared wallet `TxStatus`): a polite live region that stays in the page; a
 * failure in the error summary (role="alert"), which takes focus.
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
  const view =
    step.kind === "preparing" || step.kind === "checking"
      ? { busy: { text: t("checking") } }
      : step.kind === "signing"
        ? { busy: { text: t("signing") } }
        : step.kind === "pending"
          ? { busy: { text: t("pending"), hash: step.hash, note: pendingNote } }
          : step.kind === "recording"
            ? { busy: { text: t("recording"), hash: step.hash } }
            : step.kind === "confirmed"
              ? { done: { title: confirmed ?? t("confirmed"), hash: step.hash } }
              : step.kind === "failed"
                ? {
                    failed: {
                      title: t("failed"),
                      body: <p>{step.rejected ? t("rejected") : step.message}</p>,
                      hash: step.hash,
                      focusKey: step,
                    },
                  }
                : {};
  return <WalletTxStatus step={step.kind} view={view} hashLabel={t("hash")} testId={testId} />;
}
