"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { AddressInput, Input } from "@/components/ui/input";
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
    <RowList
      name="people"
      legend={t("peopleLegend")}
      hint={t("peopleHint")}
      error={errors.people?.[0]}
      rows={people}
      onChange={onChange}
      max={max}
      blank={{ name: "", role: "" }}
      addLabel={t("addPerson")}
      removeLabel={(n) => t("removePerson", { n })}
      rowClassName="grid gap-3 rounded-lg border border-line p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
    >
      {(p, i) => (
        <>
          <Field id={`kyb-people-${i}-name`} label={t("personName", { n: i + 1 })} error={errors[`people.${i}.name`]}>
            {(c) => <Input {...c} value={p.name} onChange={(e) => set(i, { name: e.target.value })} />}
          </Field>
          <Field id={`kyb-people-${i}-role`} label={t("personRole", { n: i + 1 })} error={errors[`people.${i}.role`]}>
            {(c) => <Input {...c} value={p.role} onChange={(e) => set(i, { role: e.target.value })} />}
          </Field>
        </>
      )}
    </RowList>
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
    <RowList
      name="wallets"
      legend={t("walletsLegend")}
      hint={t("walletsHint")}
      error={errors.signatoryWallets?.[0]}
      rows={wallets}
      onChange={onChange}
      max={max}
      blank=""
      addLabel={t("addWallet")}
      removeLabel={(n) => t("removeWallet", { n })}
      rowClassName="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end"
    >
      {(w, i) => (
        <Field
          id={`kyb-signatoryWallets-${i}`}
          label={t("walletLabel", { n: i + 1 })}
          error={errors[`signatoryWallets.${i}`]}
        >
          {(c) => (
            <AddressInput
              {...c}
              value={w}
              className="text-xs"
              onChange={(e) => onChange(wallets.map((x, j) => (j === i ? e.target.value : x)))}
            />
          )}
        </Field>
      )}
    </RowList>
  );
}

/**
 * A list of rows added and removed in place: its legend and hint (`kyb-<name>-hint`), the list's own error, each row
 * (`children`) with its Remove button (named with the row's number), and Add while there are fewer than `max`.
 */
function RowList<T>({
  name,
  legend,
  hint,
  error,
  rows,
  onChange,
  max,
  blank,
  addLabel,
  removeLabel,
  rowClassName,
  children,
}: {
  name: string;
  legend: string;
  hint: string;
  error: string | undefined;
  rows: T[];
  onChange: (rows: T[]) => void;
  max: number;
  blank: T;
  addLabel: string;
  removeLabel: (n: number) => string;
  rowClassName: string;
  children: (row: T, i: number) => ReactNode;
}) {
  const t = useTranslations("kyb.apply");
  const hintId = `kyb-${name}-hint`;
  return (
    <fieldset className="flex flex-col gap-3" aria-describedby={hintId}>
      <legend className="text-sm font-medium">{legend}</legend>
      <p id={hintId} className="text-xs text-ink-muted">
        {hint}
      </p>
      {error ? <p className="text-xs font-medium text-danger">{error}</p> : null}
      {rows.map((row, i) => (
        <div key={i} className={rowClassName}>
          {children(row, i)}
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            aria-label={removeLabel(i + 1)}
          >
            {t("remove")}
          </Button>
        </div>
      ))}
      {rows.length < max ? (
        <div>
          <Button type="button" variant="secondary" size="sm" onClick={() => onChange([...rows, blank])}>
            {addLabel}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}
