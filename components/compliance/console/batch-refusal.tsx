"use client";

// i18n-namespaces: complianceBatch, complianceBatchTransfer (besides its literal ones: the namespaces it reads by variable or from the root)

import { useTranslations } from "next-intl";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/ui/error-summary";
import type { BatchLineError, TransferLineError } from "@/lib/compliance/client";
import { useLineMessage } from "./batch-parts";

/**
 * The error summary of a refused batch step (the server's refusal as its title): the pasted list (when `list`), by
 * its first bad line (the field itself lists every bad line), and the reason, each linking to its field; `fields` the dialog's own
 * fields before them; `notes` refusals that belong to no field. Shown once `refused` is set and there is something to
 * say.
 */
export function BatchRefusal({
  ns,
  uid,
  errors,
  list = true,
  firstBadLine,
  fields = [],
  notes = [],
  formError,
  refused,
}: {
  ns: "complianceBatch" | "complianceBatchTransfer";
  uid: string;
  errors: Record<string, string>;
  /** Whether the dialog shows a pasted list (a batch freeze of the ticked holders does not). */
  list?: boolean;
  firstBadLine?: BatchLineError | TransferLineError;
  fields?: ErrorSummaryItem[];
  notes?: string[];
  formError: string | null;
  refused: object | null;
}) {
  // Both namespaces hold the `list` label: one type stands for both.
  const t = useTranslations(ns as "complianceBatchTransfer");
  const ta = useTranslations("complianceConsole.actions");
  const tUi = useTranslations("ui.errorSummary");
  const lineMessage = useLineMessage(ns);
  const listMessage = list ? (errors.list ?? (firstBadLine ? lineMessage(firstBadLine) : undefined)) : undefined;
  const items: ErrorSummaryItem[] = [
    ...fields,
    ...(listMessage ? [{ field: `${uid}-list`, label: t("list"), message: listMessage }] : []),
    ...(errors.reason ? [{ field: `${uid}-reason`, label: ta("reason"), message: errors.reason }] : []),
  ];
  if (!refused || (!formError && items.length === 0 && notes.length === 0)) return null;
  return (
    <ErrorSummary title={formError ?? tUi("fields")} focusKey={refused} items={items}>
      {notes.length ? (
        <ul className="flex flex-col gap-1">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </ErrorSummary>
  );
}
