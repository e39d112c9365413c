"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { Address } from "viem";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input, controlStyles } from "@/components/ui/input";
import { artworkShareTokenAbi } from "@/lib/chain/abis";
import {
  BATCH_MODES,
  type BatchLineError,
  type BatchMode,
  batchCall,
  modeTakesAmount,
  parseBatchList,
} from "@/lib/compliance/batch-list";
import { shortAddress } from "@/lib/format/address";
import { describeAmountError, parseShareAmount } from "@/lib/format/amount";
import { type BatchPreviewRowDto, previewBatchAction } from "./batch-actions";
import { OfficerSignFooter } from "./officer-sign";
import { useAgentTx } from "./use-agent-tx";

/** The form the register's row checkboxes belong to (`form` attribute), so a server-rendered table can select. */
export const BATCH_SELECT_FORM = "batch-select";

/** One row's checkbox in the register (inside the server-rendered table, tied to the batch form by `form`). */
export function BatchSelectBox({ wallet, label }: { wallet: Address; label: string }) {
  return (
    <input
      type="checkbox"
      form={BATCH_SELECT_FORM}
      name="wallet"
      value={wallet}
      aria-label={label}
      className="size-4 accent-accent"
      data-testid="batch-select"
    />
  );
}

/** The wallets ticked in the register (also the senders a batch forced transfer starts from). */
export function selectedWallets(): Address[] {
  return Array.from(
    document.querySelectorAll<HTMLInputElement>(`input[form="${BATCH_SELECT_FORM}"][name="wallet"]:checked`),
  ).map((el) => el.value as Address);
}

/**
 * Batch freeze and unfreeze on one token: the holders ticked in the register or a pasted list → a preview of every
 * row computed on the server from the chain (holder, wallet, balance, frozen now, frozen after, problem) → one
 * transaction through the token's batch function, signed by the officer's own wallet → audited with every row.
 */
