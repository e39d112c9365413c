"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { controlStyles, Input, Select } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { ErrorSummary, errorItems } from "@/components/ui/error-summary";
import { documentKinds } from "@/lib/issuer/kinds";
import {
  deleteListingAction,
  type IssuerActionState,
  removeDocumentAction,
  removeImageAction,
  reviewListingAction,
  submitListingAction,
  withdrawListingAction,
} from "./actions";
import { useUpload, type UploadState } from "@/components/uploads/use-upload";
import { useFileSizeGuard } from "./use-file-size-guard";

const MB = 1024 * 1024;

/**
 * What became of the last submission: a refusal (the server's, or `clientRefusal` from the browser's own check) in
 * the shared error summary, which takes focus and links to each refused field of `fields` (name → control id and
 * label); a success in a polite status.
 */
function Outcome({
  state,
  fields = {},
  clientRefusal = null,
  clientErrors,
}: {
  state: IssuerActionState | UploadState;
  fields?: Record<string, { id: string; label: string }>;
  clientRefusal?: object | null;
  clientErrors?: Record<string, string>;
}) {
  const tUi = useTranslations("ui.errorSummary");
  const fieldErrors = clientRefusal ? clientErrors : state && !state.ok ? state.fieldErrors : undefined;
  const refused = clientRefusal ?? (state && !state.ok ? state : null);
  const items = errorItems(fieldErrors, {
    order: Object.keys(fields),
    control: (name) => fields[name]?.id ?? name,
    label: (name) => fields[name]?.label ?? name,
  });
  return (
    <>
      {refused ? (
        <ErrorSummary
          title={items.length > 0 ? tUi("fields") : state && !state.ok ? state.message : tUi("fields")}
          focusKey={refused}
          items={items}
        />
      ) : null}
      <StatusOutcome state={state} />
    </>
  );
}

function StatusOutcome({ state }: { state: IssuerActionState | UploadState }) {
  return (
    <div aria-live="polite" role="status">
      {state?.ok && state.message ? (
        <Alert tone="success" role="none">
          {state.message}
        </Alert>
      ) : null}
    </div>
  );
}

const fileStyles = cn(
  controlStyles,
  "h-auto py-2 file:mr-3 file:rounded-md file:border-0 file:bg-surface-muted file:px-3 file:py-1 file:text-sm",
);

/** Fallback words of the upload routes' answers, in the issuer's namespace. */
function useIssuerUpload() {
  const tErrors = useTranslations("issuer.errors");
  return useUpload({
    unavailable: tErrors("codes.unavailable"),
    tooLarge: tErrors("codes.tooLarge"),
    wait: (seconds) => tErrors("codes.rate_limited_wait", { seconds }),
  });
}

/**
 * The image's bytes go to an upload route (app/api/uploads), which checks the session and the listing before it
 * reads them; the form is not reset by a refusal, so the alternative text typed stays.
 */
export function ImageUploadForm({ id, maxMb }: { id: string; maxMb: number }) {
  const t = useTranslations("issuer.files");
  const tErrors = useTranslations("issuer.errors");
  const { state, pending, send } = useIssuerUpload();
  const guard = useFileSizeGuard({ field: "file", maxBytes: maxMb * MB });
  const err = (f: string) =>
    f === "file" && guard.tooLarge
      ? tErrors("codes.tooLarge")
      : state && !state.ok
        ? state.fieldErrors?.[f]
        : undefined;
  return (
    <form
      onSubmit={(event) => {
        guard.onSubmit(event);
        if (event.defaultPrevented) return;
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const file = data.get("file");
        const query = new URLSearchParams({ alt: String(data.get("alt") ?? "") });
        void send(
          `/api/uploads/listings/${encodeURIComponent(id)}/images?${query}`,
          file instanceof File ? file : new Blob([]),
          { form, contentType: file instanceof File && file.type ? file.type : "application/octet-stream" },
        );
      }}
      onChange={guard.onChange}
      className="flex flex-col gap-4"
      noValidate
    >
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
      <Outcome
        state={state}
        fields={{
          file: { id: "image-file", label: t("imageFile") },
          alt: { id: "image-alt", label: t("imageAlt") },
        }}
        clientRefusal={guard.refusal}
        clientErrors={{ file: tErrors("codes.tooLarge") }}
      />
      <div>
        <Button type="submit" variant="secondary" loading={pending}>
          {t("uploadImage")}
        </Button>
      </div>
    </form>
  );
}

