"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { NumField } from "@/components/ui/num-field";
import { type InvestorCategoryName, KYC_VALIDITY_BOUNDS, type TokenRuleDefaults } from "@/lib/settings/client";
import { setKycValidityAction, setTokenRuleDefaultsAction } from "./settings-actions";

const CATEGORIES: InvestorCategoryName[] = ["retail", "professional", "institutional"];
const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

type Outcome = { kind: "saved" } | { kind: "failed"; message: string; fields: Record<string, string>; at: number };

/** The server's field errors (first message of each), keyed by field. */
function firstErrors(fieldErrors: Record<string, string[]> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(fieldErrors ?? {}).map(([k, v]) => [k, v[0] ?? ""]));
}

/**
 * The KYC validity period (months) for new approvals and renewals: a portal setting, saved by a server action that
 * checks the bounds and audits the change. Existing approvals keep their expiry.
 */
export function KycValidityForm({ months }: { months: number }) {
  const t = useTranslations("admin.settings.kyc");
  const router = useRouter();
  const uid = useId();
  const [value, setValue] = useState(String(months));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    const r = await setKycValidityAction({ months: value.trim() === "" ? Number.NaN : Number(value.trim()) });
    setBusy(false);
    if (r.ok) {
      setOutcome({ kind: "saved" });
      router.refresh();
    } else setOutcome({ kind: "failed", message: r.message, fields: firstErrors(r.fieldErrors), at: Date.now() });
  }

  const fieldError = outcome?.kind === "failed" ? (outcome.fields.months ?? outcome.message) : undefined;
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      {outcome?.kind === "failed" ? (
        <ErrorSummary
          title={t("fixTitle")}
          focusKey={outcome.at}
          items={[{ field: `${uid}-months`, label: t("label"), message: fieldError ?? outcome.message }]}
        />
      ) : null}
      {outcome?.kind === "saved" ? <Alert tone="success" role="status" title={t("saved")} /> : null}
      <div className="max-w-xs">
        <NumField
          id={`${uid}-months`}
          label={t("label")}
          hint={t("hint", KYC_VALIDITY_BOUNDS)}
          value={value}
          set={setValue}
          error={fieldError}
        />
      </div>
      <div>
        <Button type="submit" loading={busy}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}

/**
 * The token rules a new listing's deploy form starts from (countries, investor categories, holder limit, lock-up),
 * checked by the server as the listing form checks rules, and audited.
 */
export function TokenRuleDefaultsForm({
  rules,
  countries,
}: {
  rules: TokenRuleDefaults;
  countries: { code: number; name: string }[];
}) {
  const t = useTranslations("admin.settings.rules");
  const router = useRouter();
  const uid = useId();
  const [allowed, setAllowed] = useState<number[]>(rules.allowedCountries);
  const [categories, setCategories] = useState<InvestorCategoryName[]>(rules.categories);
  const [maxHolders, setMaxHolders] = useState(String(rules.maxHolders));
  const [lockup, setLockup] = useState(String(rules.lockupDays));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    const r = await setTokenRuleDefaultsAction({
      allowedCountries: allowed,
      categories,
      maxHolders,
      lockupDays: lockup,
    });
    setBusy(false);
    if (r.ok) {
      setOutcome({ kind: "saved" });
      router.refresh();
    } else setOutcome({ kind: "failed", message: r.message, fields: firstErrors(r.fieldErrors), at: Date.now() });
  }

  const fields = outcome?.kind === "failed" ? outcome.fields : {};
  const labels: Record<string, { label: string; id: string }> = {
    allowedCountries: { label: t("countries"), id: `${uid}-countries` },
    categories: { label: t("categories"), id: `${uid}-cat` },
    maxHolders: { label: t("maxHolders"), id: `${uid}-max-holders` },
    lockupDays: { label: t("lockupDays"), id: `${uid}-lockup` },
  };
  const items = Object.entries(fields)
    .filter(([k]) => labels[k])
    .map(([k, message]) => ({ field: labels[k]!.id, label: labels[k]!.label, message }));
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {outcome?.kind === "failed" ? (
        items.length ? (
          <ErrorSummary title={t("fixTitle")} focusKey={outcome.at} items={items} />
        ) : (
          <Alert tone="error" title={outcome.message} />
        )
      ) : null}
      {outcome?.kind === "saved" ? <Alert tone="success" role="status" title={t("saved")} /> : null}
      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={fields.allowedCountries ? `${uid}-countries-error` : undefined}
      >
        <legend className="text-sm font-medium">{t("countries")}</legend>
        <div className="flex flex-wrap gap-4">
          {countries.map((c, i) => (
            <label key={c.code} className="flex items-center gap-2 text-sm">
              <input
                id={i === 0 ? `${uid}-countries` : undefined}
                type="checkbox"
                checked={allowed.includes(c.code)}
                onChange={() => setAllowed(toggle(allowed, c.code))}
                className="size-4 accent-[var(--color-accent)]"
              />
              {c.name}
            </label>
          ))}
        </div>
        <p className="text-xs text-ink-muted">{t("countriesHint")}</p>
        <p id={`${uid}-countries-error`} aria-live="polite" className="text-xs font-medium text-danger empty:hidden">
          {fields.allowedCountries}
        </p>
      </fieldset>
      <fieldset className="flex flex-col gap-2" aria-describedby={fields.categories ? `${uid}-cat-error` : undefined}>
        <legend className="text-sm font-medium">{t("categories")}</legend>
        <div className="flex flex-wrap gap-4">
          {CATEGORIES.map((c, i) => (
            <label key={c} className="flex items-center gap-2 text-sm">
              <input
                id={i === 0 ? `${uid}-cat` : undefined}
                type="checkbox"
                checked={categories.includes(c)}
                onChange={() => setCategories(toggle(categories, c))}
                className="size-4 accent-[var(--color-accent)]"
              />
              {t(`category.${c}`)}
            </label>
          ))}
        </div>
        <p id={`${uid}-cat-error`} aria-live="polite" className="text-xs font-medium text-danger empty:hidden">
          {fields.categories}
        </p>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <NumField
          id={`${uid}-max-holders`}
          label={t("maxHolders")}
          hint={t("maxHoldersHint")}
          value={maxHolders}
          set={setMaxHolders}
          error={fields.maxHolders}
        />
        <NumField
          id={`${uid}-lockup`}
          label={t("lockupDays")}
          hint={t("lockupHint")}
          value={lockup}
          set={setLockup}
          error={fields.lockupDays}
        />
      </div>
      <div>
        <Button type="submit" loading={busy}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
