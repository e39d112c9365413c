"use client";

import Link from "next/link";
import { type FormEvent, startTransition, useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Button, buttonStyles } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { KycApplicationData } from "@/lib/kyc/types";
import { describeAmountError, parseMoneyAmount } from "@/lib/format/amount";
import { formatCount, formatMoney } from "@/lib/format/money";
import type { KycFormState } from "@/lib/kyc/action-result";
import { DISCLOSURES } from "@/lib/kyc/disclosures";
import { QUESTIONS } from "@/lib/kyc/questionnaire";
import { saveStepAction, submitApplicationAction } from "./actions";

/**
 * Submits through the action without React's automatic form reset, so a form refused with field errors keeps
 * what the investor typed.
 */
function keepValues(dispatch: (payload: FormData) => void) {
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
function FormError({ state, labels }: { state: KycFormState; labels?: (field: string) => string }) {
  if (!state || state.ok) return null;
  const items = labels
    ? Object.entries(state.fieldErrors ?? {}).flatMap(([field, messages]) => {
        const message = Array.isArray(messages) ? messages[0] : messages;
        return message ? [{ field, label: labels(field), message }] : [];
      })
    : [];
  return <ErrorSummary title={state.message} focusKey={state} items={items} />;
}

const errorsOf = (state: KycFormState, field: string) => (state && !state.ok ? state.fieldErrors?.[field] : undefined);

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

export function PersonalForm({
  applicationId,
  initial,
  back,
}: {
  applicationId: string;
  initial: KycApplicationData["personal"];
  back?: string;
}) {
  const t = useTranslations("kyc.personal");
  const [state, action, pending] = useActionState(saveStepAction.bind(null, "personal"), null);
  return (
    <form onSubmit={keepValues(action)} className="flex flex-col gap-5" noValidate>
      <input type="hidden" name="applicationId" value={applicationId} />
      <FormError state={state} labels={(f) => t(f as "legalName")} />
      <Field id="legalName" label={t("legalName")} hint={t("legalNameHint")} error={errorsOf(state, "legalName")}>
        {(p) => <Input {...p} name="legalName" autoComplete="name" defaultValue={initial?.legalName} required />}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="dateOfBirth" label={t("dateOfBirth")} error={errorsOf(state, "dateOfBirth")}>
          {(p) => (
            <Input
              {...p}
              name="dateOfBirth"
              type="date"
              autoComplete="bday"
              defaultValue={initial?.dateOfBirth}
              required
            />
          )}
        </Field>
        <Field id="phone" label={t("phone")} hint={t("phoneHint")} error={errorsOf(state, "phone")}>
          {(p) => <Input {...p} name="phone" type="tel" autoComplete="tel" defaultValue={initial?.phone} required />}
        </Field>
      </div>
      <Field id="email" label={t("email")} error={errorsOf(state, "email")}>
        {(p) => <Input {...p} name="email" type="email" autoComplete="email" defaultValue={initial?.email} required />}
      </Field>
      <Field id="address" label={t("address")} hint={t("addressHint")} error={errorsOf(state, "address")}>
        {(p) => (
          <textarea
            {...p}
            name="address"
            rows={3}
            autoComplete="street-address"
            defaultValue={initial?.address}
            className="w-full rounded-lg border border-line-strong bg-surface px-3 py-2 text-sm aria-invalid:border-danger"
          />
        )}
      </Field>
      <Actions pending={pending} back={back} />
    </form>
  );
}

export function ResidenceForm({
  applicationId,
  initial,
  countries,
  back,
}: {
  applicationId: string;
  initial: KycApplicationData["residence"];
  countries: { alpha2: string; name: string }[];
  back?: string;
}) {
  const t = useTranslations("kyc.residence");
  const [state, action, pending] = useActionState(saveStepAction.bind(null, "residence"), null);
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
    <form onSubmit={keepValues(action)} className="flex flex-col gap-5" noValidate>
      <input type="hidden" name="applicationId" value={applicationId} />
      <FormError state={state} labels={(f) => t(f as "nationality")} />
      <Field id="nationality" label={t("nationality")} error={errorsOf(state, "nationality")}>
        {(p) => (
          <Select {...p} name="nationality" defaultValue={initial?.nationality ?? ""}>
            {options}
          </Select>
        )}
      </Field>
      <Field id="residence" label={t("residence")} hint={t("residenceHint")} error={errorsOf(state, "residence")}>
        {(p) => (
          <Select {...p} name="residence" defaultValue={initial?.residence ?? ""}>
            {options}
          </Select>
        )}
      </Field>
      <Actions pending={pending} back={back} />
    </form>
  );
}

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
    <Field
      id="portfolioHkd"
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
    >
      {(p) => (
        <Input
          {...p}
          name="portfolioHkd"
          inputMode="numeric"
          autoComplete="off"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setTyped(true);
          }}
        />
      )}
    </Field>
  );
}

