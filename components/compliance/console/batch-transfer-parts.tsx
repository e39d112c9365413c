"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TransferLineError } from "@/lib/compliance/client";
import type { TransferPreviewRowDto } from "./batch-transfer-actions";
import { type BatchListProps, ListField, ReasonField } from "./batch-parts";
import { TransferRowsTable, WhatWillMove } from "./transfer-rows";

/** The batch forced transfer form's fields: the pasted rows (and adding the ticked holders), and the reason. */
export function TransferFormFields({
  uid,
  list,
  onListChange,
  note,
  onAddTicked,
  reason,
  onReasonChange,
  errors,
  lineErrors,
}: BatchListProps<TransferLineError> & {
  note: string | null;
  onAddTicked: () => void;
}) {
  const t = useTranslations("complianceBatchTransfer");
  return (
    <>
      <ListField
        ns="complianceBatchTransfer"
        id={`${uid}-list`}
        hint={t("listHint")}
        value={list}
        onChange={onListChange}
        error={errors.list}
        lineErrors={lineErrors}
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" variant="ghost" onClick={onAddTicked}>
          {t("addTicked")}
        </Button>
        <p aria-live="polite" className="text-sm text-ink-muted">
          {note}
        </p>
      </div>
      <ReasonField id={`${uid}-reason`} value={reason} onChange={onReasonChange} error={errors.reason} />
    </>
  );
}

/**
 * A batch forced transfer's rows checked against the chain: the table, then the problems found (focused, announced)
 * or what will move, with the step's own words (`children`).
 */
export function TransferChecks({
  rows,
  problems,
  focusKey,
  symbol,
  uid,
  children,
}: {
  rows: TransferPreviewRowDto[];
  problems: number;
  focusKey: object;
  symbol: string;
  uid: string;
  children: ReactNode;
}) {
  const t = useTranslations("complianceBatchTransfer");
  return (
    <>
      <TransferRowsTable rows={rows} caption={t("previewCaption")} />
      {problems ? (
        <ErrorSummary title={t("problemsFound", { count: problems })} focusKey={focusKey} />
      ) : (
        <WhatWillMove rows={rows} symbol={symbol} id={`${uid}-confirm`}>
          {children}
        </WhatWillMove>
      )}
    </>
  );
}
