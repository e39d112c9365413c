"use client";

import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { transferReasonKeys } from "@/lib/trade/client";
import { shortAddress } from "@/lib/format/address";
import { formatCount } from "@/lib/format/money";
import { ConfirmBox, PreviewTable } from "./batch-parts";
import type { TransferPreviewRowDto } from "./batch-transfer-actions";

function useNumber() {
  const locale = useLocale();
  return (v: string | bigint) => formatCount(BigInt(v), locale);
}

const who = (name: string | null, unknown: string, wallet: string) => `${name ?? unknown} (${shortAddress(wallet)})`;

/** Every row of a batch forced transfer with both holders, the sender's holding and the token's check. */
export function TransferRowsTable({ rows, caption }: { rows: readonly TransferPreviewRowDto[]; caption: string }) {
  const t = useTranslations("complianceBatchTransfer");
  const tr = useTranslations("complianceConsole.transferReasons");
  const n = useNumber();
  const problemText = (p: NonNullable<TransferPreviewRowDto["problem"]>) => {
    const key = transferReasonKeys[p.kind === "rule" ? p.code : -1];
    const text =
      p.kind === "rule"
        ? t("problems.rule", { reason: key && tr.has(key as never) ? tr(key as never) : String(p.code) })
        : p.kind === "balance"
          ? t("problems.balance", { balance: Number(p.balance) })
          : t("problems.other", { error: p.error });
    return p.together ? `${text} ${t("problems.together")}` : text;
  };
  const cols = "px-2 py-2 sm:px-3";
  return (
    <PreviewTable
      testId="transfer-preview"
      caption={caption}
      columns={[
        { label: t("columns.row"), className: "hidden px-3 py-2 sm:table-cell" },
        { label: t("columns.from"), className: cols },
        { label: t("columns.to"), className: cols },
        { label: t("columns.amount"), className: `${cols} text-right` },
        { label: t("columns.check"), className: cols },
      ]}
    >
      {rows.map((r) => (
        <tr
          key={r.line}
          className={cn("border-t border-line", r.problem && "bg-danger-soft")}
          data-row={r.line}
          data-from={r.from.toLowerCase()}
        >
          <th scope="row" className="hidden px-3 py-2 text-left align-top font-normal tabular sm:table-cell">
            {r.line}
          </th>
          <td className="px-2 py-2 align-top sm:px-3">
            <span className="block">{r.fromParty.name ?? t("unknownInvestor")}</span>
            <span className="block font-mono text-xs text-ink-muted">{shortAddress(r.from)}</span>
            <span className="block text-xs text-ink-muted">
              {[
                t("holds", { n: Number(r.fromBalance) }),
                r.fromFrozen ? t("frozenWallet") : null,
                BigInt(r.fromFrozenAmount) > 0n ? t("frozenPart", { n: Number(r.fromFrozenAmount) }) : null,
                BigInt(r.fromLockedAmount) > 0n ? t("locked", { n: Number(r.fromLockedAmount) }) : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </span>
          </td>
          <td className="px-2 py-2 align-top sm:px-3">
            <span className="block">{r.toParty.name ?? t("unknownInvestor")}</span>
            <span className="block font-mono text-xs text-ink-muted">{shortAddress(r.to)}</span>
            <span className="block text-xs text-ink-muted">{r.toVerified ? t("verified") : t("notVerified")}</span>
          </td>
          <td className="px-2 py-2 text-right align-top tabular sm:px-3">{n(r.amount)}</td>
          <td className="px-2 py-2 align-top sm:px-3" data-col="check">
            {r.problem ? (
              <span className="font-medium text-danger">{problemText(r.problem)}</span>
            ) : (
              <Badge tone="success" icon="check">
                {t("allowed")}
              </Badge>
            )}
          </td>
        </tr>
      ))}
    </PreviewTable>
  );
}

/** The plain sentences of what will move: one per row, then the total. */
export function WhatWillMove({
  rows,
  symbol,
  id,
  children,
}: {
  rows: readonly TransferPreviewRowDto[];
  symbol: string;
  id: string;
  children?: React.ReactNode;
}) {
  const t = useTranslations("complianceBatchTransfer");
  const total = rows.reduce((s, r) => s + BigInt(r.amount), 0n);
  return (
    <ConfirmBox id={id} title={t("confirmTitle")} testId="transfer-confirm">
      <ol className="flex list-decimal flex-col gap-1 pl-5 text-sm [overflow-wrap:anywhere]">
        {rows.map((r) => (
          <li key={r.line}>
            {t("confirmRow", {
              amount: Number(r.amount),
              symbol,
              from: who(r.fromParty.name, t("unknownInvestor"), r.from),
              to: who(r.toParty.name, t("unknownInvestor"), r.to),
            })}
          </li>
        ))}
      </ol>
      <p className="text-sm">{t("confirmTotal", { total: Number(total), symbol, count: rows.length })}</p>
      {children}
    </ConfirmBox>
  );
}
