"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { submitApplicationAction } from "./actions";
import { TextArea } from "@/components/ui/input";
import { errorsOf, FormError, keepValues } from "./step-form";

/** The wizard's step forms, one file each (./step-form.tsx holds what they share). */
export { PersonalForm } from "./personal-form";
export { ResidenceForm } from "./residence-form";
export { CategoryForm } from "./category-form";
export { QuestionnaireForm } from "./questionnaire-form";
export { DisclosuresForm } from "./disclosures-form";

export function SubmitForm({
  applicationId,
  needsResponse,
  disabled,
}: {
  applicationId: string;
  needsResponse: boolean;
  disabled: boolean;
}) {
  const t = useTranslations("kyc.review");
  const [state, action, pending] = useActionState(submitApplicationAction, null);
  return (
    <form onSubmit={keepValues(action)} className="flex flex-col gap-4">
      <input type="hidden" name="applicationId" value={applicationId} />
      <FormError state={state} />
      {needsResponse ? (
        <Field id="response" label={t("response")} hint={t("responseHint")} error={errorsOf(state, "response")}>
          {(p) => <TextArea {...p} name="response" rows={3} />}
        </Field>
      ) : null}
      <p className="text-sm text-ink-muted">{t("confirm")}</p>
      <SubmitButton size="lg" disabled={pending || disabled} aria-busy={pending || undefined}>
        {needsResponse ? t("resubmit") : t("submit")}
      </SubmitButton>
    </form>
  );
}
