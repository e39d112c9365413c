"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { artworkUpdateKinds, type ArtworkUpdateKind } from "@/lib/issuer/client";
import { useIssuerUpload } from "./use-issuer-upload";
import { ChoiceSelect, fileStyles, SavedStatus, textareaStyles } from "./form-parts";

/**
 * Write an update (valuation, condition report, exhibition, custody change) with up to three PDFs. Validated
 * on the server field by field; the typed values survive a refused submit. A valuation asks for its value
 * and appraiser; the other kinds do not show those fields.
 */
export function UpdateForm({
  id,
  maxMb,
  maxFiles,
  today,
}: {
  id: string;
  maxMb: number;
  maxFiles: number;
  today: string;
}) {
  const t = useTranslations("issuer.updates");
  const { state, pending, send, guard, err } = useIssuerUpload({ field: "files", maxBytes: maxMb * 1024 * 1024 });
  const [kind, setKind] = useState<ArtworkUpdateKind>("valuation");
  // A saved update starts a fresh form; a refused one keeps everything typed (the form is never reset by it).
  const [saved, setSaved] = useState(0);

  return (
    // The text and PDFs go together as one multipart body to the upload route, which checks the session and the
    // listing before reading it.
    <form
      key={saved}
      onSubmit={(event) => {
        guard.onSubmit(event);
        if (event.defaultPrevented) return;
        event.preventDefault();
        const form = event.currentTarget;
        void send(`/api/uploads/listings/${encodeURIComponent(id)}/updates`, new FormData(form), { form }).then(
          (ok) => {
            if (!ok) return;
            setKind("valuation");
            setSaved((n) => n + 1);
          },
        );
      }}
      onChange={guard.onChange}
      noValidate
      className="flex flex-col gap-5"
      aria-label={t("formLabel")}
    >
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="update-kind" label={t("fields.kind")} error={err("kind")}>
          {(c) => (
            <ChoiceSelect
              control={c}
              name="kind"
              value={kind}
              onChange={setKind}
              options={artworkUpdateKinds}
              label={(k) => t(`kinds.${k}`)}
            />
          )}
        </Field>
        <Field id="update-date" label={t(`dateLabel.${kind}`)} error={err("eventDate")}>
          {(c) => <Input {...c} type="date" name="eventDate" defaultValue={today} required />}
        </Field>
        <div className="sm:col-span-2">
          <Field id="update-title" label={t("fields.title")} error={err("title")}>
            {(c) => <Input {...c} name="title" maxLength={120} required autoComplete="off" />}
          </Field>
        </div>
        {kind === "valuation" ? (
          <>
            <Field id="update-value" label={t("fields.value")} hint={t("hints.value")} error={err("value")}>
              {(c) => <Input {...c} name="value" inputMode="decimal" required autoComplete="off" />}
            </Field>
            <Field id="update-appraiser" label={t("fields.appraiser")} error={err("appraiser")}>
              {(c) => <Input {...c} name="appraiser" maxLength={200} required autoComplete="off" />}
            </Field>
          </>
        ) : null}
        <div className="sm:col-span-2">
          <Field id="update-body" label={t("fields.bodyMd")} hint={t("hints.bodyMd")} error={err("bodyMd")}>
            {(c) => <textarea {...c} name="bodyMd" rows={5} required className={textareaStyles} />}
          </Field>
        </div>
        <div className="sm:col-span-2">
          <Field
            id="update-files"
            label={t("fields.files")}
            hint={t("hints.files", { count: maxFiles, mb: maxMb })}
            error={err("files")}
          >
            {(c) => <input {...c} type="file" name="files" multiple accept="application/pdf" className={fileStyles} />}
          </Field>
        </div>
      </div>
      {state && !state.ok ? (
        <ErrorSummary
          title={state.fieldErrors ? t("refused") : state.message}
          focusKey={state}
          items={Object.entries(state.fieldErrors ?? {}).map(([name, message]) =>
            name === "eventDate"
              ? { field: "update-date", label: t(`dateLabel.${kind}`), message }
              : name === "bodyMd"
                ? { field: "update-body", label: t("fields.bodyMd"), message }
                : { field: `update-${name}`, label: t(`fields.${name}` as "fields.title"), message },
          )}
        />
      ) : null}
      <SavedStatus state={state} />
      <SubmitButton loading={pending}>{t("save")}</SubmitButton>
    </form>
  );
}
