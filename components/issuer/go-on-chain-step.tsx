"use client";

// i18n-namespaces: issuer.errors.fields, amounts (besides its literal ones: the namespaces it reads by variable or from the root)

import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { WalletCall } from "@/components/wallet/use-wallet-tx";
import { formatDayTime } from "@/lib/format/date";
import { type FieldIssue, fieldIssueKey } from "@/lib/issuer/client";
import { type ChainCheck, recordSentTxAction, type StepTxView } from "./chain-actions";
import {
  EarlierFailure,
  precheck,
  recordStep,
  type StepContext,
  type StepFields,
  StepHeader,
  StepRefusal,
  type StepState,
  type StepTx,
  TxHash,
  Waiting,
} from "./go-on-chain-parts";
import { TxStatus } from "./tx-status";

/** One numbered step of going on chain: a list item named by its title, with its header and state. */
export function StepItem({
  n,
  title,
  state,
  children,
}: {
  n: number;
  title: string;
  state: StepState;
  children: ReactNode;
}) {
  return (
    <li className="flex flex-col gap-4 rounded-2xl border border-line p-5" aria-label={title}>
      <StepHeader n={n} title={title} state={state} />
      {children}
    </li>
  );
}

/**
 * A step sent by one transaction (deploy, offering): what it made once done (said as "found" when another tab or
 * an interrupted run had made it already), the transaction sent earlier that is still waiting, or its form.
 */
export function ChainStep(props: {
  n: number;
  title: string;
  state: StepState;
  done: { text: ReactNode; testId: string; foundText: string; txLabel: string; tx: StepTxView | null } | null;
  waiting: { tx: StepTxView; title: string; body: (time: string) => string; testId: string } | null;
  /** The step's form, told when its check finds the step already made. */
  children: (onFound: () => void) => ReactNode;
}) {
  const locale = useLocale();
  // Found already made (another tab, an interrupted run) when the wallet was about to open: said with the result.
  const [found, setFound] = useState(false);
  const { done, waiting } = props;
  return (
    <StepItem n={props.n} title={props.title} state={props.state}>
      {done ? (
        <div className="flex flex-col gap-1">
          {found ? (
            <Alert tone="info" role="status">
              {done.foundText}
            </Alert>
          ) : null}
          <p className="text-sm" data-testid={done.testId}>
            {done.text}
          </p>
          {done.tx?.status === "confirmed" ? <TxHash label={done.txLabel} hash={done.tx.txHash} /> : null}
        </div>
      ) : waiting ? (
        <Waiting
          tx={waiting.tx}
          title={waiting.title}
          body={waiting.body(formatDayTime(new Date(waiting.tx.sentAt), locale))}
          testId={waiting.testId}
        />
      ) : (
        props.children(() => setFound(true))
      )}
    </StepItem>
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
