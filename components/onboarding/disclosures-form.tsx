"use client";

import { useTranslations } from "next-intl";
import { DISCLOSURES } from "@/lib/kyc/client";
import { FieldErrors, StepForm } from "./step-form";

export function DisclosuresForm({
  applicationId,
  acknowledged,
  back,
}: {
  applicationId: string;
  acknowledged: string[];
  back?: string;
}) {
  const t = useTranslations("kyc.disclosures");
  return (
    <StepForm step="disclosures" applicationId={applicationId} back={back}>
      {(errors) =>
        DISCLOSURES.map((key) => {
          const err = errors(key);
          return (
            <section key={key} className="rounded-xl border border-line p-4" aria-labelledby={`d-${key}`}>
              <h3 id={`d-${key}`} className="font-medium">
                {t(`items.${key}.title`)}
              </h3>
              <p className="mt-1 text-sm text-ink-muted">{t(`items.${key}.body`)}</p>
              <label className="mt-3 flex gap-3 text-sm font-medium">
                <input
                  type="checkbox"
                  name={key}
                  defaultChecked={acknowledged.includes(key)}
                  aria-describedby={err ? `d-${key}-error` : undefined}
                  className="mt-0.5 accent-accent"
                />
                <span>{t("acknowledge", { title: t(`items.${key}.title`) })}</span>
              </label>
              <FieldErrors id={`d-${key}-error`} errors={err} />
            </section>
          );
        })
      }
    </StepForm>
  );
}
