"use client";

import { useTranslations } from "next-intl";
import type { Address, Hex } from "viem";
import { lazy, Suspense, useState } from "react";
import { Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { Button } from "@/components/ui/button";
import { proposalLooks } from "@/lib/compliance/client";
import { shortAddress } from "@/lib/format/address";
import { type ActionSpec, AgentActionButton } from "./agent-action-dialog";

/** A batch proposal's review dialog (its rows read from the chain, the officer's execution): loaded when opened. */
const BatchTransferReview = lazy(() => import("./batch-transfer").then((m) => ({ default: m.BatchTransferReview })));

export type ProposalForConsole = {
  id: string;
  token: Address;
  proposer: Address;
  /** Already formatted for the officer's language. */
  expires: string;
  expired: boolean;
  functionName: string;
  args: Record<string, string | string[]>;
  data: Hex;
  /** A recovery: the lost wallet's open orders on this token and the bid escrow (formatted) that will return. */
  lostOrders?: { count: number; escrow: string } | undefined;
};

/** A row of a pending batch forced transfer, decoded from the proposal's calldata, with both holders' names. */
export type ProposalTransferRow = {
  from: Address;
  to: Address;
  amount: string;
  fromName: string | null;
  toName: string | null;
};

/**
 * Forced transfers, recoveries and burns proposed on this token and not yet executed. The officer who proposed one
 * sees that it waits for a second officer (and may cancel it); another officer reviews the exact arguments — the
 * same sentence the proposer confirmed — and executes it, or cancels it.
 */
export function PendingProposals({
  desk,
  symbol,
  officer,
  proposals,
  transferRows = {},
}: {
  desk: Address;
  symbol: string;
  officer: Address;
  proposals: ProposalForConsole[];
  /** Per batch forced transfer proposal id: its rows, decoded from its calldata on the server. */
  transferRows?: Record<string, ProposalTransferRow[]>;
}) {
  const t = useTranslations("complianceConsole.proposals");
  const tb = useTranslations("complianceBatchTransfer");
  // The batch proposal under review: its dialog lives outside the list, so the refresh that removes the executed
  // proposal does not take the dialog (and its outcome) with it.
  const [reviewing, setReviewing] = useState<string | null>(null);

  const describe = (p: ProposalForConsole): string => {
    const a = p.args;
    const s = (k: string) => String(a[k] ?? "");
    switch (p.functionName) {
      case "forcedTransfer":
        return t("describe.forcedTransfer", { amount: Number(s("amount")), symbol, from: s("from"), to: s("to") });
      case "recoverWallet":
        return t("describe.recoverWallet", { symbol, lost: s("lostWallet"), next: s("newWallet") });
      case "burn":
        return t("describe.burn", { amount: Number(s("amount")), symbol, from: s("from") });
      case "batchForcedTransfer": {
        const amounts = Array.isArray(a.amounts) ? a.amounts : [];
        return tb("describe", {
          total: Number(amounts.reduce((sum, x) => sum + BigInt(x), 0n)),
          symbol,
          count: amounts.length,
        });
      }
      default:
        return t("describe.batch", {
          action: p.functionName,
          args: Object.entries(a)
            .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : v}`)
            .join("; "),
        });
    }
  };

  return (
    <Section id="pending-proposals-title" title={t("title")} look="console">
      <p className="text-sm text-ink-muted">{t("intro")}</p>
      {proposals.length === 0 ? (
        <p className="rounded-xl border border-line px-3 py-2 text-sm">{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {proposals.map((p) => (
            <ProposalItem
              key={p.id}
              p={p}
              sentence={describe(p)}
              rows={transferRows[p.id]}
              desk={desk}
              symbol={symbol}
              officer={officer}
              onReview={() => setReviewing(p.id)}
            />
          ))}
        </ul>
      )}
      {reviewing ? (
        <Suspense fallback={null}>
          <BatchTransferReview
            key={reviewing}
            id={reviewing}
            desk={desk}
            officer={officer}
            symbol={symbol}
            onClosed={() => setReviewing(null)}
          />
        </Suspense>
      ) : null}
    </Section>
  );
}

/** One pending proposal: its sentence (and a batch's rows), its state, and the officer's execute and cancel. */
function ProposalItem({
  p,
  sentence,
  rows,
  desk,
  symbol,
  officer,
  onReview,
}: {
  p: ProposalForConsole;
  sentence: string;
  rows: ProposalTransferRow[] | undefined;
  desk: Address;
  symbol: string;
  officer: Address;
  onReview: () => void;
}) {
  const t = useTranslations("complianceConsole.proposals");
  const tb = useTranslations("complianceBatchTransfer");
  const ta = useTranslations("complianceConsole.actions");
  const tr = useTranslations("recoveryOrders");

  const mine = p.proposer.toLowerCase() === officer.toLowerCase();
  const cancel: ActionSpec = {
    id: "cancel",
    label: t("cancel"),
    fields: [],
    validate: () => ({}),
    confirm: () => t("confirmCancel", { what: sentence }),
    call: (_, c) => ({
      address: desk,
      abi: c.enforcementDeskAbi,
      account: officer,
      functionName: "cancel",
      args: [BigInt(p.id)],
    }),
  };
  const execute: ActionSpec = {
    id: "execute",
    label: t("execute"),
    danger: true,
    fields: [],
    validate: () => ({}),
    confirm: () => t("confirmExecute", { what: sentence, proposer: shortAddress(p.proposer) }),
    call: (_, c) => ({
      address: desk,
      abi: c.enforcementDeskAbi,
      account: officer,
      functionName: "execute",
      args: [BigInt(p.id), p.token, p.data],
    }),
    // After a recovery, the lost wallet's orders are still open: point to where they are cancelled.
    ...(p.lostOrders && p.lostOrders.count > 0
      ? { doneNote: tr("afterRecovery", { count: p.lostOrders.count, escrow: p.lostOrders.escrow }) }
      : {}),
  };
  const mark = p.expired ? "expired" : mine ? "waiting" : null;
  return (
    <li
      className="flex flex-col gap-2 rounded-xl border border-line px-3 py-2 sm:flex-row sm:items-center sm:justify-between"
      data-proposal={p.id}
    >
      <div className="flex min-w-0 flex-col gap-1 text-sm">
        <p className="[overflow-wrap:anywhere]">
          <span className="font-medium">{t("number", { id: p.id })}</span> {sentence}
        </p>
        {rows ? <ProposalRows rows={rows} symbol={symbol} /> : null}
        <p className="text-xs text-ink-muted">
          {t("meta", { proposer: shortAddress(p.proposer), expires: p.expires })}
        </p>
        {p.lostOrders ? (
          <p className="text-xs" data-testid="lost-orders">
            {p.lostOrders.count === 0
              ? tr("none")
              : tr("some", { count: p.lostOrders.count, escrow: p.lostOrders.escrow })}
          </p>
        ) : null}
        {mark ? (
          <StatusBadge looks={proposalLooks} status={mark}>
            {t(mark)}
          </StatusBadge>
        ) : null}
        {mine && !p.expired && rows ? (
          <p className="text-xs" data-testid="own-proposal-note">
            {tb("ownNote")}
          </p>
        ) : null}
      </div>
      <div className="flex shrink-0 flex-wrap gap-2">
        {!mine && !p.expired && rows ? (
          <Button size="sm" variant="danger" onClick={onReview} aria-haspopup="dialog">
            {tb("review", { id: p.id })}
          </Button>
        ) : !mine && !p.expired ? (
          <AgentActionButton
            id={`proposal:${p.id}:execute`}
            label={t("review", { id: p.id })}
            variant="danger"
            request={{ title: t("reviewTitle", { id: p.id }), officer, specs: [execute] }}
          />
        ) : null}
        <AgentActionButton
          id={`proposal:${p.id}:cancel`}
          label={t("cancelNumbered", { id: p.id })}
          variant="ghost"
          request={{ title: ta("dialogTitle", { who: t("number", { id: p.id }) }), officer, specs: [cancel] }}
        />
      </div>
    </li>
  );
}

/** A batch forced transfer proposal's rows, decoded from its calldata, each with both holders' names. */
function ProposalRows({ rows, symbol }: { rows: ProposalTransferRow[]; symbol: string }) {
  const tb = useTranslations("complianceBatchTransfer");
  return (
    <>
      <p className="text-xs text-ink-muted">{tb("proposalRows", { count: rows.length })}</p>
      <ol className="list-decimal pl-5 text-xs [overflow-wrap:anywhere]" data-testid="proposal-rows">
        {rows.map((r, i) => (
          <li key={i}>
            {tb("confirmRow", {
              amount: Number(r.amount),
              symbol,
              from: `${r.fromName ?? tb("unknownInvestor")} (${shortAddress(r.from)})`,
              to: `${r.toName ?? tb("unknownInvestor")} (${shortAddress(r.to)})`,
            })}
          </li>
        ))}
      </ol>
    </>
  );
}
