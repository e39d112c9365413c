"use client";

import { useLocale, useTranslations } from "next-intl";
import { lazy, type ReactNode, Suspense, useId, useState } from "react";
import { type Address, bytesToHex, isAddress } from "viem";
import { Field } from "@/components/ui/field";
import { AddressInput, Input } from "@/components/ui/input";
import { NumField } from "@/components/ui/num-field";
import { Section } from "@/components/ui/section";
import { PAYMENT_DECIMALS } from "@/lib/distributions/client";
import { type AmountError, describeAmountError, parseMoneyAmount } from "@/lib/format/amount";
import { planSaleAction } from "@/components/sale/actions";
import { PlanFormFrame, PlanPreviewLoading, usePlanForm } from "../plan-form";
import { RecordBlockFields } from "../record-block-fields";
import type { SalePlan } from "./sale-preview";

const loadPreview = () => import("./sale-preview");
const SalePreview = lazy(() => loadPreview().then((m) => ({ default: m.SalePreview })));

type Errors = Partial<
  Record<"buyer" | "price" | "offer" | "recordBlock" | "votingDays" | "quorum" | "approval", string>
>;
type Fields = {
  buyer: string;
  price: string;
  recordMode: "now" | "block";
  recordBlock: string;
  votingDays: string;
  quorum: string;
  approval: string;
};

const whole = (s: string, min: number, max: number) => {
  const n = /^\d{1,3}$/.test(s.trim()) ? Number(s.trim()) : NaN;
  return n >= min && n <= max ? n : null;
};

/** The fields as typed: checked here and again by the server, refused in words, never rewritten. */
function check(f: Fields, file: File | null, t: (key: string) => string, amount: (e: AmountError) => string) {
  const errors: Errors = {};
  if (!isAddress(f.buyer.trim()) || /^0x0{40}$/i.test(f.buyer.trim())) errors.buyer = t("buyerInvalid");
  const price = parseMoneyAmount(f.price, PAYMENT_DECIMALS);
  if (!price.ok) errors.price = amount(price.error);
  if (!file) errors.offer = t("offerMissing");
  if (f.recordMode === "block" && !/^\d{1,30}$/.test(f.recordBlock.trim()))
    errors.recordBlock = t("recordBlockInvalid");
  const days = whole(f.votingDays, 7, 90);
  if (days === null) errors.votingDays = t("votingDaysInvalid");
  const quorum = whole(f.quorum, 25, 100);
  if (quorum === null) errors.quorum = t("quorumInvalid");
  const approval = whole(f.approval, 50, 99);
  if (approval === null) errors.approval = t("approvalInvalid");
  return { errors, price: price.ok ? price.value : null, days, quorum, approval };
}

/** SHA-256 of the offer document, as the 0x hash anchored on-chain. */
async function sha256(file: File) {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest("SHA-256", await file.arrayBuffer())));
}

/**
 * Buyer, price, offer document, record block, period and thresholds → the server's plan → the preview, signed there.
 * Rendered in the same place whether or not the token has a sale, so a vote opened here keeps its preview and its
 * "the vote is open" status when the page refreshes with the sale recorded (until the issuer closes it); with a sale
 * under way and nothing in progress here, nothing is shown (`canOffer` false).
 */
export function SaleForm({
  token,
  account,
  canOffer,
  title,
  intro,
}: {
  token: Address;
  account: Address;
  canOffer: boolean;
  title: string;
  intro: string;
}) {
  const t = useTranslations("sale.issuer");
  const ta = useTranslations("amounts");
  const locale = useLocale();
  const ids = useId();
  const [f, setF] = useState<Fields>({
    buyer: "",
    price: "",
    recordMode: "now",
    recordBlock: "",
    votingDays: "14",
    quorum: "50",
    approval: "50",
  });
  const set = (k: keyof Fields) => (v: string) => setF((prev) => ({ ...prev, [k]: v }));
  const [file, setFile] = useState<File | null>(null);
  const form = usePlanForm<keyof Errors, SalePlan>();
  const { errors } = form;

  function submit() {
    const c = check(f, file, t, (e) => describeAmountError(e, ta, locale));
    return form.submit(c.errors, async () => {
      void loadPreview(); // fetched while the server prepares the plan
      const offer = file!;
      const result = await planSaleAction({
        token,
        buyer: f.buyer.trim(),
        price: c.price!.toString(),
        offerHash: await sha256(offer),
        offerName: offer.name,
        recordBlock: f.recordMode === "now" ? "now" : f.recordBlock.trim(),
        votingDays: c.days!,
        quorumBps: c.quorum! * 100,
        approvalBps: c.approval! * 100,
      });
      return result.ok ? { ok: true, plan: { ...result, offerName: offer.name } } : result;
    });
  }

  const frame = (children: ReactNode) => (
    <Section id="sale-offer" title={title} intro={intro} look="display">
      {children}
    </Section>
  );
  if (form.plan)
    return frame(
      <Suspense fallback={<PlanPreviewLoading label={t("preparing")} />}>
        <SalePreview plan={form.plan} account={account} onDiscard={form.discard} />
      </Suspense>,
    );
  if (!canOffer) return null;

  const labels: Record<keyof Errors, string> = {
    buyer: t("buyer"),
    price: t("price"),
    offer: t("offer"),
    recordBlock: t("recordBlockNumber"),
    votingDays: t("votingDays"),
    quorum: t("quorum"),
    approval: t("approval"),
  };
  return frame(
    <PlanFormFrame
      ids={ids}
      testId="sale-form"
      words={{
        title: t("formTitle"),
        intro: t("formIntro"),
        notPrepared: t("notPrepared"),
        prepare: t("prepare"),
        preparing: t("preparing"),
      }}
      labels={labels}
      state={form}
      onSubmit={submit}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${ids}-buyer`} label={t("buyer")} hint={t("buyerHint")} error={errors.buyer}>
          {(p) => <AddressInput {...p} value={f.buyer} onChange={(e) => set("buyer")(e.target.value)} />}
        </Field>
        <NumField
          id={`${ids}-price`}
          label={t("price")}
          hint={t("priceHint")}
          error={errors.price}
          inputMode="decimal"
          value={f.price}
          set={set("price")}
        />
      </div>
      <Field id={`${ids}-offer`} label={t("offer")} hint={t("offerHint")} error={errors.offer}>
        {(p) => <Input {...p} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
      </Field>
      <RecordBlockFields
        ids={ids}
        mode={f.recordMode}
        setMode={(mode) => setF((prev) => ({ ...prev, recordMode: mode }))}
        block={f.recordBlock}
        setBlock={set("recordBlock")}
        error={errors.recordBlock}
        labels={{ legend: t("recordBlock"), now: t("recordNow"), at: t("recordAt"), number: t("recordBlockNumber") }}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        {(
          [
            ["votingDays", t("votingDaysHint")],
            ["quorum", t("quorumHint")],
            ["approval", t("approvalHint")],
          ] as const
        ).map(([k, hint]) => (
          <NumField
            key={k}
            id={`${ids}-${k}`}
            label={labels[k]}
            hint={hint}
            error={errors[k]}
            value={f[k]}
            set={set(k)}
          />
        ))}
      </div>
    </PlanFormFrame>,
  );
}
