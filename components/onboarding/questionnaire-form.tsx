"use client";

import { useTranslations } from "next-intl";
import { QUESTIONS } from "@/lib/kyc/client";
import { FieldErrors, StepForm, type StepProps } from "./step-form";

export function QuestionnaireForm({ applicationId, initial, back }: StepProps<Record<string, string> | undefined>) {
  const t = useTranslations("kyc.questionnaire");
  return (
    <StepForm
      step="questionnaire"
      applicationId={applicationId}
      back={back}
      submitLabel={t("submit")}
      className="flex flex-col gap-6"
      summary={(state) => !(state && !state.ok && state.code === "questionnaire_failed")}
    >
      {(errors) =>
        QUESTIONS.map((q, i) => {
          const err = errors(q.id);
          return (
            <fieldset key={q.id} className="flex flex-col gap-2" aria-describedby={err ? `${q.id}-error` : undefined}>
              <legend className="mb-1 font-medium">
                <span className="mr-2 font-mono text-xs text-ink-muted tabular">{i + 1}.</span>
                {t(`questions.${q.id}.question`)}
              </legend>
              {q.options.map((o) => (
                <label
                  key={o}
                  className="flex cursor-pointer gap-3 rounded-lg border border-line px-3 py-2 text-sm has-checked:border-accent"
                >
                  <input
                    type="radio"
                    name={q.id}
                    value={o}
                    defaultChecked={initial?.[q.id] === o}
                    className="mt-0.5 accent-accent"
                  />
                  <span>{t(`questions.${q.id}.options.${o}`)}</span>
                </label>
              ))}
              <FieldErrors id={`${q.id}-error`} errors={err} />
            </fieldset>
          );
        })
      }
    </StepForm>
  );
}
