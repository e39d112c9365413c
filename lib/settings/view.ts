import "server-only";

import { getDb } from "@/lib/db";
import { type MarketFee, type PaymentTokenView, readMarketFee, readPaymentToken } from "./chain";
import { getPortalSettings, getTokenRuleDefaults } from "./store";
import { DEFAULT_TOKEN_RULES, type TokenRuleDefaults } from "./rules";

export type SettingsView = {
  portal: Awaited<ReturnType<typeof getPortalSettings>> | null;
  /** null: no market in this deployment; "unavailable": the chain did not answer. */
  market: MarketFee | null | "unavailable";
  paymentToken: PaymentTokenView | "unavailable";
};

/**
 * The admin's settings page: the portal's settings from the database and the chain's from the contracts; each part
 * that cannot be read is said as unavailable without hiding the others.
 */
export async function loadSettingsView(): Promise<SettingsView> {
  const unavailable = (part: string) => (error: unknown) => {
    console.error(`[settings] ${part} unavailable:`, error instanceof Error ? error.message : error);
    return "unavailable" as const;
  };
  const [portal, market, paymentToken] = await Promise.all([
    getDb()
      .then(getPortalSettings)
      .catch((e: unknown) => (unavailable("database")(e), null)),
    readMarketFee().catch(unavailable("market fee")),
    readPaymentToken().catch(unavailable("payment token")),
  ]);
  return { portal, market, paymentToken };
}

/** The token rules a new listing's deploy form starts from (the platform defaults if the database cannot be read). */
export async function loadTokenRuleDefaults(): Promise<TokenRuleDefaults> {
  try {
    return await getTokenRuleDefaults(await getDb());
  } catch (error) {
    console.error("[settings] token rule defaults unavailable:", error instanceof Error ? error.message : error);
    return DEFAULT_TOKEN_RULES;
  }
}
