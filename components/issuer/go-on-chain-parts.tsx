"use client";

import { useTranslations } from "next-intl";
import type { Address, Hex } from "viem";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { ErrorSummary, errorItems } from "@/components/ui/error-summary";
import { TxStatus } from "@/components/wallet/tx-status";
import type { CategoryName } from "@/lib/assets/client";
import { type ChainCheck, checkOnChainAction, confirmChainTxAction, type StepTxView } from "./chain-actions";
import type { useTx } from "./use-tx";

/** The pieces the three steps of `GoOnChain` share: headers, earlier and waiting transactions, form controls. */

export const CATEGORIES: CategoryName[] = ["retail", "professional", "institutional"];
export const DAY = 86_400;

export type StepTx = ReturnType<typeof useTx>;

/** What every step of going on chain needs from the page. */
export type StepContext = {
  id: string;
  account: Address;
  /** The connected wallet is the listing's issuer: the step's button may open it. */
  canSign: boolean;
};

/** The server verifies a step's transaction and records it; a refusal in words. */
export function recordStep(id: string) {
  return async (hash: Hex) => {
    const result = await confirmChainTxAction({ id, txHash: hash });
    return result.ok ? null : result.message;
  };
}

/**
 * Asks the server where the listing stands on-chain before a step opens the wallet. Null: do not send (a symbol
 * already taken is handed to `onSymbolTaken`, said beside the field before the wallet opens).
 */
export async function precheck(
  tx: StepTx,
  id: string,
  options: { symbol?: string; onSymbolTaken?: (message: string) => void } = {},
): Promise<(ChainCheck & { ok: true }) | null> {
  tx.setStep({ kind: "checking" });
  const check = await checkOnChainAction({ id, symbol: options.symbol });
  if (!check.ok && check.code === "symbol_taken") {
    options.onSymbolTaken?.(check.message);
    tx.setStep({ kind: "idle" });
    return null;
  }
  if (!check.ok) {
    tx.setStep({ kind: "failed", rejected: false, message: check.message });
    return null;
  }
  return check;
}

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

/** An earlier attempt that failed (reverted, dropped, replaced), with its reason; the step is offered again. */
export function EarlierFailure({ tx, body }: { tx: StepTxView; body: string }) {
  const t = useTranslations("issuer.tx");
  return (
    <Alert tone="warn" title={body}>
      <TxHash label={t("hash")} hash={tx.txHash} />
    </Alert>
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

/** A refused step's error summary: focused after each refused attempt, one linked line per refused field. */
export function StepRefusal({ errors, fields }: { errors: Record<string, string>; fields: StepFields }) {
  const t = useTranslations("issuer.chain");
  const tUi = useTranslations("ui.errorSummary");
  const find = (f: string) => fields.find(([name]) => name === f);
  return Object.keys(errors).length > 0 ? (
    <ErrorSummary
      title={tUi("fields")}
      focusKey={errors}
      items={errorItems(errors, {
        order: fields.map(([name]) => name),
        control: (f) => find(f)?.[1] ?? f,
        label: (f) => {
          const key = find(f)?.[2];
          return key ? t(key as never) : f;
        },
      })}
    />
  ) : null;
}

/** The investor categories as checkboxes; the first box carries the group's id (the error summary links there). */
export function CategoryBoxes({
  legend,
  selected,
  set,
  error,
  idp = "cat",
}: {
  legend: string;
  selected: CategoryName[];
  set: (v: CategoryName[]) => void;
  error?: string;
  idp?: string;
}) {
  const tc = useTranslations("account.investor.categories");
  return (
    <CheckboxGroup
      id={idp}
      legend={legend}
      options={CATEGORIES.map((c) => ({ value: c, label: tc(c) }))}
      checked={selected}
      onChange={set}
      error={error}
    />
  );
}
