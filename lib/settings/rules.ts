/**
 * The platform settings' values, defaults and bounds (pure, client-safe): what an admin may set and what a setting
 * is when nobody has set it.
 */
import { z } from "zod";
import { tokenRulesInput } from "@/lib/issuer/client";
import {
  DEFAULT_KYC_VALIDITY_MONTHS,
  DEFAULT_TOKEN_RULES,
  KYC_VALIDITY_BOUNDS,
  LISTING_COUNTRIES,
  type TokenRuleDefaults,
} from "./bounds";

export * from "./bounds";

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
