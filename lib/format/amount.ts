/**
 * Parsing amounts people type: whole share counts and HKD money (at most two decimals, the cent).
 * One module for every amount field, used by the browser and by the server actions, so both agree.
 *
 * What is accepted: digits, with thousands grouped by commas or single spaces ("12,500,000",
 * "12 500 000"), surrounding spaces, full-width digits typed with a Chinese input method, and for
 * money a leading "HK$" and a decimal point followed by at most two digits. Nothing else is "cleaned up": a value that
 * is not exactly one of these forms is refused with a reason code, never rewritten into another
 * number ("2.5" shares is not 25, "-10" is not 10). Pure and isomorphic, no dependencies.
 */
import { formatMoney } from "./money";

export type AmountKind = "shares" | "money";

export type AmountErrorCode =
  /** Nothing typed. */
  | "empty"
  /** Not a plain decimal number ("1e3", "0x10", "+5", letters, "1.", ".5"). */
  | "format"
  /** A minus sign. */
  | "negative"
  /** Shares with a decimal point ("2.5"). */
  | "notWhole"
  /** Money with more decimals than the cent ("10.005"). */
  | "decimals"
  /** Separators that are not thousands groups ("1,23", "12,50,000", "1,000 000"). */
  | "grouping"
  /** Zero where more than zero is needed. */
  | "zero"
  /** Above the field's maximum (or absurdly long). */
  | "tooLarge";

export type AmountError = { kind: AmountKind; code: AmountErrorCode; max?: bigint; decimals?: number };

export type AmountResult = { ok: true; value: bigint } | { ok: false; error: AmountError };

export type AmountOptions = {
  /** Accept 0 (default: refuse it with "zero"). */
  allowZero?: boolean;
  /** Largest accepted value, in the same unit as the result (shares or base units). */
  max?: bigint;
};

/** Longest whole part accepted at all, so no one can make the page build a bigint of a megabyte. */
const MAX_WHOLE_DIGITS = 24;
/** Cents: HKD amounts are typed to the cent at most. */
export const MONEY_FRACTION_DIGITS = 2;

const PLAIN = /^\d+$/;
const GROUPED = /^\d{1,3}(?:([, ])\d{3})(?:\1\d{3})*$/;
/** The currency written before a money amount, as on the screen: "HK$2,400,000", "HK$ 2,400,000". */
const CURRENCY_PREFIX = /^(?:HK)?\$\s?/i;
const MINUS = /^[-\u2212\u2012\u2013\uFE63\uFF0D]/;

type Split = { ok: true; whole: string; fraction: string | null } | { ok: false; code: AmountErrorCode };

function split(input: string): Split {
  // NFKC turns full-width digits, commas and points into ASCII, and no-break / narrow spaces into " ".
  const text = input.normalize("NFKC").trim();
  if (text === "") return { ok: false, code: "empty" };
  if (MINUS.test(text)) {
    const rest = split(text.slice(1));
    return rest.ok || rest.code !== "format" ? { ok: false, code: "negative" } : rest;
  }
  const point = text.indexOf(".");
  const wholeText = point === -1 ? text : text.slice(0, point);
  const fraction = point === -1 ? null : text.slice(point + 1);
  if (fraction !== null && !PLAIN.test(fraction)) return { ok: false, code: "format" };
  if (PLAIN.test(wholeText)) return { ok: true, whole: wholeText, fraction };
  if (GROUPED.test(wholeText)) return { ok: true, whole: wholeText.replace(/[, ]/g, ""), fraction };
  // Only digits and separators, but not in groups of three: say so rather than "not a number".
  if (/^\d[\d, ]*\d$/.test(wholeText)) return { ok: false, code: "grouping" };
  return { ok: false, code: "format" };
}

function finish(value: bigint, kind: AmountKind, options: AmountOptions, extra: Partial<AmountError>): AmountResult {
  if (value === 0n && !options.allowZero) return { ok: false, error: { kind, code: "zero", ...extra } };
  if (options.max !== undefined && value > options.max) {
    return { ok: false, error: { kind, code: "tooLarge", max: options.max, ...extra } };
  }
  return { ok: true, value };
}

/** A whole number of shares: `"12,500"` → `12500n`; `"2.5"` → notWhole; `"-10"` → negative. */
export function parseShareAmount(input: string, options: AmountOptions = {}): AmountResult {
  const parts = split(input);
  if (!parts.ok) return { ok: false, error: { kind: "shares", code: parts.code } };
  if (parts.fraction !== null) return { ok: false, error: { kind: "shares", code: "notWhole" } };
  if (parts.whole.length > MAX_WHOLE_DIGITS) {
    return { ok: false, error: { kind: "shares", code: "tooLarge", max: options.max } };
  }
  return finish(BigInt(parts.whole), "shares", options, {});
}

/**
 * HKD typed by a person, returned in base units of a token with `decimals` decimals:
 * `parseMoneyAmount("12,500.5", 6)` → `12500500000n`. At most two decimals (fewer if the token has fewer).
 */
export function parseMoneyAmount(input: string, decimals: number, options: AmountOptions = {}): AmountResult {
  const places = Math.min(MONEY_FRACTION_DIGITS, decimals);
  const parts = split(input.normalize("NFKC").trim().replace(CURRENCY_PREFIX, ""));
  if (!parts.ok) return { ok: false, error: { kind: "money", code: parts.code, decimals } };
  const fraction = parts.fraction ?? "";
  if (parts.fraction !== null && fraction.length > places) {
    return { ok: false, error: { kind: "money", code: "decimals", decimals } };
  }
  if (parts.whole.length > MAX_WHOLE_DIGITS) {
    return { ok: false, error: { kind: "money", code: "tooLarge", max: options.max, decimals } };
  }
  const value = BigInt(parts.whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, "0") || "0");
  return finish(value, "money", options, { decimals });
}

/** The value of a parse, or `null` when it was refused — for code that only needs the number. */
export function amountValue(result: AmountResult): bigint | null {
  return result.ok ? result.value : null;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The message of a refusal, under the `amounts` namespace: `{ key: "shares.notWhole" }`. Values (the
 * maximum, the decimals) are formatted for `locale`; without a maximum the plain "too large" words are used.
 */
export function amountErrorMessage(
  error: AmountError,
  locale: string,
): { key: string; values: Record<string, string | number> } {
  const key = `${error.kind}.${error.code}`;
  if (error.code === "tooLarge" && error.max !== undefined) {
    const max =
      error.kind === "money"
        ? formatMoney(error.max, error.decimals ?? 0, locale)
        : new Intl.NumberFormat(locale).format(error.max);
    return { key: `${key}Max`, values: { max } };
  }
  if (error.code === "decimals") {
    const places = Math.min(MONEY_FRACTION_DIGITS, error.decimals ?? 0);
    return places === 0 ? { key: "money.wholeDollars", values: {} } : { key, values: { places } };
  }
  return { key, values: {} };
}

/**
 * Words for a refusal, from the `amounts` messages: `t` is `useTranslations("amounts")` in the
 * browser or `getTranslations("amounts")` on the server.
 */
export function describeAmountError(error: AmountError, t: Translate, locale: string): string {
  const { key, values } = amountErrorMessage(error, locale);
  return t(key, values);
}
