"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/button";
import type { KybDocumentKind } from "@/lib/kyb/types";
import type { KycDocumentKind } from "@/lib/kyc/types";
import { MAX_DOCUMENT_BYTES } from "@/lib/kyc/client";
import { useUpload } from "@/components/uploads/use-upload";

export type UploadedDocument = { id: string; name: string; mime: string; sizeBytes: number };

/** One document slot: what is uploaded (with a link to view it), and a form to upload or replace it. */
export function DocumentUpload({
  applicationId,
  kind,
  uploaded,
  uploadBase = "/api/uploads/kyc",
  viewBase = "/api/kyc/documents",
}: {
  applicationId: string;
  /** A KYC document kind, or an issuer application's (KYB) — titled under `kyc.documents.kinds` either way. */
  kind: KycDocumentKind | KybDocumentKind;
  uploaded: UploadedDocument | null;
  /** The upload route (`…/:applicationId/:kind`) and the authorised file route (`…/:id`) of the application's kind. */
  uploadBase?: string;
  viewBase?: string;
}) {
  const t = useTranslations("kyc.documents");
  const tErrors = useTranslations("kyc.errors");
  const tUi = useTranslations("ui.errorSummary");
  // The file goes to an upload route that checks the session and the application before reading it.
  const { state, pending, send } = useUpload({
    unavailable: tErrors("unavailable"),
    tooLarge: t("errors.too_large"),
    wait: (seconds) => tErrors("rate_limited_wait", { seconds }),
  });
  // An object per refusal, so that the same refusal twice still moves focus to the summary again.
  const [clientError, setClientError] = useState<{ message: string } | null>(null);
  const inputId = `file-${kind}`;
  const refused = clientError ?? (state && !state.ok ? state : null);
  const fieldError = clientError ? clientError.message : state && !state.ok ? state.fieldErrors?.file : undefined;
  const error = fieldError ?? (state && !state.ok ? state.message : null);
  const label = uploaded
    ? t("replaceLabel", { title: t(`kinds.${kind}.title`) })
    : t("uploadLabel", { title: t(`kinds.${kind}.title`) });
  return (
    <section aria-labelledby={`${inputId}-title`} className="flex flex-col gap-3 rounded-xl border border-line p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`${inputId}-title`} className="font-medium">
          {t(`kinds.${kind}.title`)}
        </h3>
        {uploaded ? (
          <span className="text-sm text-success">{t("uploaded")}</span>
        ) : (
          <span className="text-sm text-ink-muted">{t("missing")}</span>
        )}
      </div>
      <p className="text-sm text-ink-muted">{t(`kinds.${kind}.body`)}</p>
      {uploaded ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span className="break-all">{uploaded.name}</span>
          <span className="text-ink-muted">({Math.max(1, Math.round(uploaded.sizeBytes / 1024))} KB)</span>
          <a href={`${viewBase}/${uploaded.id}`} target="_blank" rel="noreferrer" className="text-accent underline">
            {t("view")}
          </a>
        </p>
      ) : null}
      <form
        className="flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const file = (form.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
          if (!file) return setClientError({ message: t("errors.fileMissing") });
          if (file.size > MAX_DOCUMENT_BYTES) return setClientError({ message: t("errors.too_large") });
          setClientError(null);
          const query = new URLSearchParams({ name: file.name });
          void send(`${uploadBase}/${encodeURIComponent(applicationId)}/${encodeURIComponent(kind)}?${query}`, file, {
            form,
            contentType: file.type || "application/octet-stream",
          });
        }}
      >
        {refused ? (
          <ErrorSummary
            title={fieldError ? tUi("fields") : error}
            focusKey={refused}
            items={fieldError ? [{ field: inputId, label, message: fieldError }] : []}
          />
        ) : null}
        <label htmlFor={inputId} className="text-sm font-medium">
          {label}
        </label>
        <input
          id={inputId}
          name="file"
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          aria-describedby={`${inputId}-hint ${inputId}-error`}
          aria-invalid={error ? true : undefined}
          className="text-sm file:mr-3 file:rounded-full file:border file:border-line-strong file:bg-surface file:px-3 file:py-1.5 file:text-sm"
        />
        <p id={`${inputId}-hint`} className="text-xs text-ink-muted">
          {t("hint")}
        </p>
        <div id={`${inputId}-error`} aria-live="polite" className="empty:hidden">
          {error ? <p className="text-xs font-medium text-danger">{error}</p> : null}
        </div>
        <SubmitButton variant="secondary" size="sm" disabled={pending} aria-busy={pending || undefined}>
          {t("upload", { title: t(`kinds.${kind}.title`) })}
        </SubmitButton>
      </form>
    </section>
  );
}
