"use client";

import { type ReactNode, useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary, errorItems } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { TextArea } from "@/components/ui/input";

/*
 * The decisions written to the applicant (request information, reject with a reason), shared by the KYC and the
 * issuer-application (KYB) reviews: each a titled form with its message, its refusal in words and its button.
 */

/** One titled part of an officer's decision (approval, request information, rejection): `id` is its heading's. */
export function DecisionSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3 rounded-xl border border-line p-4">
      <h3 id={id} className="font-medium">
        {title}
      </h3>
      {children}
    </section>
  );
}

/** What a decision form's action answers (the KYC and KYB actions alike): only the words and the fields are shown. */
type MessageFormState = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> } | null;

/** A refused decision form's error summary (focused, announced), linking to its one message field. */
function Refusal({ state, field, label }: { state: MessageFormState; field: string; label: string }) {
  if (!state || state.ok) return null;
  return (
    <ErrorSummary
      title={state.message}
      focusKey={state}
      items={errorItems(state.fieldErrors, { control: () => field, label: () => label })}
    />
  );
}

/**
 * A decision written to the applicant (request information, reject): a titled form with its message and button.
 * Shared by the KYC and issuer-application (KYB) reviews.
 */
function MessageStep({
  name,
  field,
  applicationId,
  title,
  label,
  hint,
  submit,
  variant,
  state,
  action,
  pending,
}: {
  name: string;
  field: string;
  applicationId: string;
  title: string;
  label: string;
  hint: string;
  submit: string;
  variant: "secondary" | "danger";
  state: MessageFormState;
  action: (form: FormData) => void;
  pending: boolean;
}) {
  return (
    <DecisionSection id={`${name}-title`} title={title}>
      <form action={action} className="flex flex-col gap-3">
        <input type="hidden" name="id" value={applicationId} />
        <Refusal state={state} field={field} label={label} />
        <Field
          id={field}
          label={label}
          hint={hint}
          error={state && !state.ok ? (state.fieldErrors?.message ?? state.message) : undefined}
        >
          {(p) => <TextArea {...p} name="message" rows={3} />}
        </Field>
        <SubmitButton variant={variant} disabled={pending}>
          {submit}
        </SubmitButton>
      </form>
    </DecisionSection>
  );
}

type MessageKey = `${"request" | "reject"}${"Title" | "Label" | "Hint" | "Submit"}`;
type MessageAction = (previous: unknown, form: FormData) => Promise<Exclude<MessageFormState, null>>;
type StepSpec = { name: string; field: string; action: MessageAction };

/**
 * Both decisions, request information first: `t` holds the review's words (`requestTitle`, `rejectSubmit`…),
 * `name` and `field` the ids of each section and its message field.
 */
export function MessageSteps({
  applicationId,
  t,
  request,
  reject,
}: {
  applicationId: string;
  t: (key: MessageKey) => string;
  request: StepSpec;
  reject: StepSpec;
}) {
  const [rejectState, rejectForm, rejecting] = useActionState<MessageFormState, FormData>(reject.action, null);
  const [infoState, infoForm, requesting] = useActionState<MessageFormState, FormData>(request.action, null);
  return (
    <>
      {(
        [
          { k: "request", spec: request, state: infoState, action: infoForm, pending: requesting },
          { k: "reject", spec: reject, state: rejectState, action: rejectForm, pending: rejecting },
        ] as const
      ).map(({ k, spec, ...step }) => (
        <MessageStep
          key={k}
          {...step}
          name={spec.name}
          field={spec.field}
          applicationId={applicationId}
          title={t(`${k}Title`)}
          label={t(`${k}Label`)}
          hint={t(`${k}Hint`)}
          submit={t(`${k}Submit`)}
          variant={k === "reject" ? "danger" : "secondary"}
        />
      ))}
    </>
  );
}
