"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { Address } from "viem";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { primaryOfferingAbi } from "@/lib/chain/abis";
import { type CategoryName, maskFromCategories } from "@/lib/assets/categories";
import { parseMoneyAmount, parseShareAmount } from "@/lib/format/amount";
import { formatCount, formatMoney } from "@/lib/format/money";
import { formatDayTime, hktInputValue, parseHktInput } from "@/lib/format/date";
import { fieldIssueKey, validateOfferingTerms } from "@/lib/issuer/validation";
import { recordSentTxAction, type StepTxView } from "./chain-actions";
import {
  CategoryBoxes,
  DAY,
  EarlierFailure,
  NumField,
  precheck,
  recordStep,
  type StepContext,
  StepHeader,
  StepRefusal,
  type StepState,
  type StepTx,
  TxHash,
  Waiting,
} from "./go-on-chain-parts";
import { TxStatus } from "./tx-status";

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

/** Step 3: create the primary offering for the token, or show it once created. */
export function OfferStep(props: OfferStepProps) {
  const t = useTranslations("issuer.chain");
  const locale = useLocale();
  // Found already created (another tab, an interrupted run) when the wallet was about to open.
  const [found, setFound] = useState(false);
  return (
    <li className="flex flex-col gap-4 rounded-2xl border border-line p-5" aria-label={t("offerTitle")}>
      <StepHeader n={3} title={t("offerTitle")} state={props.state} />
      {props.offeringId !== null ? (
        <div className="flex flex-col gap-1">
          {found ? (
            <Alert tone="info" role="status">
              {t("offerExisting")}
            </Alert>
          ) : null}
          <p className="text-sm" data-testid="offering-created">
            {t("offerCreated", { id: props.offeringId ?? "" })}
          </p>
          {props.offeringTx?.status === "confirmed" ? (
            <TxHash label={t("createdIn")} hash={props.offeringTx.txHash} />
          ) : null}
        </div>
      ) : props.waiting ? (
        <Waiting
          tx={props.waiting}
          title={t("offerWaitingTitle")}
          body={t("offerWaitingBody", { time: formatDayTime(new Date(props.waiting.sentAt), locale) })}
          testId="offer-waiting"
        />
      ) : props.ready ? (
        <OfferForm {...props} onFound={() => setFound(true)} />
      ) : (
        <p className="text-sm text-ink-muted">{t("offerWaiting")}</p>
      )}
    </li>
  );
}

/** The offering's terms; creating it asks the server first, so a listing never gets two offerings. */
function OfferForm(props: OfferStepProps & { onFound: () => void }) {
  const t = useTranslations("issuer.chain");
  const tRoot = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const { ctx, tx } = props;
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
    const parsed = validateOfferingTerms(
      { price, supply, minTicket, maxTicket, start: fromLocalInput(start), end: fromLocalInput(end), categories: cats },
      { decimals: props.decimals, now },
    );
    if (!parsed.ok) {
      setErrors(
        Object.fromEntries(
          Object.entries(parsed.issues).map(([f, i]) => [f, tRoot(fieldIssueKey(i) as never, i.params as never)]),
        ),
      );
      return;
    }
    setErrors({});
    // Never two offerings for one listing: the server reads the token's offerings (and any offering already sent).
    const check = await precheck(tx, ctx.id);
    if (!check) return;
    if (check.offeringId !== null || check.offering?.status === "pending") {
      if (check.offeringId !== null) props.onFound();
      tx.setStep({ kind: "idle" });
      router.refresh();
      return;
    }
    const v = parsed.data;
    await tx.send(
      {
        address: props.primaryOffering,
        abi: primaryOfferingAbi,
        functionName: "createOffering",
        args: [
          props.token,
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
      },
      {
        onHash: (txHash) => recordSentTxAction({ id: ctx.id, kind: "offering", txHash }),
        record: recordStep(ctx.id),
      },
    );
    router.refresh();
  }

  // Spelled out once the price and the supply read as amounts; until then, what is missing.
  const signs = (() => {
    const units = parseMoneyAmount(price, props.decimals);
    const shares = parseShareAmount(supply);
    if (!units.ok || !shares.ok) return t("offerSignsIncomplete");
    const each = formatMoney(units.value, props.decimals, locale);
    return t("offerSigns", { supply: formatCount(shares.value, locale), price: each });
  })();

  return (
    <>
      {props.offeringTx?.status === "failed" ? (
        <EarlierFailure
          tx={props.offeringTx}
          body={t("offerFailedBefore", { reason: props.failureText(props.offeringTx) })}
        />
      ) : null}
      <p className="text-sm text-ink-muted">{t("offerExplain")}</p>
      <StepRefusal errors={errors} fields={OFFER_FIELDS} />
      <div className="grid gap-4 sm:grid-cols-2">
        <NumField
          id="offer-price"
          label={t("price")}
          value={price}
          set={setPrice}
          error={errors.price}
          hint={t("priceHint")}
          inputMode="decimal"
        />
        <NumField id="offer-supply" label={t("supply")} value={supply} set={setSupply} error={errors.supply} />
        <NumField id="offer-min" label={t("minTicket")} value={minTicket} set={setMinTicket} error={errors.minTicket} />
        <NumField id="offer-max" label={t("maxTicket")} value={maxTicket} set={setMaxTicket} error={errors.maxTicket} />
        <Field id="offer-start" label={t("start")} error={errors.start}>
          {(c) => <Input {...c} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />}
        </Field>
        <Field id="offer-end" label={t("end")} error={errors.end}>
          {(c) => <Input {...c} type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />}
        </Field>
      </div>
      <CategoryBoxes
        legend={t("offerCategories")}
        selected={cats}
        set={setCats}
        error={errors.categories}
        idp="offer-cat"
      />
      <Alert tone="info" role="none" title={t("willSign")}>
        {signs}
      </Alert>
      <TxStatus step={tx.step} confirmed={t("offerConfirmed")} pendingNote={t("pendingSafe")} testId="offer-status" />
      <div>
        <Button onClick={onOffer} disabled={!ctx.canSign} loading={tx.busy}>
          {t("createOffering")}
        </Button>
      </div>
    </>
  );
}
