"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Cell, DataTable, keyColumns, RIGHT, Row } from "@/components/ui/data-table";
import { FactList } from "@/components/ui/fact-list";
import { Money } from "@/components/ui/money";
import { ConnectDialog } from "@/components/wallet/connect-dialog";
import { TxStatus } from "@/components/wallet/tx-status";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import type { WalletTxStep } from "@/components/wallet/use-wallet-tx";
import { shortAddress } from "@/lib/format/address";
import { formatDayTime } from "@/lib/format/date";
import type { ClaimRow, DistributionClaimsView, PaymentRow } from "@/lib/portfolio/client";
import { ArtworkName, artworkTitle, TxCell } from "./row-parts";
import { useDistributionClaim } from "./use-distribution-claim";

type T = ReturnType<typeof useTranslations<"portfolio.distributions">>;

function StatusLine({ row, t }: { row: ClaimRow; t: T }) {
  const s = row.status;
  if (s.state === "claimable")
    return (
      <Badge tone="success" icon="check">
        {t("states.claimable")}
      </Badge>
    );
  return (
    <div
      className="flex flex-col items-start gap-1"
      data-testid="claim-reason"
      data-reason={s.state === "claimed" ? "alreadyClaimed" : s.reason}
    >
      <Badge tone={s.state === "waiting" ? "warn" : "neutral"} icon={s.state === "waiting" ? "lock" : "dot"}>
        {t(s.state === "waiting" ? "states.waiting" : "states.lapsed")}
      </Badge>
      <p className="text-sm">
        {s.state === "claimed" ? t("reasons.alreadyClaimed") : t(`reasons.${s.reason}`)}{" "}
        {s.state === "waiting" ? t("reserved") : null}
      </p>
    </div>
  );
}

function ClaimCard({
  row,
  decimals,
  canSign,
  busy,
  onClaim,
}: {
  row: ClaimRow;
  decimals: number;
  canSign: boolean;
  busy: boolean;
  onClaim: () => void;
}) {
  const t = useTranslations("portfolio.distributions");
  const locale = useLocale();
  const zh = locale === "zh-HK";
  const claimable = row.status.state === "claimable";
  return (
    <li
      className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-4 sm:flex-row sm:items-start sm:justify-between"
      data-testid="distribution-claim"
      data-state={row.status.state}
    >
      <div className="flex min-w-0 flex-col items-start gap-2">
        <h3 className="font-medium">
          <ArtworkName artwork={row} zh={zh} />{" "}
          <span className="text-sm text-ink-muted">· {t(`kinds.${row.kind}`)}</span>
        </h3>
        <FactList
          facts={[
            { label: t("amount"), value: <Money value={BigInt(row.amount)} decimals={decimals} /> },
            { label: t("deadline"), value: formatDayTime(new Date(row.claimDeadline), locale) },
            ...(row.recovered
              ? [{ label: t("heldBy"), value: t("recoveredFrom", { address: shortAddress(row.holder, 4) }) }]
              : []),
          ]}
        />
        <StatusLine row={row} t={t} />
      </div>
      {claimable ? (
        <Button
          variant="secondary"
          className="self-start"
          disabled={!canSign || busy}
          onClick={onClaim}
          aria-label={t("claimLabel", { title: artworkTitle(row, zh) })}
        >
          {t("claim")}
        </Button>
      ) : null}
    </li>
  );
}

function PaymentsTable({
  payments,
  decimals,
  explorerUrl,
}: {
  payments: PaymentRow[];
  decimals: number;
  explorerUrl: string | null;
}) {
  const t = useTranslations("portfolio.distributions");
  const locale = useLocale();
  const zh = locale === "zh-HK";
  return (
    <DataTable
      labelledBy="distribution-payments-title"
      minWidth="36rem"
      testId="distribution-payments"
      columns={keyColumns(["date", "artwork", "kind", "amount", "tx"], (k) => t(`paid.${k}`), { amount: RIGHT })}
    >
      {payments.map((p) => (
        <Row key={p.key}>
          <Cell className="whitespace-nowrap text-ink-muted tabular">{formatDayTime(new Date(p.at), locale)}</Cell>
          <Cell className="min-w-[10rem]">
            <ArtworkName artwork={p} zh={zh} />
          </Cell>
          <Cell>{p.kind ? t(`kinds.${p.kind}`) : "—"}</Cell>
          <Cell align="right">
            <Money value={BigInt(p.amount)} decimals={decimals} />
          </Cell>
          <TxCell hash={p.txHash} explorerUrl={explorerUrl} />
        </Row>
      ))}
    </DataTable>
  );
}

