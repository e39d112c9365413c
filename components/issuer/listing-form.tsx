"use client";

import { type ReactNode, useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field, type FieldControlProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ListingField } from "@/lib/issuer/client";
import { type IssuerActionState, saveListingAction } from "./actions";
import { textareaStyles } from "./form-parts";

export type ListingFormValues = Record<ListingField, string>;

/**
 * Create or edit a listing's text. Server-validated field by field; each message appears beside its field
 * (aria-describedby, aria-live), and the typed values survive a refused submit.
 */
export function ListingForm({ id, values }: { id: string | null; values: ListingFormValues }) {
  const t = useTranslations("issuer.form");
  const [state, action, pending] = useActionState<IssuerActionState, FormData>(saveListingAction, null);
  const current = (f: ListingField) => (state && !state.ok && state.values ? (state.values[f] ?? "") : values[f]);
  const err = (f: ListingField) => (state && !state.ok ? state.fieldErrors?.[f] : undefined);

  // Required fields carry a visual mark (the control's `required` says it to assistive technology).
  const label = (name: ListingField, required?: boolean) => (
    <>
      {t(`fields.${name}`)}
      {required ? (
        <span aria-hidden="true" className="ml-0.5 text-danger">
          *
        </span>
      ) : null}
    </>
  );
  /** One field of the listing: its label (with the required mark), hint and messages around `control`. */
  const field = (
    name: ListingField,
    opts: { required?: boolean; hint?: boolean; lang?: string },
    control: (
      c: FieldControlProps & { name: ListingField; defaultValue: string; required?: boolean; lang?: string },
    ) => ReactNode,
  ) => (
    <Field
      id={`listing-${name}`}
      label={label(name, opts.required)}
      error={err(name)}
      hint={opts.hint ? t(`hints.${name}`) : undefined}
    >
      {(c) => control({ ...c, name, defaultValue: current(name), required: opts.required, lang: opts.lang })}
    </Field>
  );
  const text = (
    name: ListingField,
    opts: { required?: boolean; hint?: boolean; inputMode?: "numeric" | "decimal"; type?: string; lang?: string } = {},
  ) =>
    field(name, opts, (c) => <Input {...c} inputMode={opts.inputMode} type={opts.type ?? "text"} autoComplete="off" />);
  const area = (name: ListingField, opts: { required?: boolean; hint?: boolean; rows?: number; lang?: string } = {}) =>
    field(name, opts, (c) => <textarea {...c} rows={opts.rows ?? 4} className={textareaStyles} />);

  return (
    <form action={action} noValidate className="flex flex-col gap-8">
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <p className="text-sm text-ink-muted">{t("requiredNote")}</p>
      {state && !state.ok ? (
        <ErrorSummary
          title={t("refused")}
          focusKey={state}
          items={Object.entries(state.fieldErrors ?? {}).map(([name, messages]) => ({
            field: `listing-${name}`,
            label: t(`fields.${name as ListingField}`),
            message: messages.join(" "),
          }))}
        >
          {state.message}
        </ErrorSummary>
      ) : null}
      <div aria-live="polite" role="status">
        {state?.ok && state.message ? <Alert tone="success" role="none" title={state.message} /> : null}
      </div>

      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-3 font-display text-xl">{t("sections.artwork")}</legend>
        {text("title", { required: true })}
        {text("titleZh", { lang: "zh-HK" })}
        {text("artist", { required: true })}
        {text("year", { inputMode: "numeric", hint: true })}
        {text("medium")}
        {text("dimensions", { hint: true })}
        <div className="sm:col-span-2">{area("descriptionMd", { required: true, hint: true, rows: 6 })}</div>
        <div className="sm:col-span-2">{area("descriptionZh", { rows: 4, lang: "zh-HK" })}</div>
      </fieldset>

      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-3 font-display text-xl">{t("sections.history")}</legend>
        <div className="sm:col-span-2">{area("provenance", { hint: true, rows: 4 })}</div>
        <div className="sm:col-span-2">{area("conditionReport", { rows: 3 })}</div>
      </fieldset>

      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-3 font-display text-xl">{t("sections.custody")}</legend>
        {text("custodian")}
        {text("custodianLocation")}
        {text("insurer")}
        {text("insuredValue", { inputMode: "decimal", hint: true })}
      </fieldset>

      <fieldset className="grid gap-5 sm:grid-cols-3">
        <legend className="mb-3 font-display text-xl">{t("sections.appraisal")}</legend>
        {text("appraisalValue", { inputMode: "decimal", hint: true })}
        {text("appraiser")}
        {text("appraisalDate", { type: "date" })}
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : id ? t("save") : t("create")}
        </Button>
      </div>
    </form>
  );
}
