"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Ref } from "react";
import { buttonStyles } from "@/components/ui/button";
import { TxHashLine } from "@/components/wallet/tx-hash-line";
import { TxStatus, type TxStatusView } from "@/components/wallet/tx-status";
import type { Reason } from "@/lib/trade/client";
import type { PurchaseStep } from "./use-purchase";

function TxHash({ hash, explorerUrl }: { hash: string; explorerUrl: string | null }) {
  const t = useTranslations("trade.state");
  return <TxHashLine hash={hash} label={t("txHash")} explorerUrl={explorerUrl} explorer={t("viewOnExplorer")} />;
}

/** The words of each in-flight step of the purchase flow (its phase: the permit, an approval, the purchase). */
function busyKey(step: PurchaseStep) {
  switch (step.kind) {
    case "signing":
      return step.phase === "permit" ? "signingPermit" : step.phase === "approve" ? "approving" : "signingTx";
    case "checking":
      return step.phase === "approve" ? "approving" : "simulating";
    case "pending":
      return step.phase === "approve" ? "approvalPending" : "pending";
    // Confirmed on chain; the server is catching up with its block.
    case "recording":
      return "pending";
    default:
      return null;
  }
}

/**
 * Each wallet step in words (the shared wallet `TxStatus`), in one polite live region that is always in the page.
 * `focusRef` lets the confirmation dialog hand focus to it when the dialog closes on "Confirm" (the button that
 * opened it is busy by then).
 */
export function PurchaseStatus({
  step,
  shares,
  fallback,
  failure,
  explorerUrl,
  focusRef,
}: {
  step: PurchaseStep;
  /** The purchase's shares (said once confirmed). */
  shares: bigint;
  /** The wallet could not sign the permit: the purchase fell back to approve then buy. */
  fallback: boolean;
  failure: Reason | null;
  explorerUrl: string | null;
  focusRef?: Ref<HTMLDivElement>;
}) {
  const t = useTranslations("trade");
  const key = busyKey(step);
  const view: TxStatusView = key
    ? { busy: { text: t(`state.${key}`), hash: "hash" in step ? step.hash : null } }
    : step.kind === "confirmed"
      ? {
          done: {
            title: t("state.confirmedTitle"),
            action: (
              <Link href="/portfolio" className={buttonStyles({ variant: "secondary", size: "sm" })}>
                {t("state.viewPortfolio")}
              </Link>
            ),
            body: <p>{t("state.confirmed", { shares: Number(shares) })}</p>,
            hash: step.hash,
          },
        }
      : step.kind === "failed"
        ? {
            // The refused purchase in the shared error summary: announced at once and focused, like every refused form.
            failed: {
              title: t("state.failedTitle"),
              body: (
                <>
                  {fallback ? <p>{t("state.permitFallback")}</p> : null}
                  {failure ? <p>{t(failure.key, failure.values)}</p> : null}
                </>
              ),
              focusKey: step,
            },
          }
        : {};
  return (
    <TxStatus
      step={step.kind}
      view={view}
      testId="purchase-status"
      className="flex flex-col gap-3"
      renderHash={(hash) => <TxHash hash={hash} explorerUrl={explorerUrl} />}
      regionRef={focusRef}
      regionClassName="rounded-xl outline-none focus-visible:ring-2 focus-visible:ring-focus"
    />
  );
}