/** A PDF to the upload route (hashed there for anchoring); its title and kind ride along and survive a refusal. */
export function DocumentUploadForm({ id, maxMb }: { id: string; maxMb: number }) {
  const t = useTranslations("issuer.files");
  const tErrors = useTranslations("issuer.errors");
  const { state, pending, send } = useIssuerUpload();
  const guard = useFileSizeGuard({ field: "file", maxBytes: maxMb * MB });
  const err = (f: string) =>
    f === "file" && guard.tooLarge
      ? tErrors("codes.tooLarge")
      : state && !state.ok
        ? state.fieldErrors?.[f]
        : undefined;
  return (
    <form
      onSubmit={(event) => {
        guard.onSubmit(event);
        if (event.defaultPrevented) return;
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const file = data.get("file");
        const query = new URLSearchParams({
          title: String(data.get("title") ?? ""),
          kind: String(data.get("kind") ?? ""),
        });
        void send(
          `/api/uploads/listings/${encodeURIComponent(id)}/documents?${query}`,
          file instanceof File ? file : new Blob([]),
          { form, contentType: "application/pdf" },
        );
      }}
      onChange={guard.onChange}
      className="flex flex-col gap-4"
      noValidate
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="document-title" label={t("documentTitle")} error={err("title")}>
          {(c) => <Input {...c} name="title" maxLength={200} />}
        </Field>
        <Field id="document-kind" label={t("documentKind")} error={err("kind")}>
          {(c) => (
            <Select {...c} name="kind" defaultValue="appraisal">
              {documentKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="document-file" label={t("documentFile")} hint={t("documentHint", { mb: maxMb })} error={err("file")}>
          {(c) => <input {...c} type="file" name="file" accept="application/pdf" className={fileStyles} />}
        </Field>
      </div>
      <Outcome
        state={state}
        fields={{
          title: { id: "document-title", label: t("documentTitle") },
          kind: { id: "document-kind", label: t("documentKind") },
          file: { id: "document-file", label: t("documentFile") },
        }}
        clientRefusal={guard.refusal}
        clientErrors={{ file: tErrors("codes.tooLarge") }}
      />
      <div>
        <Button type="submit" variant="secondary" loading={pending}>
          {t("uploadDocument")}
        </Button>
      </div>
    </form>
  );
}

/**
 * A "Remove" button that asks first, in a dialog saying what goes; the removal itself is a server action
 * (ownership, editable state and audit checked there). A refusal is shown in the dialog.
 */
function ConfirmRemove({
  action,
  fields,
  label,
  title,
  body,
  trigger,
  confirm,
}: {
  action: (prev: IssuerActionState, form: FormData) => Promise<IssuerActionState>;
  fields: Record<string, string>;
  /** Accessible name of the button that opens the dialog, naming what is removed. */
  label?: string;
  title: string;
  body: string;
  /** Visible text of the opening button and of the confirming button (default "Remove"). */
  trigger?: string;
  confirm?: string;
}) {
  const t = useTranslations("issuer.files");
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState<IssuerActionState, FormData>(action, null);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={title}
      description={body}
      closeLabel={t("close")}
      trigger={
        <Button variant={trigger ? "secondary" : "ghost"} size="sm" aria-label={label}>
          {trigger ?? t("remove")}
        </Button>
      }
    >
      <form action={formAction} className="flex flex-col gap-4">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {state && !state.ok ? <ErrorSummary title={state.message} focusKey={state} /> : null}
        <div className="flex flex-wrap justify-end gap-3">
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
            {t("cancel")}
          </Button>
          <Button type="submit" variant="danger" loading={pending}>
            {confirm ?? t("confirmRemove")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function RemoveDocumentForm({ id, documentId, title }: { id: string; documentId: string; title: string }) {
  const t = useTranslations("issuer.files");
  return (
    <ConfirmRemove
      action={removeDocumentAction}
      fields={{ id, documentId }}
      label={t("removeDocument", { title })}
      title={t("removeDocumentTitle")}
      body={t("removeDocumentBody", { title })}
    />
  );
}

export function RemoveImageForm({ id, src, alt }: { id: string; src: string; alt: string }) {
  const t = useTranslations("issuer.files");
  return (
    <ConfirmRemove
      action={removeImageAction}
      fields={{ id, src }}
      label={t("removeImage", { alt })}
      title={t("removeImageTitle")}
      body={t("removeImageBody", { alt })}
    />
  );
}

/** Takes a listing in review back to a draft, after a confirmation. */
export function WithdrawListingForm({ id, title }: { id: string; title: string }) {
  const t = useTranslations("issuer.detail");
  return (
    <ConfirmRemove
      action={withdrawListingAction}
      fields={{ id }}
      title={t("withdrawTitle")}
      body={t("withdrawBody", { title })}
      trigger={t("withdraw")}
      confirm={t("withdrawConfirm")}
    />
  );
}

/** Deletes a draft or returned listing with its files, after a confirmation. */
export function DeleteListingForm({ id, title }: { id: string; title: string }) {
  const t = useTranslations("issuer.detail");
  return (
    <ConfirmRemove
      action={deleteListingAction}
      fields={{ id }}
      title={t("deleteTitle")}
      body={t("deleteBody", { title })}
      trigger={t("delete")}
      confirm={t("deleteConfirm")}
    />
  );
}

export function SubmitListingForm({ id, disabledReason }: { id: string; disabledReason: string | null }) {
  const t = useTranslations("issuer.detail");
  const [state, action, pending] = useActionState<IssuerActionState, FormData>(submitListingAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-ink-muted">{disabledReason ?? t("submitExplain")}</p>
      <Outcome state={state} />
      <div>
        <Button type="submit" loading={pending} disabled={!!disabledReason}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}

export function ReviewForm({ id, title }: { id: string; title: string }) {
  const t = useTranslations("issuer.review");
  const [state, action, pending] = useActionState<IssuerActionState, FormData>(reviewListingAction, null);
  const err = state && !state.ok ? state.fieldErrors?.comment : undefined;
  return (
    <form action={action} className="flex flex-col gap-3" aria-label={t("formLabel", { title })}>
      <input type="hidden" name="id" value={id} />
      <Field id={`comment-${id}`} label={t("comment")} hint={t("commentHint")} error={err}>
        {(c) => (
          <textarea {...c} name="comment" rows={3} maxLength={2000} className={cn(controlStyles, "h-auto py-2")} />
        )}
      </Field>
      <Outcome state={state} fields={{ comment: { id: `comment-${id}`, label: t("comment") } }} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="decision" value="approve" loading={pending}>
          {t("approve")}
        </Button>
        <Button type="submit" name="decision" value="return" variant="secondary" disabled={pending}>
          {t("return")}
        </Button>
      </div>
    </form>
  );
}
