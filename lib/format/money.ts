/**
 * Money formatting for payment-token amounts held as integer base units (bigint).
 * Exact: the bigint is turned into a decimal string before Intl sees it, so no float rounding.
 * Pure and isomorphic (server and client), no dependencies.
 */

export const CURRENCY = "HKD";

/** `1250000000n, 6` → `"1250.000000"` (exact decimal string). */
export function formatUnitsExact(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const base = 10n ** BigInt(decimals);
  const whole = abs / base;
  const fraction = decimals > 0 ? (abs % base).toString().padStart(decimals, "0") : "";
  return `${negative ? "-" : ""}${whole.toString()}${fraction ? `.${fraction}` : ""}`;
}

export type MoneyOptions = {
  /** `compact` → `HK$1.3M` / `HK$125萬`. */
  compact?: boolean;
  /** Fraction digits shown (default 2; 0 for whole dollars). */
  fractionDigits?: number;
  /**
   * Money a person holds (a wallet balance, escrow): shown to the cent and cut there, never rounded
   * up, so HK$1,936,084.738 shows as HK$1,936,084.73 — the screen never says they hold more than they do.
   */
  balance?: boolean;
};

const cache = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, options: MoneyOptions): Intl.NumberFormat {
  const shown = options.fractionDigits ?? 2;
  const key = `${locale}|${options.compact ? "c" : "s"}|${shown}|${options.balance ? "b" : ""}`;
  let nf = cache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: CURRENCY,
      currencyDisplay: "symbol",
      ...(options.compact
        ? { notation: "compact", maximumFractionDigits: 1 }
        : { minimumFractionDigits: shown, maximumFractionDigits: shown }),
      ...(options.balance ? { roundingMode: "trunc" as const } : {}),
    });
    cache.set(key, nf);
  }
  return nf;
}

/**
 * Formats base units of the payment token as Hong Kong dollars for a locale.
 * `formatMoney(1_250_000_000n, 6, "en")` → `"HK$1,250.00"`; same in `zh-HK`.
 */
export function formatMoney(value: bigint, decimals: number, locale: string, options: MoneyOptions = {}): string {
  const exact = formatUnitsExact(value, decimals);
  const nf = formatter(locale, options);
  // Intl accepts exact decimal strings (Intl.NumberFormat v3); the cast keeps lib.d.ts happy.
  return nf.format(exact as unknown as number);
}

/** Whole numbers (share counts) with grouping, for a locale. */
export function formatCount(value: bigint | number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** Percentage 0..1 → `"42%"`. */
export function formatPercent(ratio: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(ratio);
}
