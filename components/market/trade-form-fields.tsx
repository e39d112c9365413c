"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { formatDay } from "@/lib/format/date";
import { EXPIRY_DAYS, type ExpiryDays, type TradeFormState } from "./trade-form-state";

/** One option of a radio group drawn as a chip (side, mode). */
function Choice(props: { name: string; value: string; checked: boolean; label: string; onChoose: () => void }) {
  return (
    <label
      className={cn(
        "flex cursor-pointer items-center gap-2 rounded-lg border px-4 py-2 text-sm",
        props.checked ? "border-accent bg-accent-soft" : "border-line",
      )}
    >
      <input type="radio" name={props.name} value={props.value} checked={props.checked} onChange={props.onChoose} />
      {props.label}
    </label>
  );
}

/** A radio group of chips under its legend (the order's side, its mode). */
export function ChoiceGroup<T extends string>(props: {
  name: string;
  legend: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChoose: (value: T) => void;
  wrap?: boolean;
  children?: ReactNode;
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-medium">{props.legend}</legend>
      <div className={cn("flex gap-2", props.wrap && "flex-wrap")}>
        {props.options.map((o) => (
          <Choice
            key={o.value}
            name={props.name}
            value={o.value}
            checked={props.value === o.value}
            label={o.label}
            onChoose={() => props.onChoose(o.value)}
          />
        ))}
      </div>
      {props.children}
    </fieldset>
  );
}

/** The number of shares and the (limit, highest or lowest) price, each refused under its own field. */
export function AmountFields({ f, onEdit }: { f: TradeFormState; onEdit: () => void }) {
  const t = useTranslations("market");
  const fields = [
    {
      id: "trade-shares",
      label: t("form.shares"),
      mode: "numeric",
      text: f.sharesText,
      parse: f.sharesParse,
      set: f.setSharesText,
    },
    {
      id: "trade-price",
      label: f.take ? (f.side === "buy" ? t("form.maxPrice") : t("form.minPrice")) : t("form.price"),
      mode: "decimal",
      text: f.priceText,
      parse: f.priceParse,
      set: f.setPriceText,
    },
  ] as const;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {fields.map((x) => (
        <Field key={x.id} id={x.id} label={x.label} error={f.fieldError(x.text, x.parse)}>
          {(p) => (
            <Input
              {...p}
              inputMode={x.mode}
              value={x.text}
              onChange={(e) => {
                x.set(e.target.value);
                onEdit();
              }}
            />
          )}
        </Field>
      ))}
    </div>
  );
}

/** How long a limit order rests, each choice with the day it ends. */
export function ExpiryField({ f, onEdit }: { f: TradeFormState; onEdit: () => void }) {
  const t = useTranslations("market");
  const locale = useLocale();
  return (
    <Field id="trade-expiry" label={t("form.expiry")} hint={t("form.expiryHelp")}>
      {(p) => (
        <Select
          {...p}
          value={f.expiryDays}
          onChange={(e) => {
            f.setExpiryDays(Number(e.target.value) as ExpiryDays);
            onEdit();
          }}
        >
          {EXPIRY_DAYS.map((days) => (
            <option key={days} value={days}>
              {t("form.expiryOption", {
                days,
                date: formatDay(new Date((Number(f.now) + days * 86_400) * 1000), locale),
              })}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/** The order's value, fee and total (or what a sale brings in). */
export function TradeTotals({ f, feeBps }: { f: TradeFormState; feeBps: bigint }) {
  const t = useTranslations("market");
  const { money, side, value, fee } = f;
  const showFee = f.take || (f.preview && f.preview.traded > 0n);
  return (
    <>
      <dl className="divide-y divide-line border-y border-line text-sm">
        <div className="flex justify-between gap-4 py-2">
          <dt className="text-ink-muted">{t("form.value")}</dt>
          <dd className="tabular">{money(value)}</dd>
        </div>
        {showFee ? (
          <div className="flex justify-between gap-4 py-2">
            <dt className="text-ink-muted">{t("form.fee", { bps: Number(feeBps) })}</dt>
            <dd className="tabular">{money(fee)}</dd>
          </div>
        ) : null}
        <div className="flex justify-between gap-4 py-2 font-medium">
          <dt>{side === "buy" ? t("form.total") : t("form.receive")}</dt>
          <dd className="tabular" data-testid="trade-total">
            {money(side === "buy" ? value + fee : value - fee)}
          </dd>
        </div>
      </dl>
      {showFee ? <p className="text-xs text-ink-muted">{t("form.feeRounding")}</p> : null}
    </>
  );
}
