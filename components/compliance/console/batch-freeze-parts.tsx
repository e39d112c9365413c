"use client";

import { useLocale, useTranslations } from "next-intl";
import type { Address } from "viem";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ErrorSummaryItem } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { BATCH_MODES, type BatchLineError, type BatchMode, parseBatchList } from "@/lib/compliance/client";
import { describeAmountError, parseShareAmount } from "@/lib/format/amount";
import { shortAddress } from "@/lib/format/address";
import { formatCount } from "@/lib/format/money";
import type { BatchPreviewRowDto } from "./batch-actions";
import {
  type BatchListProps,
  ListField,
  PreviewTable,
  RadioOption,
  ReasonField,
  reasonIsValid,
  useLineMessage,
} from "./batch-parts";
import { BatchRefusal } from "./batch-refusal";

type Source = "selected" | "list";

/**
 * The browser's checks of the batch freeze form: the refused fields, the pasted list's bad lines, and the list the
 * server previews (the ticked holders written as a list).
 */
export function useFreezeCheck() {
  const t = useTranslations("complianceBatch");
  const ta = useTranslations("complianceConsole.actions");
  const tAmount = useTranslations("amounts");
  const locale = useLocale();
  return ({
    mode,
    source,
    selected,
    amounts,
    amount,
    list,
    reason,
  }: {
    mode: BatchMode;
    source: Source;
    selected: Address[];
    amounts: boolean;
    amount: string;
    list: string;
    reason: string;
  }): { found: Record<string, string>; lines: BatchLineError[]; text: string } => {
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
    return { found, lines: parsed.errors, text };
  };
}

/** The error summary of a refused batch freeze: each line links to its field, the rest are notes. */
export function FreezeRefusal({
  uid,
  source,
  amounts,
  errors,
  lineErrors,
  formError,
  refused,
}: {
  uid: string;
  source: Source;
  amounts: boolean;
  errors: Record<string, string>;
  lineErrors: BatchLineError[];
  formError: string | null;
  refused: object | null;
}) {
  const t = useTranslations("complianceBatch");
  const lineMessage = useLineMessage("complianceBatch");
  // The amount, when every ticked holder takes the same one.
  const fields: ErrorSummaryItem[] =
    source === "selected" && amounts && errors.amount
      ? [{ field: `${uid}-amount`, label: t("amountEach"), message: errors.amount }]
      : [];
  // Refusals that belong to no field here: nothing ticked in the register, or the server's lines for ticked holders.
  const notes = [
    ...(source === "selected" && errors.selected ? [errors.selected] : []),
    ...(source === "selected" ? lineErrors.map(lineMessage) : []),
  ];
  return (
    <BatchRefusal
      ns="complianceBatch"
      {...{ uid, errors, fields, notes, formError, refused }}
      list={source === "list"}
      firstBadLine={lineErrors[0]}
    />
  );
}

/** The batch freeze form's fields: mode, source (ticked holders or a pasted list), amount or list, reason. */
export function FreezeFormFields({
  uid,
  mode,
  onModeChange,
  source,
  onSourceChange,
  selected,
  amounts,
  amount,
  onAmountChange,
  list,
  onListChange,
  reason,
  onReasonChange,
  errors,
  lineErrors,
}: BatchListProps<BatchLineError> & {
  mode: BatchMode;
  onModeChange: (mode: BatchMode) => void;
  source: Source;
  onSourceChange: (source: Source) => void;
  selected: Address[];
  amounts: boolean;
  amount: string;
  onAmountChange: (amount: string) => void;
}) {
  const t = useTranslations("complianceBatch");
  return (
    <>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">{t("mode")}</legend>
        {BATCH_MODES.map((m) => (
          <RadioOption key={m} name={`${uid}-mode`} value={m} checked={mode === m} onChange={() => onModeChange(m)}>
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
          onChange={() => onSourceChange("selected")}
        >
          {t("sourceSelected", { count: selected.length })}
        </RadioOption>
        <RadioOption
          name={`${uid}-source`}
          value="list"
          checked={source === "list"}
          onChange={() => onSourceChange("list")}
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
                  onChange={(e) => onAmountChange(e.target.value)}
                  inputMode="numeric"
                  autoComplete="off"
                />
              )}
            </Field>
          ) : null}
        </>
      ) : (
        <ListField
          ns="complianceBatch"
          id={`${uid}-list`}
          hint={amounts ? t("listHintAmounts") : t("listHintWallets")}
          value={list}
          onChange={onListChange}
          error={errors.list}
          lineErrors={lineErrors}
        />
      )}
      <ReasonField id={`${uid}-reason`} value={reason} onChange={onReasonChange} error={errors.reason} />
    </>
  );
}

/** The preview of a batch freeze: the summary line, one row per holder, and the problems found. */
export function FreezePreview({
  mode,
  symbol,
  rows,
  blockNumber,
  loading,
  onDropProblems,
}: {
  mode: BatchMode;
  symbol: string;
  rows: BatchPreviewRowDto[];
  blockNumber: string;
  loading: boolean;
  onDropProblems: () => void;
}) {
  const t = useTranslations("complianceBatch");
  const locale = useLocale();
  const frozenText = (wallet: boolean, shares: string) =>
    [wallet ? t("wholeWallet") : null, BigInt(shares) > 0n ? t("sharesFrozen", { n: Number(shares) }) : null]
      .filter(Boolean)
      .join(" · ") || t("none");
  const problems = rows.filter((r) => r.problem).length;
  return (
    <>
      <p data-testid="batch-summary">
        {t(`summary.${mode}`, { count: rows.length, symbol })}{" "}
        <span className="text-sm text-ink-muted">{t("atBlock", { block: blockNumber })}</span>
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
        {rows.map((r) => (
          <tr
            key={r.wallet}
            className={cn("border-t border-line", r.problem && "bg-danger-soft")}
            data-wallet={r.wallet.toLowerCase()}
          >
            <th scope="row" className="px-3 py-2 text-left align-top font-normal">
              {r.name ?? t("unknownHolder")}
              <span className="block font-mono text-xs text-ink-muted sm:hidden">{shortAddress(r.wallet)}</span>
            </th>
            <td className="hidden px-3 py-2 align-top font-mono text-xs sm:table-cell">{shortAddress(r.wallet)}</td>
            <td className="px-3 py-2 text-right align-top tabular">{formatCount(BigInt(r.balance), locale)}</td>
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
            problems < rows.length ? (
              <Button size="sm" variant="secondary" onClick={onDropProblems} loading={loading}>
                {t("dropProblems")}
              </Button>
            ) : undefined
          }
        >
          {t("problemsFound", { count: problems })}
        </Alert>
      ) : null}
    </>
  );
}
