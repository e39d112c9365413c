"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { NumField } from "@/components/ui/num-field";
import type { KycApplicationData } from "@/lib/kyc/types";
import { describeAmountError, parseMoneyAmount } from "@/lib/format/amount";
import { formatCount, formatMoney } from "@/lib/format/money";
import { FieldErrors, StepForm, type StepProps } from "./step-form";

/**
 * The portfolio value as typed ("12,500,000", "12 500 000"), never rewritten: the amount understood is
 * shown back under the field, or why it is refused, with the same parser the server uses.
 */
function PortfolioField({
  initial,
  serverError,
  label,
  hint,
}: {
  initial: number | undefined;
  serverError: string[] | undefined;
  label: string;
  hint: string;
}) {
  const t = useTranslations("kyc.category");
  const tAmount = useTranslations("amounts");
  const locale = useLocale();
  const [text, setText] = useState(initial !== undefined ? formatCount(initial, "en") : "");
  const [typed, setTyped] = useState(false);
  // A new answer from the server (a new submit) shows its words again.
  const [lastServerError, setLastServerError] = useState(serverError);
  if (serverError !== lastServerError) {
    setLastServerError(serverError);
    setTyped(false);
  }
  const parsed = parseMoneyAmount(text, 0);
  // The server's words until the field is changed, then the parser's own as it is typed.
  const error = !typed
    ? serverError
    : !parsed.ok && text.trim() !== ""
      ? describeAmountError(parsed.error, tAmount, locale)
      : undefined;
  return (
    <NumField
      id="portfolioHkd"
      name="portfolioHkd"
      label={label}
      hint={
        <>
          {hint}
          {parsed.ok ? (
            <span className="mt-1 block font-medium text-ink" data-testid="portfolio-parsed">
              {t("portfolioParsed", { amount: formatMoney(parsed.value, 0, locale, { fractionDigits: 0 }) })}
            </span>
          ) : null}
        </>
      }
      error={error}
      value={text}
      set={(v) => {
        setText(v);
        setTyped(true);
      }}
    />
  );
}
export function CategoryForm({ applicationId, initial, back }: StepProps<KycApplicationData["category"]>) {
  const t = useTranslations("kyc.category");
  const [category, setCategory] = useState<string>(initial?.category ?? "retail");
  return (
    <StepForm step="category" applicationId={applicationId} back={back}>
      {(errors) => (
        <>
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-2 text-sm font-medium">{t("legend")}</legend>
            {(["retail", "professional"] as const).map((c) => (
              <label
                key={c}
                className="flex cursor-pointer gap-3 rounded-xl border border-line p-4 has-checked:border-accent has-checked:bg-accent-soft"
              >
                <input
                  type="radio"
                  name="category"
                  value={c}
                  checked={category === c}
                  onChange={() => setCategory(c)}
                  className="mt-1 accent-accent"
                />
                <span className="flex flex-col gap-1">
                  <span className="font-medium">{t(`${c}.title`)}</span>
                  <span className="text-sm text-ink-muted">{t(`${c}.body`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <p className="text-sm text-ink-muted">{t("publicNote")}</p>
          {category === "professional" ? (
            <div className="flex flex-col gap-4 rounded-xl border border-line bg-surface-muted p-4">
              <PortfolioField
                initial={initial?.portfolioHkd}
                serverError={errors("portfolioHkd")}
                label={t("portfolio")}
                hint={t("portfolioHint")}
              />
              <div className="flex flex-col gap-1">
                <label className="flex gap-3 text-sm">
                  <input
                    type="checkbox"
                    name="declaration"
                    defaultChecked={initial?.category === "professional"}
                    aria-describedby="declaration-error"
                    className="mt-1 accent-accent"
                  />
                  <span>{t("declaration")}</span>
                </label>
                <FieldErrors id="declaration-error" errors={errors("declaration")} />
              </div>
              <p className="text-xs text-ink-muted">{t("evidenceNote")}</p>
            </div>
          ) : null}
        </>
      )}
    </StepForm>
  );
}