function statusView(step: WalletTxStep, t: T, lastCount: number) {
  const busyKey =
    step.kind === "preparing" || step.kind === "checking"
      ? "checking"
      : step.kind === "signing"
        ? "signing"
        : step.kind === "pending"
          ? "pending"
          : step.kind === "recording"
            ? "recording"
            : null;
  return {
    busy: busyKey ? { text: t(`tx.${busyKey}`), hash: "hash" in step ? step.hash : null } : null,
    done: step.kind === "confirmed" ? { title: t("tx.done", { count: lastCount }), hash: step.hash } : null,
    failed:
      step.kind === "failed"
        ? { title: t("tx.failed"), body: <p>{step.message}</p>, hash: step.hash ?? null, focusKey: step }
        : null,
  };
}

/** The claims of the signed-in wallet: each with the chain's word on it, Claim for one, Claim all in one signature. */
export function DistributionClaims({
  view,
  decimals,
  explorerUrl,
}: {
  view: DistributionClaimsView;
  decimals: number;
  explorerUrl: string | null;
}) {
  const t = useTranslations("portfolio.distributions");
  const { address, isConnected } = useWalletConnection();
  const [count, setCount] = useState(0);
  const [connectOpen, setConnectOpen] = useState(false);
  const distributor = view.distributor;
  const { step, busy, claim } = useDistributionClaim({
    distributor: distributor ?? "0x0000000000000000000000000000000000000000",
    account: view.wallet,
  });
  const canSign = !!distributor && isConnected && address?.toLowerCase() === view.wallet.toLowerCase();
  const claimable = view.claims.filter((c) => c.status.state === "claimable");
  const total = claimable.reduce((s, c) => s + BigInt(c.amount), 0n);
  const run = (rows: ClaimRow[]) => {
    setCount(rows.length);
    void claim(rows);
  };
  return (
    <div className="flex flex-col gap-4">
      {view.claims.length === 0 ? (
        <p
          className="rounded-2xl border border-dashed border-line-strong px-6 py-6 text-center text-sm text-ink-muted"
          data-testid="distributions-empty"
        >
          {t("empty")}
        </p>
      ) : (
        <>
          {claimable.length > 0 ? (
            <div className="flex flex-wrap items-center justify-between gap-3 rounded-2xl bg-surface-muted px-4 py-3">
              <p className="text-sm" data-testid="claimable-total">
                {t.rich("claimableTotal", {
                  count: claimable.length,
                  amount: () => <Money value={total} decimals={decimals} />,
                })}
              </p>
              {claimable.length > 1 ? (
                <Button disabled={!canSign || busy} onClick={() => run(claimable)}>
                  {t("claimAll", { count: claimable.length })}
                </Button>
              ) : null}
            </div>
          ) : null}
          {!canSign && claimable.length > 0 ? (
            <div className="flex flex-wrap items-center gap-3" data-testid="claim-connect">
              <p className="text-sm text-ink-muted">{t("connect", { wallet: shortAddress(view.wallet, 4) })}</p>
              {!isConnected ? (
                <Button variant="secondary" size="sm" onClick={() => setConnectOpen(true)}>
                  {t("connectWallet")}
                </Button>
              ) : null}
            </div>
          ) : null}
          <ul className="flex flex-col gap-3" aria-label={t("listLabel")}>
            {view.claims.map((c) => (
              <ClaimCard
                key={c.key}
                row={c}
                decimals={decimals}
                canSign={canSign}
                busy={busy}
                onClaim={() => run([c])}
              />
            ))}
          </ul>
        </>
      )}
      <TxStatus step={step.kind} view={statusView(step, t, count)} hashLabel={t("tx.hash")} testId="claim-status" />
      <h3 id="distribution-payments-title" className="font-medium">
        {t("paid.title")}
      </h3>
      {view.payments.length > 0 ? (
        <PaymentsTable payments={view.payments} decimals={decimals} explorerUrl={explorerUrl} />
      ) : (
        <p className="text-sm text-ink-muted">{t("paid.empty")}</p>
      )}
      <ConnectDialog open={connectOpen} onOpenChange={setConnectOpen} />
    </div>
  );
}