export function BatchFreezeAction({ token, symbol, officer }: { token: Address; symbol: string; officer: Address }) {
  const t = useTranslations("complianceBatch");
  const ta = useTranslations("complianceConsole.actions");
  const tAmount = useTranslations("amounts");
  const tUi = useTranslations("ui.errorSummary");
  const locale = useLocale();
  const nf = new Intl.NumberFormat(locale === "en" ? "en-HK" : locale);
  const router = useRouter();
  const uid = useId();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<BatchMode>("freeze");
  const [source, setSource] = useState<"selected" | "list">("selected");
  const [selected, setSelected] = useState<Address[]>([]);
  const [amount, setAmount] = useState("");
  const [list, setList] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [lineErrors, setLineErrors] = useState<BatchLineError[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  // A new object on every refused "Preview every row" (in the browser or by the server): the error summary takes focus.
  const [refused, setRefused] = useState<object | null>(null);
  const [loading, setLoading] = useState(false);
  const [preview, setPreview] = useState<{ rows: BatchPreviewRowDto[]; blockNumber: string } | null>(null);
  const tx = useAgentTx();
  const amounts = modeTakesAmount(mode);

  function openDialog() {
    const picked = selectedWallets();
    setSelected(picked);
    setSource(picked.length ? "selected" : "list");
    setPreview(null);
    setErrors({});
    setLineErrors([]);
    setFormError(null);
    setRefused(null);
    tx.setStep({ kind: "idle" });
    setOpen(true);
  }

  function close(next: boolean) {
    if (!next && tx.busy) return;
    setOpen(next);
    if (!next && tx.step.kind === "confirmed") {
      for (const el of document.querySelectorAll<HTMLInputElement>(`input[form="${BATCH_SELECT_FORM}"]:checked`))
        el.checked = false;
      router.refresh();
    }
  }

  function lineMessage(e: BatchLineError): string {
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

  async function runPreview(text: string) {
    setLoading(true);
    setFormError(null);
    try {
      const result = await previewBatchAction({ token, mode, list: text });
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

  async function review(e: React.FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    let text = "";
    if (source === "selected") {
      if (selected.length === 0) found.selected = t("noneSelected");
      if (amounts) {
        const parsed = parseShareAmount(amount);
        if (!parsed.ok) found.amount = describeAmountError(parsed.error, tAmount, locale);
      }
      text = selected.map((w) => (amounts ? `${w},${amount.trim()}` : w)).join("\n");
    } else {
      text = list;
    }
    const r = reason.trim();
    if (r.length < 5 || r.length > 500) found.reason = ta("validation.reason");
    // The list is parsed here as the officer will read it, and again on the server.
    const parsed = source === "list" ? parseBatchList(text, mode) : { rows: [], errors: [] };
    if (source === "list" && parsed.errors.length === 0 && parsed.rows.length === 0) found.list = t("emptyList");
    setErrors(found);
    setLineErrors(parsed.errors);
    setFormError(null);
    if (Object.keys(found).length || parsed.errors.length) return setRefused({});
    await runPreview(text);
  }

  /** Leaves out the rows with a problem and computes the preview again from the chain. */
  async function dropProblems() {
    if (!preview) return;
    const keep = preview.rows.filter((r) => !r.problem);
    if (keep.length === 0) return;
    await runPreview(keep.map((r) => (r.amount !== null ? `${r.wallet},${r.amount}` : r.wallet)).join("\n"));
  }

  async function sign() {
    if (!preview) return;
    const call = batchCall(
      mode,
      preview.rows.map((r) => ({ wallet: r.wallet, amount: r.amount === null ? null : BigInt(r.amount) })),
    );
    const ok = await tx.run(
      { address: token, abi: artworkShareTokenAbi, account: officer, functionName: call.functionName, args: call.args },
      reason.trim(),
    );
    if (ok) router.refresh();
  }

  const frozenText = (wallet: boolean, shares: string) =>
    [wallet ? t("wholeWallet") : null, BigInt(shares) > 0n ? t("sharesFrozen", { n: Number(shares) }) : null]
      .filter(Boolean)
      .join(" · ") || t("none");
  const problems = preview?.rows.filter((r) => r.problem).length ?? 0;
  // The error summary's lines, each linking to its field; the pasted list's first bad line stands for the list
  // (the field itself lists every bad line).
  const firstBadLine = source === "list" ? lineErrors[0] : undefined;
  const listMessage = errors.list ?? (firstBadLine ? lineMessage(firstBadLine) : undefined);
  const refusalItems: ErrorSummaryItem[] = [
    ...(source === "selected" && amounts && errors.amount
      ? [{ field: `${uid}-amount`, label: t("amountEach"), message: errors.amount }]
      : []),
    ...(source === "list" && listMessage ? [{ field: `${uid}-list`, label: t("list"), message: listMessage }] : []),
    ...(errors.reason ? [{ field: `${uid}-reason`, label: ta("reason"), message: errors.reason }] : []),
  ];
  // Refusals that belong to no field here: nothing ticked in the register, or the server's lines for ticked holders.
  const refusalNotes = [
    ...(source === "selected" && errors.selected ? [errors.selected] : []),
    ...(source === "selected" ? lineErrors.map(lineMessage) : []),
  ];
  const showRefusal = !!refused && (!!formError || refusalItems.length > 0 || refusalNotes.length > 0);

  return (
    <>
      {/* The register's checkboxes belong to this form (their `form` attribute); it is never submitted. */}
      <form id={BATCH_SELECT_FORM} onSubmit={(e) => e.preventDefault()} />
      <Button size="sm" variant="secondary" onClick={openDialog} aria-haspopup="dialog">
        {t("open")}
      </Button>
      <Dialog
        open={open}
        onOpenChange={close}
        closeLabel={ta("close")}
        title={t("title", { symbol })}
        description={t("intro")}
        className="sm:w-[min(96vw,52rem)]"
      >
        {!preview ? (
          <form onSubmit={review} noValidate className="flex flex-col gap-4">
            {showRefusal ? (
              <ErrorSummary title={formError ?? tUi("fields")} focusKey={refused} items={refusalItems}>
                {refusalNotes.length ? (
                  <ul className="flex flex-col gap-1">
                    {refusalNotes.map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                ) : null}
              </ErrorSummary>
            ) : null}
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-sm font-medium">{t("mode")}</legend>
              {BATCH_MODES.map((m) => (
                <label key={m} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name={`${uid}-mode`}
                    value={m}
                    checked={mode === m}
                    onChange={() => {
                      setMode(m);
                      setErrors({});
                      setLineErrors([]);
                    }}
                    className="size-4 accent-accent"
                  />
                  {t(`modes.${m}`)}
                </label>
              ))}
            </fieldset>
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-sm font-medium">{t("source")}</legend>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={`${uid}-source`}
                  value="selected"
                  checked={source === "selected"}
                  onChange={() => setSource("selected")}
                  className="size-4 accent-accent"
                />
                {t("sourceSelected", { count: selected.length })}
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={`${uid}-source`}
                  value="list"
                  checked={source === "list"}
                  onChange={() => setSource("list")}
                  className="size-4 accent-accent"
                />
                {t("sourceList")}
              </label>
            </fieldset>
            {source === "selected" ? (
              <>
                {selected.length ? (
                  <p className="text-sm text-ink-muted">{selected.map((w) => shortAddress(w)).join(", ")}</p>
                ) : null}
                {amounts ? (
                  <Field id={`${uid}-amount`} label={t("amountEach")} hint={t("amountEachHint")} error={errors.amount}>
                    {(control) => (
                      <Input
                        {...control}
                        value={amount}
                        onChange={(e) => setAmount(e.target.value)}
                        inputMode="numeric"
                        autoComplete="off"
                      />
                    )}
                  </Field>
                ) : null}
              </>
            ) : (
              <Field
                id={`${uid}-list`}
                label={t("list")}
                hint={amounts ? t("listHintAmounts") : t("listHintWallets")}
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
            )}
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
            <p data-testid="batch-summary">
              {t(`summary.${mode}`, { count: preview.rows.length, symbol })}{" "}
              <span className="text-sm text-ink-muted">{t("atBlock", { block: preview.blockNumber })}</span>
            </p>
            <div className="max-h-[45vh] overflow-auto rounded-xl border border-line">
              <table className="w-full border-collapse text-sm" data-testid="batch-preview">
                <caption className="sr-only">{t("previewCaption")}</caption>
                <thead className="sticky top-0 bg-surface-muted text-left text-xs text-ink-muted">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("columns.holder")}
                    </th>
                    {/* On a phone the wallet sits under the holder's name (one cell), so every column fits. */}
                    <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">
                      {t("columns.wallet")}
                    </th>
                    <th scope="col" className="px-2 py-2 text-right font-medium sm:px-3">
                      {t("columns.balance")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("columns.frozenNow")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("columns.frozenAfter")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr
                      key={r.wallet}
                      className={cn("border-t border-line", r.problem && "bg-danger-soft")}
                      data-wallet={r.wallet.toLowerCase()}
                    >
                      <th scope="row" className="px-3 py-2 text-left align-top font-normal">
                        {r.name ?? t("unknownHolder")}
                        <span className="block font-mono text-xs text-ink-muted sm:hidden">
                          {shortAddress(r.wallet)}
                        </span>
                      </th>
                      <td className="hidden px-3 py-2 align-top font-mono text-xs sm:table-cell">
                        {shortAddress(r.wallet)}
                      </td>
                      <td className="px-3 py-2 text-right align-top tabular">{nf.format(BigInt(r.balance))}</td>
                      <td className="px-3 py-2 align-top">{frozenText(r.frozen, r.frozenAmount)}</td>
                      <td className="px-3 py-2 align-top" data-col="after">
                        {r.problem ? (
                          <span className="font-medium text-danger">
                            {t(`problems.${r.problem}`, {
                              free: Number(BigInt(r.balance) - BigInt(r.frozenAmount)),
                              frozen: Number(r.frozenAmount),
                            })}
                          </span>
                        ) : (
                          frozenText(r.newFrozen, r.newFrozenAmount)
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {problems ? (
              <Alert
                tone="warn"
                action={
                  problems < preview.rows.length ? (
                    <Button size="sm" variant="secondary" onClick={dropProblems} loading={loading}>
                      {t("dropProblems")}
                    </Button>
                  ) : undefined
                }
              >
                {t("problemsFound", { count: problems })}
              </Alert>
            ) : null}
            <p className="text-sm text-ink-muted">
              {ta("reason")}: {reason.trim()}
            </p>
            <OfficerSignFooter
              officer={officer}
              tx={tx}
              signLabel={t("sign", { count: preview.rows.length })}
              danger={mode === "freeze" || mode === "freezeShares"}
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
