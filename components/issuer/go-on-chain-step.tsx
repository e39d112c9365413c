"use client";

import { type ReactNode, useState } from "react";
import { useLocale } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { formatDayTime } from "@/lib/format/date";
import type { StepTxView } from "./chain-actions";
import { StepHeader, type StepState, TxHash, Waiting } from "./go-on-chain-parts";

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
