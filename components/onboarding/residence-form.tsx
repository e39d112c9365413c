"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import type { KycApplicationData } from "@/lib/kyc/types";
import { StepForm, type StepProps } from "./step-form";

export function ResidenceForm({
  applicationId,
  initial,
  countries,
  back,
}: StepProps<KycApplicationData["residence"]> & { countries: { alpha2: string; name: string }[] }) {
  const t = useTranslations("kyc.residence");
  const options = (
    <>
      <option value="">{t("choose")}</option>
      {countries.map((c) => (
        <option key={c.alpha2} value={c.alpha2}>
          {c.name}
        </option>
      ))}
    </>
  );
  return (
    <StepForm step="residence" applicationId={applicationId} back={back} labels={(f) => t(f as "nationality")}>
      {(errors) =>
        (["nationality", "residence"] as const).map((name) => (
          <Field
            key={name}
            id={name}
            label={t(name)}
            hint={name === "residence" ? t("residenceHint") : undefined}
            error={errors(name)}
          >
            {(p) => (
              <Select {...p} name={name} defaultValue={initial?.[name] ?? ""}>
                {options}
              </Select>
            )}
          </Field>
        ))
      }
    </StepForm>
  );
}
