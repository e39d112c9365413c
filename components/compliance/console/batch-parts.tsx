"use client";

// i18n-namespaces: complianceBatch, complianceBatchTransfer (besides its literal ones: the namespaces it reads by variable or from the root)

import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { DataTable } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { TextArea } from "@/components/ui/input";
import { Section } from "@/components/ui/section";
import type { ActionFailure } from "@/lib/actions/errors";
import type { BatchLineError, TransferLineError } from "@/lib/compliance/client";
import { describeAmountError } from "@/lib/format/amount";

/** The reason every agent action records in the audit log: 5 to 500 characters once trimmed. */
export const reasonIsValid = (reason: string) => {
  const r = reason.trim();
  return r.length >= 5 && r.length <= 500;
};

/** The required reason of an officer's transaction (single action, batch, proposal), as a multi-line field. */
export function ReasonField({
  id,
  value,
  onChange,
  error,
  rows = 3,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  rows?: number;
}) {
  const t = useTranslations("complianceConsole.actions");
  return (
    <Field id={id} label={t("reason")} hint={t("reasonHint")} error={error}>
      {(control) => (
        <TextArea {...control} value={value} onChange={(e) => onChange(e.target.value)} rows={rows} maxLength={500} />
      )}
    </Field>
  );
}

/** The reason as the officer typed it, repeated on the review step. */
export function ReasonNote({ reason }: { reason: string }) {
  const t = useTranslations("complianceConsole.actions");
  return (
    <p className="text-sm text-ink-muted">
      {t("reason")}: {reason.trim()}
    </p>
  );
}

/** What both batch forms' fields take for the pasted list and the reason (each batch with its own line errors). */
export type BatchListProps<E extends BatchLineError | TransferLineError> = {
  uid: string;
  list: string;
  onListChange: (list: string) => void;
  reason: string;
  onReasonChange: (reason: string) => void;
  /** Field errors by name (`list`, `reason`, …). */
  errors: Record<string, string>;
  lineErrors: E[];
};

/**
 * A batch's pasted list (one row a line), in a monospaced field that lists every bad line under it in the batch's
 * words (`ns`: its `list` label and `lines.*`), unless the list itself is refused (`error`).
 */
export function ListField({
  ns,
  id,
  hint,
  value,
  onChange,
  error,
  lineErrors,
}: {
  ns: "complianceBatch" | "complianceBatchTransfer";
  id: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  lineErrors: (BatchLineError | TransferLineError)[];
}) {
  // Both namespaces hold the same `list` label: one type stands for both.
  const t = useTranslations(ns as "complianceBatchTransfer");
  const lineMessage = useLineMessage(ns);
  return (
    <Field
      id={id}
      label={t("list")}
      hint={hint}
      error={error ?? (lineErrors.length ? lineErrors.map(lineMessage) : undefined)}
    >
      {(control) => (
        <TextArea
          {...control}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          rows={6}
          spellCheck={false}
          className="font-mono text-xs"
        />
      )}
    </Field>
  );
}

/** One radio button with its label on the same line. */
export function RadioOption({
  name,
  value,
  checked,
  onChange,
  children,
}: {
  name: string;
  value: string;
  checked: boolean;
  onChange: () => void;
  children: ReactNode;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        onChange={onChange}
        className="size-4 accent-accent"
      />
      {children}
    </label>
  );
}

/** "What will change" before signing: a titled, labelled box. */
export function ConfirmBox({
  id,
  title,
  testId,
  children,
}: {
  id: string;
  title: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Section id={id} title={title} look="confirm" level={3} testId={testId}>
      {children}
    </Section>
  );
}

/** The scrolling table of a batch's preview, one row per line of the batch, its head kept in view. */
export function PreviewTable({
  testId,
  caption,
  columns,
  children,
}: {
  testId: string;
  caption: string;
  /** Each column's heading and its classes (padding, alignment, hidden on a phone). */
  columns: readonly { label: string; className: string }[];
  children: ReactNode;
}) {
  return (
    <DataTable
      caption={caption}
      columns={[...columns]}
      minWidth="0"
      maxHeight="45vh"
      headCellClassName="font-medium"
      testId={testId}
    >
      {children}
    </DataTable>
  );
}

/** A pasted list's bad line in words (batch freeze and batch forced transfer word them alike). */
export function useLineMessage(ns: "complianceBatch" | "complianceBatchTransfer") {
  // Both namespaces hold the same `lines.*` keys (each with its own codes): one type stands for both.
  const t = useTranslations(ns as "complianceBatchTransfer");
  const tAmount = useTranslations("amounts");
  const locale = useLocale();
  return (e: BatchLineError | TransferLineError): string => {
    switch (e.code) {
      case "amount":
        return t("lines.amount", { line: e.line, reason: describeAmountError(e.error, tAmount, locale) });
      case "duplicate":
        return t("lines.duplicate", { line: e.line, first: e.firstLine });
      case "tooMany":
        return t("lines.tooMany", { line: e.line, max: e.max });
      default:
        return t(`lines.${e.code}` as "lines.from", { line: e.line });
    }
  };
}

type PreviewResult<P, L> = ({ ok: true } & P) | (ActionFailure & { lineErrors?: L[] });

/**
 * The state of a batch dialog before signing: field errors, the list's bad lines, the server's refusal, and the
 * preview with its count of problem rows. `refused` is a new object on every refusal (in the browser or by the server): the error summary takes
 * focus.
 */
export function useBatchPreview<P extends { rows: readonly { problem: unknown }[] }, L>(initialLoading = false) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [lineErrors, setLineErrors] = useState<L[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [refused, setRefused] = useState<object | null>(null);
  const [loading, setLoading] = useState(initialLoading);
  const [preview, setPreview] = useState<P | null>(null);

  function reset() {
    setPreview(null);
    setErrors({});
    setLineErrors([]);
    setFormError(null);
    setRefused(null);
  }

  /** The browser's checks: true (and the summary focused) when a field or a line is refused. */
  function refuse(found: Record<string, string>, lines: L[]): boolean {
    setErrors(found);
    setLineErrors(lines);
    setFormError(null);
    const bad = Object.keys(found).length > 0 || lines.length > 0;
    if (bad) setRefused({});
    return bad;
  }

  /** Asks the server for the preview; a refusal (or no answer) shows in the summary, `clear` drops the old preview. */
  async function load(request: () => Promise<PreviewResult<P, L>>, unavailable: string, clear = false) {
    setLoading(true);
    setFormError(null);
    try {
      const result = await request();
      if (!result.ok) {
        setLineErrors(result.lineErrors ?? []);
        setFormError(result.message);
        setRefused({});
        if (clear) setPreview(null);
        return;
      }
      setPreview(result);
    } catch {
      setFormError(unavailable);
      setRefused({});
    } finally {
      setLoading(false);
    }
  }

  return {
    errors,
    setErrors,
    lineErrors,
    setLineErrors,
    formError,
    refused,
    setRefused,
    loading,
    preview,
    setPreview,
    /** How many of the preview's rows have a problem (none may, to sign). */
    problems: preview?.rows.filter((r) => r.problem).length ?? 0,
    reset,
    refuse,
    load,
  };
}
