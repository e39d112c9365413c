"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { KycApplicationData } from "@/lib/kyc/types";
import { TextArea } from "@/components/ui/input";
import { type FieldErrorsOf, StepForm, type StepProps } from "./step-form";

type Personal = NonNullable<KycApplicationData["personal"]>;

export function PersonalForm({ applicationId, initial, back }: StepProps<KycApplicationData["personal"]>) {
  const t = useTranslations("kyc.personal");
  /** One text field of the step: its label (and hint) from the messages, what was saved before as its value. */
  const text = (
    errors: FieldErrorsOf,
    name: keyof Personal & ("legalName" | "dateOfBirth" | "phone" | "email"),
    input: ComponentProps<typeof Input>,
    hint?: string,
  ) => (
    <Field id={name} label={t(name)} hint={hint} error={errors(name)}>
      {(p) => <Input {...p} name={name} {...input} defaultValue={initial?.[name]} required />}
    </Field>
  );
  return (
    <StepForm step="personal" applicationId={applicationId} back={back} labels={(f) => t(f as "legalName")}>
      {(errors) => (
        <>
          {text(errors, "legalName", { autoComplete: "name" }, t("legalNameHint"))}
          <div className="grid gap-5 sm:grid-cols-2">
            {text(errors, "dateOfBirth", { type: "date", autoComplete: "bday" })}
            {text(errors, "phone", { type: "tel", autoComplete: "tel" }, t("phoneHint"))}
          </div>
          {text(errors, "email", { type: "email", autoComplete: "email" })}
          <Field id="address" label={t("address")} hint={t("addressHint")} error={errors("address")}>
            {(p) => (
              <TextArea
                {...p}
                name="address"
                rows={3}
                autoComplete="street-address"
                defaultValue={initial?.address}
                className="aria-invalid:border-danger"
              />
            )}
          </Field>
        </>
      )}
    </StepForm>
  );
}
