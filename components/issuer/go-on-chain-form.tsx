"use client";

// i18n-namespaces: issuer.errors.fields, amounts (besides its literal ones: the namespaces it reads by variable or from the root)

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { Hex } from "viem";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { ErrorSummary, errorItems } from "@/components/ui/error-summary";
import type { WalletCall } from "@/components/wallet/use-wallet-tx";
import type { CategoryName } from "@/lib/assets/client";
import { type FieldIssue, fieldIssueKey } from "@/lib/issuer/client";
import {
  type ChainCheck,
  checkOnChainAction,
  confirmChainTxAction,
  recordSentTxAction,
  type StepTxView,
} from "./chain-actions";
import { type StepContext, type StepFields, type StepTx, TxHash } from "./go-on-chain-parts";
import { TxStatus } from "./tx-status";

/**
 * What the steps of `GoOnChain` need only while one of them is to be sent (their forms, the anchoring button): the
 * server's check before the wallet opens, the recording of the receipt, the form's frame and controls. Loaded with
 * the first such form, not with a listing whose steps are done or not yet reached.
 */

const CATEGORIES: CategoryName[] = ["retail", "professional", "institutional"];

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

/** An earlier attempt that failed (reverted, dropped, replaced), with its reason; the step is offered again. */
export function EarlierFailure({ tx, body }: { tx: StepTxView; body: string }) {
  const t = useTranslations("issuer.tx");
  return (
    <Alert tone="warn" title={body}>
      <TxHash label={t("hash")} hash={tx.txHash} />
    </Alert>
  );
}

/**
 * A step form's control by its field's name, from the table its error summary reads (`fields`: name, control id,
 * label key): the control's id, its label and its refusal, so the controls and the summary's links cannot drift.
 */
export function useStepField<F extends StepFields>(fields: F, errors: Record<string, string>) {
  const t = useTranslations("issuer.chain");
  return (name: F[number][0]) => {
    const [, id, key] = fields.find(([n]) => n === name) ?? [name, name, name];
    return { id, label: t(key as never), error: errors[name] };
  };
}

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

/**
 * A step's form around its own fields: an earlier failed attempt, what the step does, the refused fields, what the
 * wallet will sign, the transaction's state and the button that sends it.
 */
export function StepFormFrame(props: {
  ctx: StepContext;
  tx: StepTx;
  earlier: { tx: StepTxView | null; body: (tx: StepTxView) => string };
  explain: string;
  errors: Record<string, string>;
  fields: StepFields;
  signs: ReactNode;
  status: { confirmed: string; testId: string };
  action: { label: string; run: () => void };
  children: ReactNode;
}) {
  const t = useTranslations("issuer.chain");
  const { tx, earlier } = props;
  return (
    <>
      {earlier.tx?.status === "failed" ? <EarlierFailure tx={earlier.tx} body={earlier.body(earlier.tx)} /> : null}
      <p className="text-sm text-ink-muted">{props.explain}</p>
      <StepRefusal errors={props.errors} fields={props.fields} />
      {props.children}
      <Alert tone="info" role="none" title={t("willSign")}>
        {props.signs}
      </Alert>
      <TxStatus
        step={tx.step}
        confirmed={props.status.confirmed}
        pendingNote={t("pendingSafe")}
        testId={props.status.testId}
      />
      <div>
        <Button onClick={props.action.run} disabled={!props.ctx.canSign} loading={tx.busy}>
          {props.action.label}
        </Button>
      </div>
    </>
  );
}

/** A refused field's words: the validation issue's message with its parameters. */
export function useIssueWords() {
  const tRoot = useTranslations();
  return (issue: FieldIssue) => tRoot(fieldIssueKey(issue) as never, issue.params as never);
}

/**
 * Sends a step's one transaction, never twice: the server checks where the listing stands first (a step already
 * made is `found`, one already sent is waiting), then the wallet signs, the server keeps the hash at once and
 * records the step from the receipt.
 */
export function useStepSend(ctx: StepContext, tx: StepTx, kind: "deploy" | "offering") {
  const router = useRouter();
  return async function send(o: {
    symbol?: string;
    onSymbolTaken?: (message: string) => void;
    /** Whether the check found the step made already, or a transaction for it already sent. */
    made: (check: ChainCheck & { ok: true }) => { found: boolean; pending: boolean };
    onFound: () => void;
    call: () => WalletCall;
  }) {
    const check = await precheck(tx, ctx.id, { symbol: o.symbol, onSymbolTaken: o.onSymbolTaken });
    if (!check) return;
    const made = o.made(check);
    if (made.found || made.pending) {
      if (made.found) o.onFound();
      tx.setStep({ kind: "idle" });
      router.refresh();
      return;
    }
    await tx.send(o.call(), {
      onHash: (txHash) => recordSentTxAction({ id: ctx.id, kind, txHash }),
      record: recordStep(ctx.id),
    });
    router.refresh();
  };
}
