"use client";

import Link from "next/link";
import { type FormEvent, type ReactNode, startTransition, useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Button, buttonStyles } from "@/components/ui/button";
import type { KycFormState } from "@/lib/kyc/client";
import { saveStepAction } from "./actions";

/** What every wizard step form is given: its application, what was saved before, and where "Back" goes. */
export type StepProps<T> = { applicationId: string; initial: T; back?: string };

/** A field's messages from a refused submission (undefined when none). */
export type FieldErrorsOf = (field: string) => string[] | undefined;

/**
 * Submits through the action without React's automatic form reset, so a form refused with field errors keeps
 * what the investor typed.
 */
export function keepValues(dispatch: (payload: FormData) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
}

/**
 * The refused step's error summary: focused and announced after each refused submission. With `labels`
 * (field id → its label) it lists each refused field with a link to it; field ids are the form's `Field` ids.
 */
export function FormError({ state, labels }: { state: KycFormState; labels?: (field: string) => string }) {
  if (!state || state.ok) return null;
  const items = labels
    ? Object.entries(state.fieldErrors ?? {}).flatMap(([field, messages]) => {
        const message = Array.isArray(messages) ? messages[0] : messages;
        return message ? [{ field, label: labels(field), message }] : [];
      })
    : [];
  return <ErrorSummary title={state.message} focusKey={state} items={items} />;
}

export const errorsOf = (state: KycFormState, field: string) =>
  state && !state.ok ? state.fieldErrors?.[field] : undefined;

/** A control's messages under it, in a polite live region that is always in the page (for `aria-describedby`). */
export function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  return (
    <div id={id} aria-live="polite" className="text-xs font-medium text-danger empty:hidden">
      {errors?.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}

function Actions({ pending, back, label }: { pending: boolean; back?: string; label?: string }) {
  const t = useTranslations("kyc.wizard");
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-t border-line pt-5">
      {back ? (
        <Link href={back} className={buttonStyles({ variant: "ghost" })}>
          {t("back")}
        </Link>
      ) : (
        <span />
      )}
      <Button type="submit" aria-busy={pending || undefined} disabled={pending}>
        {label ?? t("saveContinue")}
      </Button>
    </div>
  );
}

/**
 * One wizard step's form: saved through `saveStepAction(step)`, with the error summary on top, the step's own
 * fields (given each field's messages) and Back / Save and continue below.
 */
export function StepForm({
  step,
  applicationId,
  back,
  labels,
  submitLabel,
  className = "flex flex-col gap-5",
  summary = () => true,
  children,
}: {
  step: string;
  applicationId: string;
  back?: string;
  labels?: (field: string) => string;
  submitLabel?: string;
  className?: string;
  /** Whether a refusal is said in the summary (a step may say some refusals its own way). */
  summary?: (state: KycFormState) => boolean;
  children: (errors: FieldErrorsOf) => ReactNode;
}) {
  const [state, action, pending] = useActionState(saveStepAction.bind(null, step), null);
  return (
    <form onSubmit={keepValues(action)} className={className} noValidate>
      <input type="hidden" name="applicationId" value={applicationId} />
      {summary(state) ? <FormError state={state} labels={labels} /> : null}
      {children((field) => errorsOf(state, field))}
      <Actions pending={pending} back={back} label={submitLabel} />
    </form>
  );
}
