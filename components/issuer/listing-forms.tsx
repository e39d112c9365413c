"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button, SubmitButton } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorSummary } from "@/components/ui/error-summary";
import {
  deleteListingAction,
  type IssuerActionState,
  removeDocumentAction,
  removeImageAction,
  submitListingAction,
  withdrawListingAction,
} from "./actions";
import { Outcome } from "./listing-outcome";

export { DocumentUploadForm, ImageUploadForm } from "./listing-uploads";

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

/** Removes a document of an editable listing, after a confirmation naming it. */
export function RemoveDocumentForm({ id, documentId, title }: { id: string; documentId: string; title: string }) {
  return <RemoveFileForm action={removeDocumentAction} fields={{ id, documentId }} what="Document" name={{ title }} />;
}

/** Removes an image of an editable listing, after a confirmation naming it by its alternative text. */
export function RemoveImageForm({ id, src, alt }: { id: string; src: string; alt: string }) {
  return <RemoveFileForm action={removeImageAction} fields={{ id, src }} what="Image" name={{ alt }} />;
}

function RemoveFileForm(props: {
  action: (prev: IssuerActionState, form: FormData) => Promise<IssuerActionState>;
  fields: Record<string, string>;
  what: "Document" | "Image";
  name: { title: string } | { alt: string };
}) {
  const t = useTranslations("issuer.files");
  const words = props.name as { title: string; alt: string };
  return (
    <ConfirmRemove
      action={props.action}
      fields={props.fields}
      label={t(`remove${props.what}`, words)}
      title={t(`remove${props.what}Title`)}
      body={t(`remove${props.what}Body`, words)}
    />
  );
}

const listingChanges = { withdraw: withdrawListingAction, delete: deleteListingAction } as const;

/** Withdraws a listing in review (back to a draft) or deletes a draft with its files, after a confirmation. */
function ListingChangeForm({ id, title, change }: { id: string; title: string; change: keyof typeof listingChanges }) {
  const t = useTranslations("issuer.detail");
  return (
    <ConfirmRemove
      action={listingChanges[change]}
      fields={{ id }}
      title={t(`${change}Title`)}
      body={t(`${change}Body`, { title })}
      trigger={t(change)}
      confirm={t(`${change}Confirm`)}
    />
  );
}

/** Takes a listing in review back to a draft, after a confirmation. */
export const WithdrawListingForm = (p: { id: string; title: string }) => <ListingChangeForm {...p} change="withdraw" />;

/** Deletes a draft or returned listing with its files, after a confirmation. */
export const DeleteListingForm = (p: { id: string; title: string }) => <ListingChangeForm {...p} change="delete" />;

export function SubmitListingForm({ id, disabledReason }: { id: string; disabledReason: string | null }) {
  const t = useTranslations("issuer.detail");
  const [state, action, pending] = useActionState<IssuerActionState, FormData>(submitListingAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-ink-muted">{disabledReason ?? t("submitExplain")}</p>
      <Outcome state={state} />
      <SubmitButton loading={pending} disabled={!!disabledReason}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