export function CategoryForm({
  applicationId,
  initial,
  back,
}: {
  applicationId: string;
  initial: KycApplicationData["category"];
  back?: string;
}) {
  const t = useTranslations("kyc.category");
  const [state, action, pending] = useActionState(saveStepAction.bind(null, "category"), null);
  const [category, setCategory] = useState<string>(initial?.category ?? "retail");
  return (
    <form onSubmit={keepValues(action)} className="flex flex-col gap-5" noValidate>
      <input type="hidden" name="applicationId" value={applicationId} />
      <FormError state={state} />
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
            serverError={errorsOf(state, "portfolioHkd")}
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
            <div id="declaration-error" aria-live="polite" className="text-xs font-medium text-danger empty:hidden">
              {errorsOf(state, "declaration")?.map((e) => (
                <p key={e}>{e}</p>
              ))}
            </div>
          </div>
          <p className="text-xs text-ink-muted">{t("evidenceNote")}</p>
        </div>
      ) : null}
      <Actions pending={pending} back={back} />
    </form>
  );
}

export function QuestionnaireForm({
  applicationId,
  initial,
  back,
}: {
  applicationId: string;
  initial: Record<string, string> | undefined;
  back?: string;
}) {
  const t = useTranslations("kyc.questionnaire");
  const [state, action, pending] = useActionState(saveStepAction.bind(null, "questionnaire"), null);
  return (
    <form onSubmit={keepValues(action)} className="flex flex-col gap-6" noValidate>
      <input type="hidden" name="applicationId" value={applicationId} />
      {state && !state.ok && state.code !== "questionnaire_failed" ? <FormError state={state} /> : null}
      {QUESTIONS.map((q, i) => {
        const err = errorsOf(state, q.id);
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
            <div id={`${q.id}-error`} aria-live="polite" className="text-xs font-medium text-danger empty:hidden">
              {err?.map((e) => (
                <p key={e}>{e}</p>
              ))}
            </div>
          </fieldset>
        );
      })}
      <Actions pending={pending} back={back} label={t("submit")} />
    </form>
  );
}

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
  const [state, action, pending] = useActionState(saveStepAction.bind(null, "disclosures"), null);
  return (
    <form onSubmit={keepValues(action)} className="flex flex-col gap-5" noValidate>
      <input type="hidden" name="applicationId" value={applicationId} />
      <FormError state={state} />
      {DISCLOSURES.map((key) => {
        const err = errorsOf(state, key);
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
            <div id={`d-${key}-error`} aria-live="polite" className="text-xs font-medium text-danger empty:hidden">
              {err?.map((e) => (
                <p key={e}>{e}</p>
              ))}
            </div>
          </section>
        );
      })}
      <Actions pending={pending} back={back} />
    </form>
  );
}

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
          {(p) => (
            <textarea
              {...p}
              name="response"
              rows={3}
              className="w-full rounded-lg border border-line-strong bg-surface px-3 py-2 text-sm"
            />
          )}
        </Field>
      ) : null}
      <p className="text-sm text-ink-muted">{t("confirm")}</p>
      <div>
        <Button type="submit" size="lg" disabled={pending || disabled} aria-busy={pending || undefined}>
          {needsResponse ? t("resubmit") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
