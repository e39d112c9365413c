"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactNode, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary, errorItems } from "@/components/ui/error-summary";
import { Field, type FieldControlProps } from "@/components/ui/field";
import { Input, TextArea } from "@/components/ui/input";
import { type KybDraftInput, MAX_PEOPLE, MAX_WALLETS } from "@/lib/kyb/types";
import { saveIssuerApplicationAction } from "./actions";
import { PeopleRows, WalletRows } from "./rows";

type Result =
  { ok: true; at: number } | { ok: false; message: string; fieldErrors: Record<string, string[]>; at: number };

/**
 * The company's answers, saved as a draft (the server checks every format and the signatory wallets, and says what
 * is wrong beside each field and in the summary; nothing typed is lost or rewritten).
 */
export function KybApplicationForm({ initial }: { initial: KybDraftInput }) {
  const t = useTranslations("kyb.apply");
  const router = useRouter();
  const [v, setV] = useState<KybDraftInput>(initial);
  const [result, setResult] = useState<Result | null>(null);
  const [pending, start] = useTransition();
  const errors = result && !result.ok ? result.fieldErrors : {};
  const set =
    <K extends keyof KybDraftInput>(k: K) =>
    (value: KybDraftInput[K]) =>
      setV({ ...v, [k]: value });
  const labels: Record<string, string> = {
    legalNameEn: t("legalNameEn"),
    legalNameZh: t("legalNameZh"),
    crNumber: t("crNumber"),
    brNumber: t("brNumber"),
    registeredAddress: t("registeredAddress"),
    people: t("peopleLegend"),
    signatoryWallets: t("walletsLegend"),
    listingPlan: t("listingPlan"),
  };
  const labelOf = (name: string) => {
    const [field, index, part] = name.split(".");
    if (field === "people" && index !== undefined)
      return t(part === "role" ? "personRole" : "personName", { n: Number(index) + 1 });
    if (field === "signatoryWallets" && index !== undefined) return t("walletLabel", { n: Number(index) + 1 });
    return labels[field ?? ""] ?? name;
  };

  function save(event: React.FormEvent) {
    event.preventDefault();
    start(async () => {
      const r = await saveIssuerApplicationAction(v);
      setResult(
        r.ok
          ? { ok: true, at: Date.now() }
          : { ok: false, message: r.message, fieldErrors: r.fieldErrors ?? {}, at: Date.now() },
      );
      if (r.ok) router.refresh();
    });
  }

  type TextField = "legalNameEn" | "legalNameZh" | "crNumber" | "brNumber" | "registeredAddress" | "listingPlan";
  const field = (k: TextField, control: (c: FieldControlProps) => ReactNode) => (
    <Field id={`kyb-${k}`} label={labels[k]} hint={t.has(`hints.${k}`) ? t(`hints.${k}`) : undefined} error={errors[k]}>
      {control}
    </Field>
  );
  const text = (k: TextField, extra: object = {}) =>
    field(k, (c) => <Input {...c} {...extra} value={v[k]} onChange={(e) => set(k)(e.target.value)} />);
  const area = (k: TextField, rows: number) =>
    field(k, (c) => <TextArea {...c} rows={rows} value={v[k]} onChange={(e) => set(k)(e.target.value)} />);

  return (
    <form onSubmit={save} noValidate className="flex flex-col gap-5">
      {result && !result.ok ? (
        <ErrorSummary
          title={result.message}
          focusKey={result.at}
          items={errorItems(result.fieldErrors, { control: (n) => `kyb-${n.replaceAll(".", "-")}`, label: labelOf })}
        />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {text("legalNameEn", { autoComplete: "organization" })}
        {text("legalNameZh", { lang: "zh-HK" })}
        {text("crNumber", { inputMode: "numeric", autoComplete: "off" })}
        {text("brNumber", { inputMode: "numeric", autoComplete: "off" })}
      </div>
      {area("registeredAddress", 2)}
      <PeopleRows people={v.people} onChange={set("people")} errors={errors} max={MAX_PEOPLE} />
      <WalletRows wallets={v.signatoryWallets} onChange={set("signatoryWallets")} errors={errors} max={MAX_WALLETS} />
      {area("listingPlan", 4)}
      <div aria-live="polite">{result?.ok ? <Alert tone="success" role="none" title={t("saved")} /> : null}</div>
      <SubmitButton variant="secondary" loading={pending}>
        {t("saveDraft")}
      </SubmitButton>
    </form>
  );
}
