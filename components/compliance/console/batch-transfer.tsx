"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import type { Address } from "viem";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { controlStyles } from "@/components/ui/input";
import { enforcementDeskAbi } from "@/lib/chain/abis";
import { batchTransferCalldata, parseTransferList, type TransferLineError } from "@/lib/compliance/batch-transfer";
import { shortAddress } from "@/lib/format/address";
import { describeAmountError } from "@/lib/format/amount";
import { transferReasonKeys } from "@/lib/trade/reasons";
import { selectedWallets } from "./batch-freeze";
import {
  previewBatchTransferAction,
  previewTransferProposalAction,
  type TransferPreviewRowDto,
} from "./batch-transfer-actions";
import { OfficerSignFooter } from "./officer-sign";
import { useAgentTx } from "./use-agent-tx";

function useNumber() {
  const locale = useLocale();
  const nf = new Intl.NumberFormat(locale === "en" ? "en-HK" : locale);
  return (v: string | bigint) => nf.format(BigInt(v));
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
  return (
    <div className="max-h-[45vh] overflow-auto rounded-xl border border-line">
      <table className="w-full border-collapse text-sm" data-testid="transfer-preview">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-surface-muted text-left text-xs text-ink-muted">
          <tr>
            <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">
              {t("columns.row")}
            </th>
            <th scope="col" className="px-2 py-2 font-medium sm:px-3">
              {t("columns.from")}
            </th>
            <th scope="col" className="px-2 py-2 font-medium sm:px-3">
              {t("columns.to")}
            </th>
            <th scope="col" className="px-2 py-2 text-right font-medium sm:px-3">
              {t("columns.amount")}
            </th>
            <th scope="col" className="px-2 py-2 font-medium sm:px-3">
              {t("columns.check")}
            </th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}

/** The plain sentences of what will move: one per row, then the total. */
function WhatWillMove({
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
    <section
      aria-labelledby={id}
      className="flex flex-col gap-2 rounded-xl border border-line-strong bg-surface-muted p-4"
      data-testid="transfer-confirm"
    >
      <h3 id={id} className="text-sm font-medium">
        {t("confirmTitle")}
      </h3>
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
    </section>
  );
}

/**
 * "Batch forced transfer" on one token: pasted `from,to,amount` rows (or the holders ticked in the register as
 * senders) → a preview of every row computed on the server from the chain → a confirmation that says what will move
 * and that a second officer must execute → ONE enforcement-desk proposal of the token's batchForcedTransfer calldata,
 * signed by the officer's own wallet → audited with every row and both investors.
 */
export function BatchTransferAction({
  token,
  symbol,
  officer,
  desk,
}: {
  token: Address;
  symbol: string;
  officer: Address;
  desk: Address;
}) {
  const t = useTranslations("complianceBatchTransfer");
  const ta = useTranslations("complianceConsole.actions");
  const tAmount = useTranslations("amounts");
  const tUi = useTranslations("ui.errorSummary");
  const locale = useLocale();
  const router = useRouter();
  const uid = useId();
  const [open, setOpen] = useState(false);
  const [list, setList] = useState("");
  const [reason, setReason] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [lineErrors, setLineErrors] = useState<TransferLineError[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [refused, setRefused] = useState<object | null>(null);
  const [loading, setLoading] = useState(false);
  const [preview, setPreview] = useState<{ rows: TransferPreviewRowDto[]; blockNumber: string } | null>(null);
  const tx = useAgentTx();

  function openDialog() {
    setPreview(null);
    setErrors({});
    setLineErrors([]);
    setFormError(null);
    setRefused(null);
    setNote(null);
    tx.setStep({ kind: "idle" });
    setOpen(true);
  }

  function close(next: boolean) {
    if (!next && tx.busy) return;
    setOpen(next);
    if (!next && tx.step.kind === "confirmed") {
      setList("");
      setReason("");
      router.refresh();
    }
  }

  function addTicked() {
    const picked = selectedWallets();
    if (picked.length === 0) return setNote(t("addTickedNone"));
    const lines = picked.map((w) => `${w},`);
    setList((prev) => [prev.trimEnd(), ...lines].filter(Boolean).join("\n"));
    setNote(t("addTickedDone", { count: picked.length }));
  }

  function lineMessage(e: TransferLineError): string {
    switch (e.code) {
      case "amount":
        return t("lines.amount", { line: e.line, reason: describeAmountError(e.error, tAmount, locale) });
      case "duplicate":
        return t("lines.duplicate", { line: e.line, first: e.firstLine });
      case "tooMany":
        return t("lines.tooMany", { line: e.line, max: e.max });
      default:
        return t(`lines.${e.code}`, { line: e.line });
    }
  }

  async function review(e: React.FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    const parsed = parseTransferList(list);
    if (parsed.errors.length === 0 && parsed.rows.length === 0) found.list = t("emptyList");
    const r = reason.trim();
    if (r.length < 5 || r.length > 500) found.reason = ta("validation.reason");
    setErrors(found);
    setLineErrors(parsed.errors);
    setFormError(null);
    if (Object.keys(found).length || parsed.errors.length) return setRefused({});
    setLoading(true);
    try {
      const result = await previewBatchTransferAction({ token, list });
      if (!result.ok) {
        setLineErrors(result.lineErrors ?? []);
        setFormError(result.message);
        setRefused({});
        return;
      }
      setPreview({ rows: result.rows, blockNumber: result.blockNumber });
    } catch {
      setFormError(t("errors.unavailable"));
      setRefused({});
    } finally {
      setLoading(false);
    }
  }

  async function sign() {
    if (!preview) return;
    const data = batchTransferCalldata(preview.rows.map((r) => ({ from: r.from, to: r.to, amount: BigInt(r.amount) })));
    const ok = await tx.run(
      { address: desk, abi: enforcementDeskAbi, account: officer, functionName: "propose", args: [token, data] },
      reason.trim(),
    );
    if (ok) router.refresh();
  }

  const problems = preview?.rows.filter((r) => r.problem).length ?? 0;
  const listMessage = errors.list ?? (lineErrors[0] ? lineMessage(lineErrors[0]) : undefined);
  const refusalItems: ErrorSummaryItem[] = [
    ...(listMessage ? [{ field: `${uid}-list`, label: t("list"), message: listMessage }] : []),
    ...(errors.reason ? [{ field: `${uid}-reason`, label: ta("reason"), message: errors.reason }] : []),
  ];
  const showRefusal = !!refused && (!!formError || refusalItems.length > 0);

  return (
    <>
      <Button size="sm" variant="secondary" onClick={openDialog} aria-haspopup="dialog">
        {t("open")}
      </Button>
      <Dialog
        open={open}
        onOpenChange={close}
        closeLabel={ta("close")}
        title={t("title", { symbol })}
        description={t("intro")}
        className="sm:w-[min(96vw,56rem)]"
      >
        {!preview ? (
          <form onSubmit={review} noValidate className="flex flex-col gap-4">
            {showRefusal ? (
              <ErrorSummary title={formError ?? tUi("fields")} focusKey={refused} items={refusalItems} />
            ) : null}
            <Field
              id={`${uid}-list`}
              label={t("list")}
              hint={t("listHint")}
              error={errors.list ?? (lineErrors.length ? lineErrors.map(lineMessage) : undefined)}
            >
              {(control) => (
                <textarea
                  {...control}
                  value={list}
                  onChange={(e) => setList(e.target.value)}
                  rows={6}
                  spellCheck={false}
                  className={cn(controlStyles, "h-auto py-2 font-mono text-xs")}
                />
              )}
            </Field>
            <div className="flex flex-wrap items-center gap-2">
              <Button size="sm" variant="ghost" onClick={addTicked}>
                {t("addTicked")}
              </Button>
              <p aria-live="polite" className="text-sm text-ink-muted">
                {note}
              </p>
            </div>
            <Field id={`${uid}-reason`} label={ta("reason")} hint={ta("reasonHint")} error={errors.reason}>
              {(control) => (
                <textarea
                  {...control}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  rows={3}
                  maxLength={500}
                  className={cn(controlStyles, "h-auto py-2")}
                />
              )}
            </Field>
            <div className="flex justify-end">
              <Button type="submit" loading={loading}>
                {t("preview")}
              </Button>
            </div>
          </form>
        ) : (
          <div className="flex flex-col gap-4">
            <p className="text-sm text-ink-muted">
              {t("forcedNote")} {t("atBlock", { block: preview.blockNumber })}
            </p>
            <TransferRowsTable rows={preview.rows} caption={t("previewCaption")} />
            {problems ? (
              <ErrorSummary title={t("problemsFound", { count: problems })} focusKey={preview} />
            ) : (
              <WhatWillMove rows={preview.rows} symbol={symbol} id={`${uid}-confirm`}>
                <p className="text-sm font-medium">{t("confirmSecond")}</p>
                <p className="text-sm text-ink-muted">
                  {ta("reason")}: {reason.trim()}
                </p>
              </WhatWillMove>
            )}
            <OfficerSignFooter
              officer={officer}
              tx={tx}
              signLabel={t("sign")}
              danger
              disabled={problems > 0}
              onSign={sign}
              onBack={() => setPreview(null)}
              onDone={() => close(false)}
            />
          </div>
        )}
      </Dialog>
    </>
  );
}

/**
 * A second officer's review of a pending batch forced transfer: the rows are read from the proposal's calldata on
 * the desk and checked again against the chain when the dialog opens (and on request); executing repeats the exact
 * token and calldata the desk holds. Not offered to the proposer (the page explains why instead). Rendered by the
 * proposals section, outside the proposal's row, so it stays open with its outcome when the refresh after the
 * execution removes that row.
 */
export function BatchTransferReview({
  id,
  desk,
  officer,
  symbol,
  onClosed,
}: {
  id: string;
  desk: Address;
  officer: Address;
  symbol: string;
  onClosed: () => void;
}) {
  const t = useTranslations("complianceBatchTransfer");
  const ta = useTranslations("complianceConsole.actions");
  const tUi = useTranslations("ui.errorSummary");
  const router = useRouter();
  const uid = useId();
  const [open, setOpen] = useState(true);
  const [loading, setLoading] = useState(true);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [refused, setRefused] = useState<object | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{
    rows: TransferPreviewRowDto[];
    blockNumber: string;
    token: Address;
    proposer?: Address;
    data?: `0x${string}`;
  } | null>(null);
  const tx = useAgentTx();

  /** Shows the server's answer for the proposal's rows. */
  function apply(result: Awaited<ReturnType<typeof previewTransferProposalAction>>) {
    setLoading(false);
    if (!result.ok) {
      setFormError(result.message);
      setRefused({});
      setPreview(null);
      return;
    }
    setFormError(null);
    setPreview(result);
  }
  function unavailable() {
    setLoading(false);
    setFormError(t("errors.unavailable"));
    setRefused({});
  }

  function check() {
    setLoading(true);
    previewTransferProposalAction({ id }).then(apply, unavailable);
  }

  // The rows are read once when the dialog opens (it mounts open, loading).
  useEffect(() => {
    previewTransferProposalAction({ id }).then(
      (r) => apply(r),
      () => unavailable(),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function close(next: boolean) {
    if (!next && tx.busy) return;
    setOpen(next);
    if (!next) {
      if (tx.step.kind === "confirmed") router.refresh();
      onClosed();
    }
  }

  async function execute() {
    if (!preview) return;
    const r = reason.trim();
    if (r.length < 5 || r.length > 500) {
      setReasonError(ta("validation.reason"));
      setRefused({});
      return;
    }
    setReasonError(null);
    // The desk compares these with the proposal it holds: the exact calldata read from it, whose rows are shown.
    const data =
      preview.data ??
      batchTransferCalldata(preview.rows.map((row) => ({ from: row.from, to: row.to, amount: BigInt(row.amount) })));
    const ok = await tx.run(
      {
        address: desk,
        abi: enforcementDeskAbi,
        account: officer,
        functionName: "execute",
        args: [BigInt(id), preview.token, data],
      },
      r,
    );
    if (ok) router.refresh();
  }

  const problems = preview?.rows.filter((r) => r.problem).length ?? 0;
  const items: ErrorSummaryItem[] = reasonError
    ? [{ field: `${uid}-reason`, label: ta("reason"), message: reasonError }]
    : [];
  return (
    <>
      <Dialog
        open={open}
        onOpenChange={close}
        closeLabel={ta("close")}
        title={t("reviewTitle", { id })}
        description={t("reviewIntro")}
        className="sm:w-[min(96vw,56rem)]"
      >
        <div className="flex flex-col gap-4">
          {refused && (formError || items.length) ? (
            <ErrorSummary title={formError ?? tUi("fields")} focusKey={refused} items={items} />
          ) : null}
          {!preview ? (
            <p role="status" className="text-sm text-ink-muted">
              {loading ? t("loading") : null}
            </p>
          ) : (
            <>
              <p className="text-sm text-ink-muted">
                {preview.proposer ? t("proposedBy", { proposer: shortAddress(preview.proposer) }) : null}{" "}
                {t("atBlock", { block: preview.blockNumber })}
              </p>
              <TransferRowsTable rows={preview.rows} caption={t("previewCaption")} />
              {problems ? (
                <ErrorSummary title={t("problemsFound", { count: problems })} focusKey={preview} />
              ) : (
                <WhatWillMove rows={preview.rows} symbol={symbol} id={`${uid}-confirm`}>
                  <p className="text-sm font-medium">{t("confirmExecute")}</p>
                </WhatWillMove>
              )}
              <div>
                <Button size="sm" variant="secondary" onClick={check} loading={loading} disabled={tx.busy}>
                  {t("recheck")}
                </Button>
              </div>
              <Field id={`${uid}-reason`} label={ta("reason")} hint={ta("reasonHint")} error={reasonError ?? undefined}>
                {(control) => (
                  <textarea
                    {...control}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    rows={2}
                    maxLength={500}
                    className={cn(controlStyles, "h-auto py-2")}
                  />
                )}
              </Field>
              <OfficerSignFooter
                officer={officer}
                tx={tx}
                signLabel={t("execute")}
                danger
                disabled={problems > 0}
                onSign={execute}
                onBack={() => close(false)}
                onDone={() => close(false)}
              />
            </>
          )}
        </div>
      </Dialog>
    </>
  );
}
