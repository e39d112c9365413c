import countries from "i18n-iso-countries";
import type { Locale } from "./config";

/** ISO 3166-1 alpha-2 for an ISO numeric code as stored on chain, or undefined. */
export function numericToAlpha2(numeric: number): string | undefined {
  return countries.numericToAlpha2(String(numeric).padStart(3, "0"));
}

export function alpha2ToNumeric(alpha2: string): number | undefined {
  const n = countries.alpha2ToNumeric(alpha2.toUpperCase());
  return n ? Number(n) : undefined;
}

/** The country's name in the locale (Intl, so both languages stay in step with the browser's CLDR data). */
export function countryName(alpha2: string, locale: Locale | string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(alpha2.toUpperCase()) ?? alpha2;
  } catch {
    return alpha2;
  }
}

export function countryNameFromNumeric(numeric: number, locale: Locale | string): string {
  const a2 = numericToAlpha2(numeric);
  return a2 ? countryName(a2, locale) : String(numeric);
}

/** Every ISO country as { alpha2, numeric, name } sorted by name in the locale (forms). */
export function listCountries(locale: Locale | string): { alpha2: string; numeric: number; name: string }[] {
  const codes = Object.keys(countries.getAlpha2Codes());
  return codes
    .map((alpha2) => ({
      alpha2,
      numeric: Number(countries.alpha2ToNumeric(alpha2)),
      name: countryName(alpha2, locale),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** The short form people use in sentences ("Hong Kong", not "Hong Kong SAR China"). */
export function countryShortNameFromNumeric(numeric: number, locale: Locale | string): string {
  const a2 = numericToAlpha2(numeric);
  if (!a2) return String(numeric);
  try {
    return new Intl.DisplayNames([locale], { type: "region", style: "short" }).of(a2) ?? a2;
  } catch {
    return a2;
  }
}
