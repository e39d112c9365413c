"use client";

import { useLocale, useTranslations } from "next-intl";
import { lazy, Suspense, useId, useState } from "react";
import type { Address } from "viem";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { NumField } from "@/components/ui/num-field";
import { PAYMENT_DECIMALS, DISTRIBUTION_KINDS, type DistributionKind } from "@/lib/distributions/client";
import { describeAmountError, parseMoneyAmount } from "@/lib/format/amount";
import { planDistributionAction } from "../distribution-actions";
import { PlanFormFrame, PlanPreviewLoading, usePlanForm } from "../plan-form";
import { RecordBlockFields } from "../record-block-fields";
import type { Plan } from "./distribution-preview";

const loadPreview = () => import("./distribution-preview");
const DistributionPreview = lazy(() => loadPreview().then((m) => ({ default: m.DistributionPreview })));

type Errors = Partial<Record<"amount" | "recordBlock" | "claimDays", string>>;

/** The fields as typed: checked here and again by the server, refused in words, never rewritten. */
function check(
  f: { amount: string; recordMode: string; recordBlock: string; claimDays: string },
  words: { amount: (error: Parameters<typeof describeAmountError>[0]) => string; t: (key: string) => string },
) {
  const errors: Errors = {};
  const amount = parseMoneyAmount(f.amount, PAYMENT_DECIMALS);
  if (!amount.ok) errors.amount = words.amount(amount.error);
  if (f.recordMode === "block" && !/^\d{1,30}$/.test(f.recordBlock.trim()))
    errors.recordBlock = words.t("recordBlockInvalid");
  const days = /^\d{1,4}$/.test(f.claimDays.trim()) ? Number(f.claimDays.trim()) : NaN;
  if (!(days >= 8 && days <= 3_650)) errors.claimDays = words.t("claimDaysInvalid");
  return { errors, amount: amount.ok ? amount.value : null, days };
}

/** Kind, amount, record block and window → the server's plan → the preview, signed from there. */
export function DistributionForm({ token, account }: { token: Address; account: Address }) {
  const t = useTranslations("distributions.issuer");
  const tk = useTranslations("distributions.kinds");
  const ta = useTranslations("amounts");
  const locale = useLocale();
  const ids = useId();
  const [kind, setKind] = useState<DistributionKind>("income");
  const [amount, setAmount] = useState("");
  const [recordMode, setRecordMode] = useState<"now" | "block">("now");
  const [recordBlock, setRecordBlock] = useState("");
  const [claimDays, setClaimDays] = useState("30");
  const form = usePlanForm<keyof Errors, Plan>();
  const { errors } = form;

  function submit() {
    const checked = check(
      { amount, recordMode, recordBlock, claimDays },
      { amount: (e) => describeAmountError(e, ta, locale), t },
    );
    return form.submit(checked.errors, async () => {
      void loadPreview(); // fetched while the server prepares the plan
      const result = await planDistributionAction({
        token,
        kind,
        amount: checked.amount!.toString(),
        recordBlock: recordMode === "now" ? "now" : recordBlock.trim(),
        claimDays: checked.days,
      });
      return result.ok ? { ok: true, plan: result } : result;
    });
  }

  if (form.plan)
    return (
      <Suspense fallback={<PlanPreviewLoading label={t("preparing")} />}>
        <DistributionPreview plan={form.plan} account={account} onDiscard={form.discard} />
      </Suspense>
    );

  return (
    <PlanFormFrame
      ids={ids}
      testId="distribution-form"
      words={{ title: t("formTitle"), notPrepared: t("notPrepared"), prepare: t("prepare"), preparing: t("preparing") }}
      labels={{ amount: t("amount"), recordBlock: t("recordBlockNumber"), claimDays: t("claimDays") }}
      state={form}
      onSubmit={submit}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${ids}-kind`} label={t("kind")}>
          {(p) => (
            <Select {...p} value={kind} onChange={(e) => setKind(e.target.value as DistributionKind)}>
              {DISTRIBUTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {tk(k)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <NumField
          id={`${ids}-amount`}
          label={t("amount")}
          hint={t("amountHint")}
          error={errors.amount}
          inputMode="decimal"
          value={amount}
          set={setAmount}
        />
      </div>
      <RecordBlockFields
        ids={ids}
        mode={recordMode}
        setMode={setRecordMode}
        block={recordBlock}
        setBlock={setRecordBlock}
        error={errors.recordBlock}
        labels={{ legend: t("recordBlock"), now: t("recordNow"), at: t("recordAt"), number: t("recordBlockNumber") }}
      />
      <NumField
        id={`${ids}-claimDays`}
        label={t("claimDays")}
        hint={t("claimDaysHint")}
        error={errors.claimDays}
        value={claimDays}
        set={setClaimDays}
        className="max-w-40"
      />
    </PlanFormFrame>
  );
}
