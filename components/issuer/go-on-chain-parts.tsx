"use client";

import { useTranslations } from "next-intl";
import type { Address } from "viem";
import { Badge } from "@/components/ui/badge";
import { TxStatus } from "@/components/wallet/tx-status";
import type { StepTxView } from "./chain-actions";
import type { useTx } from "./use-tx";

/**
 * The pieces the three steps of `GoOnChain` show whatever their state: headers, transaction hashes, waiting
 * transactions. What only a step's form needs is in ./go-on-chain-form, loaded with the form.
 */

export const DAY = 86_400;

export type StepTx = ReturnType<typeof useTx>;

/** What every step of going on chain needs from the page. */
export type StepContext = {
  id: string;
  account: Address;
  /** The connected wallet is the listing's issuer: the step's button may open it. */
  canSign: boolean;
};

export function TxHash({ label, hash }: { label: string; hash: string }) {
  return (
    <p className="text-xs text-ink-muted">
      {label} <code className="font-mono break-all">{hash}</code>
    </p>
  );
}

/** A deploy or offering transaction that was sent earlier and is still waiting: no new one is offered meanwhile. */
export function Waiting({ tx, title, body, testId }: { tx: StepTxView; title: string; body: string; testId: string }) {
  const t = useTranslations("issuer.tx");
  return (
    <TxStatus
      step="waiting"
      testId={testId}
      testIdOn="region"
      view={{ busy: { text: title, note: body, hash: tx.txHash } }}
      renderHash={(hash) => <TxHash label={t("hash")} hash={hash} />}
    />
  );
}

export type StepState = "done" | "current" | "sent" | "waiting";

const stepBadge: Record<StepState, { tone: "success" | "accent" | "neutral"; icon: "check" | "dot" | "clock" }> = {
  done: { tone: "success", icon: "check" },
  current: { tone: "accent", icon: "dot" },
  sent: { tone: "accent", icon: "clock" },
  waiting: { tone: "neutral", icon: "clock" },
};

export function StepHeader({ n, title, state }: { n: number; title: string; state: StepState }) {
  const t = useTranslations("issuer.chain");
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <h3 className="font-display text-xl">
        <span className="mr-2 text-ink-muted tabular">{n}.</span>
        {title}
      </h3>
      <Badge tone={stepBadge[state].tone} icon={stepBadge[state].icon}>
        {t(`state.${state}`)}
      </Badge>
    </div>
  );
}

/** Each checked field of a step: its name in the checks, its control's id, its label key (for the error summary). */
export type StepFields = readonly (readonly [string, string, string])[];
