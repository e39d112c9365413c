"use client";

import { useTranslations } from "next-intl";
import { Checklist } from "@/components/trade/checklist";
import { TxHashLine } from "@/components/wallet/tx-hash-line";
import { TxStatus as WalletTxStatus, type TxStatusView } from "@/components/wallet/tx-status";
import type { MarketCheck } from "@/lib/market/client";
import type { Reason } from "@/lib/trade/client";
import { loadedMarketChain } from "./load-market-chain";
import type { MarketOutcome, TxStep } from "./use-market-tx";

export function MarketChecklist({ checks }: { checks: readonly MarketCheck[] }) {
  const t = useTranslations("market");
  return <Checklist checks={checks} t={t} labelKey={(id) => `checks.label.${id}`} />;
}

/**
 * The failed transaction or wallet request in words (./market-chain's `describeMarketError`: in by the time an action
 * fails, as the action fetches it first; a failure to fetch it is said in the generic words).
 */
function describeMarketError(error: unknown): Reason {
  return loadedMarketChain()?.describeMarketError(error) ?? { key: "errors.generic", values: {} };
}

/** The words of each in-flight step of a market action (its phase: an approval, the call, lowering an allowance). */
function busyKey(step: TxStep) {
  const approving = step.kind !== "idle" && "phase" in step && step.phase !== "call";
  switch (step.kind) {
    case "checking":
    case "signing":
      return approving ? "approving" : "signing";
    case "pending":
      return approving ? "approvalPending" : "pending";
    // Confirmed on chain; the server is catching up with its block.
    case "recording":
      return "pending";
    default:
      return null;
  }
}

/** What a confirmed market action did, in words. */
function confirmedTitle(t: ReturnType<typeof useTranslations<"market">>, o: MarketOutcome | null) {
  if (o?.what === "placed")
    return o.matched && o.matched.traded > 0n
      ? o.matched.rested > 0n
        ? t("state.confirmedMatched", { shares: Number(o.matched.traded), rest: Number(o.matched.rested) })
        : t("state.confirmedFilled", { shares: Number(o.matched.traded) })
      : o.matched && o.matched.rested === 0n
        ? t("state.confirmedNothing")
        : t("state.confirmedPlaced");
  return o?.what === "filled"
    ? t("state.confirmedFilled", { shares: Number(o.shares) })
    : t("state.confirmedCancelled");
}

/**
 * A market action's status (the shared wallet `TxStatus`): progress and confirmation in a polite live region that is
 * always in the page; a failure in the error summary (role="alert", assertive), which also takes focus.
 */
export function TxStatus({
  step,
  outcome,
  explorerUrl,
}: {
  step: TxStep;
  outcome: MarketOutcome | null;
  explorerUrl: string | null;
}) {
  const t = useTranslations("market");
  const hash = (h: string) => (
    <TxHashLine hash={h} label={t("state.txHash")} explorerUrl={explorerUrl} explorer={t("state.explorer")} iconOnly />
  );
  const key = busyKey(step);
  let view: TxStatusView = {};
  if (key) view = { busy: { text: t(`state.${key}`), hash: "hash" in step ? step.hash : null } };
  else if (step.kind === "confirmed")
    view = {
      done: {
        title: confirmedTitle(t, outcome),
        body:
          outcome?.allowanceLoweredTo !== undefined ? (
            <p className="text-sm">{t("mine.allowanceLowered", { shares: Number(outcome.allowanceLoweredTo) })}</p>
          ) : null,
        hash: step.hash,
      },
    };
  else if (step.kind === "failed") {
    const r = describeMarketError(step.error);
    // The refused order in the shared error summary: announced at once and focused, like every refused form.
    view = { failed: { title: t("state.failedTitle"), body: <p>{t(r.key, r.values)}</p>, focusKey: step } };
  }
  return (
    <WalletTxStatus
      step={step.kind}
      view={view}
      testId="trade-status"
      className="flex flex-col gap-3"
      renderHash={hash}
    />
  );
}
