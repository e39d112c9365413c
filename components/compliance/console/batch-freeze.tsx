"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { Address } from "viem";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
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
import {
  BatchDialog,
  ListField,
  PreviewForm,
  PreviewTable,
  RadioOption,
  ReasonField,
  ReasonNote,
  reasonIsValid,
  useBatchPreview,
  useLineMessage,
} from "./batch-parts";
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
  const lineMessage = useLineMessage("complianceBatch");
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
  const state = useBatchPreview<{ rows: BatchPreviewRowDto[]; blockNumber: string }, BatchLineError>();
  const { errors, lineErrors, formError, refused, loading, preview } = state;
  const tx = useAgentTx();
  const amounts = modeTakesAmount(mode);

  function openDialog() {
    const picked = selectedWallets();
    setSelected(picked);
    setSource(picked.length ? "selected" : "list");
    state.reset();
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

  const runPreview = (text: string) =>
    state.load(() => previewBatchAction({ token, mode, list: text }), t("errors.unavailable"));

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
    if (!reasonIsValid(reason)) found.reason = ta("validation.reason");
    // The list is parsed here as the officer will read it, and again on the server.
    const parsed = source === "list" ? parseBatchList(text, mode) : { rows: [], errors: [] };
    if (source === "list" && parsed.errors.length === 0 && parsed.rows.length === 0) found.list = t("emptyList");
    if (state.refuse(found, parsed.errors)) return;
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
      <BatchDialog
        label={t("open")}
        title={t("title", { symbol })}
        description={t("intro")}
        className="sm:w-[min(96vw,52rem)]"
        open={open}
        onOpen={openDialog}
        onOpenChange={close}
      >
        {!preview ? (
          <PreviewForm
            onSubmit={review}
            loading={loading}
            submitLabel={t("preview")}
            summary={
              showRefusal ? (
                <ErrorSummary title={formError ?? tUi("fields")} focusKey={refused} items={refusalItems}>
                  {refusalNotes.length ? (
                    <ul className="flex flex-col gap-1">
                      {refusalNotes.map((n) => (
                        <li key={n}>{n}</li>
                      ))}
                    </ul>
                  ) : null}
                </ErrorSummary>
              ) : null
            }
          >
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-sm font-medium">{t("mode")}</legend>
              {BATCH_MODES.map((m) => (
                <RadioOption
                  key={m}
                  name={`${uid}-mode`}
                  value={m}
                  checked={mode === m}
                  onChange={() => {
                    setMode(m);
                    state.setErrors({});
                    state.setLineErrors([]);
                  }}
                >
                  {t(`modes.${m}`)}
                </RadioOption>
              ))}
            </fieldset>
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-sm font-medium">{t("source")}</legend>
              <RadioOption
                name={`${uid}-source`}
                value="selected"
                checked={source === "selected"}
                onChange={() => setSource("selected")}
              >
                {t("sourceSelected", { count: selected.length })}
              </RadioOption>
              <RadioOption
                name={`${uid}-source`}
                value="list"
                checked={source === "list"}
                onChange={() => setSource("list")}
              >
                {t("sourceList")}
              </RadioOption>
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
              <ListField
                id={`${uid}-list`}
                label={t("list")}
                hint={amounts ? t("listHintAmounts") : t("listHintWallets")}
                value={list}
                onChange={setList}
                error={errors.list ?? (lineErrors.length ? lineErrors.map(lineMessage) : undefined)}
              />
            )}
            <ReasonField id={`${uid}-reason`} value={reason} onChange={setReason} error={errors.reason} />
          </PreviewForm>
        ) : (
          <div className="flex flex-col gap-4">
            <p data-testid="batch-summary">
              {t(`summary.${mode}`, { count: preview.rows.length, symbol })}{" "}
              <span className="text-sm text-ink-muted">{t("atBlock", { block: preview.blockNumber })}</span>
            </p>
            <PreviewTable
              testId="batch-preview"
              caption={t("previewCaption")}
              columns={[
                { label: t("columns.holder"), className: "px-3 py-2" },
                // On a phone the wallet sits under the holder's name (one cell), so every column fits.
                { label: t("columns.wallet"), className: "hidden px-3 py-2 sm:table-cell" },
                { label: t("columns.balance"), className: "px-2 py-2 text-right sm:px-3" },
                { label: t("columns.frozenNow"), className: "px-3 py-2" },
                { label: t("columns.frozenAfter"), className: "px-3 py-2" },
              ]}
            >
              {preview.rows.map((r) => (
                <tr
                  key={r.wallet}
                  className={cn("border-t border-line", r.problem && "bg-danger-soft")}
                  data-wallet={r.wallet.toLowerCase()}
                >
                  <th scope="row" className="px-3 py-2 text-left align-top font-normal">
                    {r.name ?? t("unknownHolder")}
                    <span className="block font-mono text-xs text-ink-muted sm:hidden">{shortAddress(r.wallet)}</span>
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
            </PreviewTable>
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
            <ReasonNote reason={reason} />
            <OfficerSignFooter
              officer={officer}
              tx={tx}
              signLabel={t("sign", { count: preview.rows.length })}
              danger={mode === "freeze" || mode === "freezeShares"}
              disabled={problems > 0}
              onSign={sign}
              onBack={() => state.setPreview(null)}
              onDone={() => close(false)}
            />
          </div>
        )}
      </BatchDialog>
    </>
  );
}
