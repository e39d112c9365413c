"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { documentKinds } from "@/lib/issuer/client";
import { ChoiceSelect, fileStyles } from "./form-parts";
import { Outcome } from "./listing-outcome";
import { useIssuerUpload } from "./use-issuer-upload";

const MB = 1024 * 1024;

/**
 * A listing file's form: its bytes go to an upload route (app/api/uploads), which checks the session and the
 * listing before it reads them; a file over the limit is refused in the browser first, and the form is not reset
 * by a refusal, so what was typed beside the file stays.
 */
export function UploadForm({
  maxMb,
  target,
  fields,
  submit,
  children,
}: {
  maxMb: number;
  /** Where the form's file goes (its other fields ride along in the query) and as what type. */
  target: (data: FormData, file: File | null) => { url: string; contentType: string };
  /** Each field's control id and label, for the error summary's links. */
  fields: Record<string, { id: string; label: string }>;
  submit: string;
  children: (err: (field: string) => string | string[] | undefined) => ReactNode;
}) {
  const { state, pending, send, guard, err, tooLargeWords } = useIssuerUpload({ field: "file", maxBytes: maxMb * MB });
  return (
    <form
      onSubmit={(event) => {
        guard.onSubmit(event);
        if (event.defaultPrevented) return;
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const file = data.get("file");
        const to = target(data, file instanceof File ? file : null);
        void send(to.url, file instanceof File ? file : new Blob([]), { form, contentType: to.contentType });
      }}
      onChange={guard.onChange}
      className="flex flex-col gap-4"
      noValidate
    >
      {children(err)}
      <Outcome state={state} fields={fields} clientRefusal={guard.refusal} clientErrors={{ file: tooLargeWords }} />
      <SubmitButton variant="secondary" loading={pending}>
        {submit}
      </SubmitButton>
    </form>
  );
}

const uploadUrl = (id: string, what: "images" | "documents", query: Record<string, string>) =>
  `/api/uploads/listings/${encodeURIComponent(id)}/${what}?${new URLSearchParams(query)}`;

/** An image with its alternative text. */
export function ImageUploadForm({ id, maxMb }: { id: string; maxMb: number }) {
  const t = useTranslations("issuer.files");
  return (
    <UploadForm
      maxMb={maxMb}
      target={(data, file) => ({
        url: uploadUrl(id, "images", { alt: String(data.get("alt") ?? "") }),
        contentType: file && file.type ? file.type : "application/octet-stream",
      })}
      fields={{
        file: { id: "image-file", label: t("imageFile") },
        alt: { id: "image-alt", label: t("imageAlt") },
      }}
      submit={t("uploadImage")}
    >
      {(err) => (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="image-file" label={t("imageFile")} hint={t("imageHint", { mb: maxMb })} error={err("file")}>
            {(c) => (
              <input {...c} type="file" name="file" accept="image/jpeg,image/png,image/webp" className={fileStyles} />
            )}
          </Field>
          <Field id="image-alt" label={t("imageAlt")} hint={t("imageAltHint")} error={err("alt")}>
            {(c) => <Input {...c} name="alt" maxLength={200} />}
          </Field>
        </div>
      )}
    </UploadForm>
  );
}

/** A PDF to the upload route (hashed there for anchoring); its title and kind ride along and survive a refusal. */
export function DocumentUploadForm({ id, maxMb }: { id: string; maxMb: number }) {
  const t = useTranslations("issuer.files");
  return (
    <UploadForm
      maxMb={maxMb}
      target={(data) => ({
        url: uploadUrl(id, "documents", {
          title: String(data.get("title") ?? ""),
          kind: String(data.get("kind") ?? ""),
        }),
        contentType: "application/pdf",
      })}
      fields={{
        title: { id: "document-title", label: t("documentTitle") },
        kind: { id: "document-kind", label: t("documentKind") },
        file: { id: "document-file", label: t("documentFile") },
      }}
      submit={t("uploadDocument")}
    >
      {(err) => (
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="document-title" label={t("documentTitle")} error={err("title")}>
            {(c) => <Input {...c} name="title" maxLength={200} />}
          </Field>
          <Field id="document-kind" label={t("documentKind")} error={err("kind")}>
            {(c) => (
              <ChoiceSelect
                control={c}
                name="kind"
                defaultValue="appraisal"
                options={documentKinds}
                label={(k) => t(`kinds.${k}`)}
              />
            )}
          </Field>
          <Field
            id="document-file"
            label={t("documentFile")}
            hint={t("documentHint", { mb: maxMb })}
            error={err("file")}
          >
            {(c) => <input {...c} type="file" name="file" accept="application/pdf" className={fileStyles} />}
          </Field>
        </div>
      )}
    </UploadForm>
  );
}
