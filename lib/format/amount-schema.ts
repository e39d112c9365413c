/**
 * zod fields for typed amounts, for server actions: the same parser as the forms (lib/format/amount.ts),
 * so browser and server accept and refuse the same text. A refusal's issue message is its message key
 * in the root namespace (`amounts.shares.notWhole`); the action translates it. Maxima given here are
 * spoken as "too large" (the schema carries no locale to format them).
 */
import { z } from "zod";
import {
  amountErrorMessage,
  parseMoneyAmount,
  parseShareAmount,
  type AmountOptions,
  type AmountResult,
} from "./amount";

function field(parse: (text: string) => AmountResult) {
  return z.string({ error: "amounts.money.empty" }).transform((text, ctx): bigint => {
    const result = parse(text);
    if (result.ok) return result.value;
    // Without the maximum: the plain "too large" words (no locale here to format it).
    const error = { ...result.error, max: undefined };
    ctx.addIssue({ code: "custom", message: `amounts.${amountErrorMessage(error, "en").key}` });
    return z.NEVER;
  });
}

/** HKD typed by a person → base units of a token with `decimals` decimals (0: whole dollars). */
export function moneyAmountField(decimals: number, options: AmountOptions = {}) {
  return field((text) => parseMoneyAmount(text, decimals, options));
}

/** Like moneyAmountField, but nothing typed (or only spaces) is null instead of a refusal. */
export function optionalMoneyAmountField(decimals: number, options: AmountOptions = {}) {
  return z.string().transform((text, ctx): bigint | null => {
    if (text.trim() === "") return null;
    const result = parseMoneyAmount(text, decimals, options);
    if (result.ok) return result.value;
    ctx.addIssue({
      code: "custom",
      message: `amounts.${amountErrorMessage({ ...result.error, max: undefined }, "en").key}`,
    });
    return z.NEVER;
  });
}

/** A whole number of shares typed by a person. */
export function shareAmountField(options: AmountOptions = {}) {
  return field((text) => parseShareAmount(text, options));
}

/** True for a message key made by these fields (`amounts.…`), which the caller translates from the root. */
export const isAmountMessageKey = (key: string) => key.startsWith("amounts.");
