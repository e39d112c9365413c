/**
 * The platform settings' values, defaults and bounds (pure, client-safe): what an admin may set and what a setting
 * is when nobody has set it.
 */
import { z } from "zod";
import { tokenRulesInput } from "@/lib/issuer/client";

/** Which part of the platform enforces a setting: a contract on chain, or the portal itself. */
export type EnforcedBy = "market" | "portal" | "token" | "deployment";

/** The KYC validity period's bounds, in months: a new approval or renewal is valid this long. */
export const KYC_VALIDITY_BOUNDS = { min: 1, max: 36 } as const;
export const DEFAULT_KYC_VALIDITY_MONTHS = 12;

/** The countries a listing's token rules may name (ISO 3166-1 numeric): Hong Kong, Singapore, the UK, the US. */
export const LISTING_COUNTRIES: readonly number[] = [344, 702, 826, 840];

export type InvestorCategoryName = "retail" | "professional" | "institutional";

/** The token rules a new listing's deploy form starts from; the issuer may change them before deploying. */
export type TokenRuleDefaults = {
  /** ISO numeric codes; empty = any country. */
  allowedCountries: number[];
  categories: InvestorCategoryName[];
  /** Most holders the token may have; 0 = no limit. */
  maxHolders: number;
  /** Days a buyer's shares are locked after they receive them. */
  lockupDays: number;
};

export const DEFAULT_TOKEN_RULES: TokenRuleDefaults = {
  allowedCountries: [344],
  categories: ["retail", "professional", "institutional"],
  maxHolders: 500,
  lockupDays: 0,
};

export const kycValidityInput = z.object({
  months: z.coerce
    .number({ message: "monthsRange" })
    .int({ message: "monthsRange" })
    .min(KYC_VALIDITY_BOUNDS.min, { message: "monthsRange" })
    .max(KYC_VALIDITY_BOUNDS.max, { message: "monthsRange" }),
});

/** Validated as the listing form validates its rules (the same schema), the countries limited to those it offers. */
export const tokenRuleDefaultsInput = tokenRulesInput
  .pick({ allowedCountries: true, categories: true, maxHolders: true, lockupDays: true })
  .extend({
    allowedCountries: tokenRulesInput.shape.allowedCountries.refine(
      (list) => list.every((c) => LISTING_COUNTRIES.includes(c)),
      { message: "countries" },
    ),
  })
  .transform((r) => ({
    ...r,
    allowedCountries: [...new Set(r.allowedCountries)].sort((a, b) => a - b),
    categories: (["retail", "professional", "institutional"] as const).filter((c) => r.categories.includes(c)),
  }));

/** A stored value read back: the default when missing or not of the expected shape (a hand-edited row). */
export function readKycValidity(value: unknown): number {
  const parsed = kycValidityInput.safeParse({ months: value });
  return parsed.success ? parsed.data.months : DEFAULT_KYC_VALIDITY_MONTHS;
}

export function readTokenRuleDefaults(value: unknown): TokenRuleDefaults {
  if (!value || typeof value !== "object") return DEFAULT_TOKEN_RULES;
  const v = value as Record<string, unknown>;
  const parsed = tokenRuleDefaultsInput.safeParse({
    ...v,
    maxHolders: String(v.maxHolders ?? ""),
    lockupDays: String(v.lockupDays ?? ""),
  });
  return parsed.success ? parsed.data : DEFAULT_TOKEN_RULES;
}

/** The market fee in basis points as a percentage with up to two decimals ("0.25"). */
export function bpsToPercent(bps: number | bigint): string {
  const n = Number(bps);
  return (n / 100).toFixed(2).replace(/\.?0+$/, "") || "0";
}

/** A typed percentage ("0.3", "1") → basis points; null when it is not a number with at most two decimals. */
export function percentToBps(text: string): number | null {
  const s = text.trim().replace(",", ".");
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ""] = s.split(".");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}
