/**
 * The platform settings' bounds and defaults and the fee's percent helpers, with no zod behind them: the settings
 * forms and dialogs bundle only these (the input schemas are in ./rules).
 */
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
