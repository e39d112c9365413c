"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { Address } from "viem";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { type CategoryName, maskFromCategories } from "@/lib/assets/client";
import { parseMoneyAmount, parseShareAmount } from "@/lib/format/amount";
import { formatCount, formatMoney } from "@/lib/format/money";
import { hktInputValue, parseHktInput } from "@/lib/format/date";
import type { StepTxView } from "./chain-actions";
import { NumField } from "@/components/ui/num-field";
import { CategoryBoxes, StepFormFrame, useIssueWords, useStepField, useStepSend } from "./go-on-chain-form";
import { DAY, type StepContext, type StepState, type StepTx } from "./go-on-chain-parts";

const OFFER_FIELDS = [
  ["price", "offer-price", "price"],
  ["supply", "offer-supply", "supply"],
  ["minTicket", "offer-min", "minTicket"],
  ["maxTicket", "offer-max", "maxTicket"],
  ["start", "offer-start", "start"],
  ["end", "offer-end", "end"],
  ["categories", "offer-cat", "offerCategories"],
] as const;

// Offering times are typed and shown in Hong Kong time (the labels say HKT), whatever the browser's zone.
const toLocalInput = hktInputValue;
const fromLocalInput = parseHktInput;
/** The earliest start: now, or the chain's clock when it runs ahead (a test chain moved forward). */
const opensAt = (chainNow: number) => Math.max(chainNow, Math.floor(Date.now() / 1000));

export type OfferStepProps = {
  ctx: StepContext;
  tx: StepTx;
  state: StepState;
  primaryOffering: Address;
  token: Address | null;
  decimals: number;
  chainNow: number;
  offeringId: string | null;
  offeringTx: StepTxView | null;
  /** An offering sent earlier (another tab, a closed page) that this page is not sending itself. */
  waiting: StepTxView | null;
  /** The documents are anchored: the offering may be created. */
  ready: boolean;
  failureText: (tx: StepTxView) => string;
};
/** The offering's terms; creating it asks the server first, so a listing never gets two offerings. */
export function OfferForm(props: OfferStepProps & { onFound: () => void }) {
  const t = useTranslations("issuer.chain");
  const words = useIssueWords();
  const locale = useLocale();
  const { ctx, tx } = props;
  const send = useStepSend(ctx, tx, "offering");
  const [price, setPrice] = useState("");
  const [supply, setSupply] = useState("");
  const [minTicket, setMinTicket] = useState("1");
  const [maxTicket, setMaxTicket] = useState("");
  const [start, setStart] = useState(() => toLocalInput(opensAt(props.chainNow)));
  const [end, setEnd] = useState(() => toLocalInput(opensAt(props.chainNow) + 14 * DAY));
  const [cats, setCats] = useState<CategoryName[]>(["retail", "professional", "institutional"]);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function onOffer() {
    if (!props.token) return;
    const now = Math.max(props.chainNow, Math.floor(Date.now() / 1000));
    // The terms' schema (zod) loads on the first press, not with the page.
    const { validateOfferingTerms } = await import("@/lib/issuer/client");
    const parsed = validateOfferingTerms(
      { price, supply, minTicket, maxTicket, start: fromLocalInput(start), end: fromLocalInput(end), categories: cats },
      { decimals: props.decimals, now },
    );
    if (!parsed.ok) {
      setErrors(Object.fromEntries(Object.entries(parsed.issues).map(([f, i]) => [f, words(i)])));
      return;
    }
    setErrors({});
    const v = parsed.data;
    // The contract's ABI loads when the issuer signs, not with the page.
    const { primaryOfferingAbi } = await import("@/lib/chain/abi/primary-offering");
    const token = props.token;
    // Never two offerings for one listing: the server reads the token's offerings (and any offering already sent).
    await send({
      made: (check) => ({ found: check.offeringId !== null, pending: check.offering?.status === "pending" }),
      onFound: props.onFound,
      call: () => ({
        address: props.primaryOffering,
        abi: primaryOfferingAbi,
        functionName: "createOffering",
        args: [
          token,
          {
            pricePerShare: v.price,
            supplyCap: BigInt(v.supply),
            minTicket: BigInt(v.minTicket),
            maxTicket: BigInt(v.maxTicket),
            start: BigInt(v.start),
            end: BigInt(v.end),
            eligibleCategories: maskFromCategories(v.categories),
            treasury: ctx.account,
          },
        ],
        account: ctx.account,
      }),
    });
  }

  // Spelled out once the price and the supply read as amounts; until then, what is missing.
  const signs = (() => {
    const units = parseMoneyAmount(price, props.decimals);
    const shares = parseShareAmount(supply);
    if (!units.ok || !shares.ok) return t("offerSignsIncomplete");
    const each = formatMoney(units.value, props.decimals, locale);
    return t("offerSigns", { supply: formatCount(shares.value, locale), price: each });
  })();
  const field = useStepField(OFFER_FIELDS, errors);
  const time = (name: "start" | "end", value: string, set: (v: string) => void) => (
    <Field {...field(name)}>
      {(c) => <Input {...c} type="datetime-local" value={value} onChange={(e) => set(e.target.value)} />}
    </Field>
  );
  return (
    <StepFormFrame
      ctx={ctx}
      tx={tx}
      earlier={{ tx: props.offeringTx, body: (o) => t("offerFailedBefore", { reason: props.failureText(o) }) }}
      explain={t("offerExplain")}
      errors={errors}
      fields={OFFER_FIELDS}
      signs={signs}
      status={{ confirmed: t("offerConfirmed"), testId: "offer-status" }}
      action={{ label: t("createOffering"), run: () => void onOffer() }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <NumField {...field("price")} value={price} set={setPrice} hint={t("priceHint")} inputMode="decimal" />
        <NumField {...field("supply")} value={supply} set={setSupply} />
        <NumField {...field("minTicket")} value={minTicket} set={setMinTicket} />
        <NumField {...field("maxTicket")} value={maxTicket} set={setMaxTicket} />
        {time("start", start, setStart)}
        {time("end", end, setEnd)}
      </div>
      <CategoryBoxes
        legend={field("categories").label}
        selected={cats}
        set={setCats}
        error={errors.categories}
        idp={field("categories").id}
      />
    </StepFormFrame>
  );
}
