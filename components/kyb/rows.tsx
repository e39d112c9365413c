"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { KybPerson } from "@/lib/kyb/types";

type Errors = Record<string, string[] | undefined>;

/** The directors and authorised signatories, one row each (name and role), added and removed in place. */
export function PeopleRows({
  people,
  onChange,
  errors,
  max,
}: {
  people: KybPerson[];
  onChange: (people: KybPerson[]) => void;
  errors: Errors;
  max: number;
}) {
  const t = useTranslations("kyb.apply");
  const set = (i: number, patch: Partial<KybPerson>) =>
    onChange(people.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <fieldset className="flex flex-col gap-3" aria-describedby="kyb-people-hint">
      <legend className="text-sm font-medium">{t("peopleLegend")}</legend>
      <p id="kyb-people-hint" className="text-xs text-ink-muted">
        {t("peopleHint")}
      </p>
      {errors.people ? <p className="text-xs font-medium text-danger">{errors.people[0]}</p> : null}
      {people.map((p, i) => (
        <div key={i} className="grid gap-3 rounded-lg border border-line p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <Field id={`kyb-people-${i}-name`} label={t("personName", { n: i + 1 })} error={errors[`people.${i}.name`]}>
            {(c) => <Input {...c} value={p.name} onChange={(e) => set(i, { name: e.target.value })} />}
          </Field>
          <Field id={`kyb-people-${i}-role`} label={t("personRole", { n: i + 1 })} error={errors[`people.${i}.role`]}>
            {(c) => <Input {...c} value={p.role} onChange={(e) => set(i, { role: e.target.value })} />}
          </Field>
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => onChange(people.filter((_, j) => j !== i))}
            aria-label={t("removePerson", { n: i + 1 })}
          >
            {t("remove")}
          </Button>
        </div>
      ))}
      {people.length < max ? (
        <div>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            onClick={() => onChange([...people, { name: "", role: "" }])}
          >
            {t("addPerson")}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}

/** The signatory wallets (checksummed addresses), the applying wallet first by default. */
export function WalletRows({
  wallets,
  onChange,
  errors,
  max,
}: {
  wallets: string[];
  onChange: (wallets: string[]) => void;
  errors: Errors;
  max: number;
}) {
  const t = useTranslations("kyb.apply");
  return (
    <fieldset className="flex flex-col gap-3" aria-describedby="kyb-wallets-hint">
      <legend className="text-sm font-medium">{t("walletsLegend")}</legend>
      <p id="kyb-wallets-hint" className="text-xs text-ink-muted">
        {t("walletsHint")}
      </p>
      {errors.signatoryWallets ? <p className="text-xs font-medium text-danger">{errors.signatoryWallets[0]}</p> : null}
      {wallets.map((w, i) => (
        <div key={i} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
          <Field
            id={`kyb-signatoryWallets-${i}`}
            label={t("walletLabel", { n: i + 1 })}
            error={errors[`signatoryWallets.${i}`]}
          >
            {(c) => (
              <Input
                {...c}
                value={w}
                autoComplete="off"
                spellCheck={false}
                className="font-mono text-xs"
                onChange={(e) => onChange(wallets.map((x, j) => (j === i ? e.target.value : x)))}
              />
            )}
          </Field>
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => onChange(wallets.filter((_, j) => j !== i))}
            aria-label={t("removeWallet", { n: i + 1 })}
          >
            {t("remove")}
          </Button>
        </div>
      ))}
      {wallets.length < max ? (
        <div>
          <Button type="button" variant="secondary" size="sm" onClick={() => onChange([...wallets, ""])}>
            {t("addWallet")}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}
