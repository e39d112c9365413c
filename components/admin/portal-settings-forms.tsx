"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactNode, useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/ui/error-summary";
import { NumField } from "@/components/ui/num-field";
import { type InvestorCategoryName, KYC_VALIDITY_BOUNDS, type TokenRuleDefaults } from "@/lib/settings/client";
import { setKycValidityAction, setTokenRuleDefaultsAction } from "./settings-actions";

const CATEGORIES: InvestorCategoryName[] = ["retail", "professional", "institutional"];

type Outcome = { kind: "saved" } | { kind: "failed"; message: string; fields: Record<string, string>; at: number };
type Saved = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/**
 * A portal setting's save: `save` sends the form's values through its server action, then the page refreshes with
 * the saved line, or the refusal is kept with the server's field errors (first message of each, keyed by field).
 */
function useSettingSave() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function save(event: React.FormEvent, send: () => Promise<Saved>) {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    const r = await send();
    setBusy(false);
    if (r.ok) {
      setOutcome({ kind: "saved" });
      router.refresh();
    } else {
      const fields = Object.fromEntries(Object.entries(r.fieldErrors ?? {}).map(([k, v]) => [k, v[0] ?? ""]));
      setOutcome({ kind: "failed", message: r.message, fields, at: Date.now() });
    }
  }

  return { busy, outcome, fields: outcome?.kind === "failed" ? outcome.fields : {}, save };
}

/**
 * A portal setting's form: the refusal (each field's message linking to its field, or the message alone when no
 * field is named), the saved line, the fields, and the save button.
 */
function SettingForm({
  saving: { busy, outcome },
  items,
  fixTitle,
  saved,
  saveLabel,
  onSubmit,
  className,
  children,
}: {
  saving: ReturnType<typeof useSettingSave>;
  items: ErrorSummaryItem[];
  fixTitle: string;
  saved: string;
  saveLabel: string;
  onSubmit: (event: React.FormEvent) => void;
  className: string;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} className={className} noValidate>
      {outcome?.kind === "failed" ? (
        items.length ? (
          <ErrorSummary title={fixTitle} focusKey={outcome.at} items={items} />
        ) : (
          <Alert tone="error" title={outcome.message} />
        )
      ) : null}
      {outcome?.kind === "saved" ? <Alert tone="success" role="status" title={saved} /> : null}
      {children}
      <SubmitButton loading={busy}>{saveLabel}</SubmitButton>
    </form>
  );
}

/**
 * The KYC validity period (months) for new approvals and renewals: a portal setting, saved by a server action that
 * checks the bounds and audits the change. Existing approvals keep their expiry.
 */
export function KycValidityForm({ months }: { months: number }) {
  const t = useTranslations("admin.settings.kyc");
  const uid = useId();
  const [value, setValue] = useState(String(months));
  const saving = useSettingSave();
  const { outcome } = saving;
  const fieldError = outcome?.kind === "failed" ? (outcome.fields.months ?? outcome.message) : undefined;
  return (
    <SettingForm
      saving={saving}
      items={fieldError ? [{ field: `${uid}-months`, label: t("label"), message: fieldError }] : []}
      fixTitle={t("fixTitle")}
      saved={t("saved")}
      saveLabel={t("save")}
      onSubmit={(event) =>
        saving.save(event, () =>
          setKycValidityAction({ months: value.trim() === "" ? Number.NaN : Number(value.trim()) }),
        )
      }
      className="flex flex-col gap-3"
    >
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
    </SettingForm>
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
  const uid = useId();
  const [allowed, setAllowed] = useState<number[]>(rules.allowedCountries);
  const [categories, setCategories] = useState<InvestorCategoryName[]>(rules.categories);
  const [maxHolders, setMaxHolders] = useState(String(rules.maxHolders));
  const [lockup, setLockup] = useState(String(rules.lockupDays));
  const saving = useSettingSave();
  const { fields } = saving;
  const labels: Record<string, { label: string; id: string }> = {
    allowedCountries: { label: t("countries"), id: `${uid}-countries` },
    categories: { label: t("categories"), id: `${uid}-cat` },
    maxHolders: { label: t("maxHolders"), id: `${uid}-max-holders` },
    lockupDays: { label: t("lockupDays"), id: `${uid}-lockup` },
  };
  const items = Object.entries(fields)
    .filter(([k]) => labels[k])
    .map(([k, message]) => ({ field: labels[k]!.id, label: labels[k]!.label, message }));
  /** A number field's id and label (the ones the summary links to and names) and its refusal. */
  const field = (name: string) => ({ id: labels[name]!.id, label: labels[name]!.label, error: fields[name] });
  return (
    <SettingForm
      saving={saving}
      items={items}
      fixTitle={t("fixTitle")}
      saved={t("saved")}
      saveLabel={t("save")}
      onSubmit={(event) =>
        saving.save(event, () =>
          setTokenRuleDefaultsAction({ allowedCountries: allowed, categories, maxHolders, lockupDays: lockup }),
        )
      }
      className="flex flex-col gap-4"
    >
      <CheckboxGroup
        id={labels.allowedCountries!.id}
        legend={labels.allowedCountries!.label}
        hint={t("countriesHint")}
        options={countries.map((c) => ({ value: c.code, label: c.name }))}
        checked={allowed}
        onChange={setAllowed}
        error={fields.allowedCountries}
      />
      <CheckboxGroup
        id={labels.categories!.id}
        legend={labels.categories!.label}
        options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        checked={categories}
        onChange={setCategories}
        error={fields.categories}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <NumField {...field("maxHolders")} hint={t("maxHoldersHint")} value={maxHolders} set={setMaxHolders} />
        <NumField {...field("lockupDays")} hint={t("lockupHint")} value={lockup} set={setLockup} />
      </div>
    </SettingForm>
  );
}
