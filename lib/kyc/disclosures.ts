/**
 * Risk disclosures the investor acknowledges one by one. The text (both languages) is in "kyc.disclosures"; bump the
 * version when it changes. Client-safe (the onboarding forms import it); the text hash is in disclosure-hash.ts.
 */
export const DISCLOSURE_VERSION = "2026-01";
export const DISCLOSURES = ["loss", "illiquidity", "valuation", "custody", "regulation"] as const;
export type DisclosureKey = (typeof DISCLOSURES)[number];
