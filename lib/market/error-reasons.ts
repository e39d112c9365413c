/**
 * The Market's custom errors in plain words, for a failed transaction (message keys, namespace `market`). Its own
 * module: the trade page fetches it with its chain work when an action runs, not with the page's checks (./reasons).
 */
import type { Reason } from "@/lib/trade/client";
import { FillCode, fillReason } from "./reasons";

/** Why the seller's free shares or allowance do not cover all its open asks (IMarket `MarketAsksNotBacked` code). */
const asksNotBackedKeys: Readonly<Record<number, string>> = { 4: "balance", 10: "locked", 33: "allowance" };

/**
 * Plain words for a Market custom error, from its name and decoded arguments (null when the market has no specific
 * words for it: the caller falls back to {@link marketErrorKeys} or the generic message).
 */
export function marketErrorReason(errorName: string, args: readonly unknown[]): Reason | null {
  const code = (i: number) => Number(args[i] ?? 0);
  switch (errorName) {
    case "ShareTransferRefused":
      return fillReason(code(0));
    case "MarketOrderNotFillable":
      return fillReason(code(1));
    case "MarketMakerNotEligible":
      if (code(2) === FillCode.SellerNotVerified) return { key: "reasons.notVerified", values: {} };
      if (code(2) === 2) return { key: "reasons.you.frozen", values: {} };
      return fillReason(code(2));
    case "MarketAsksNotBacked": {
      const why = asksNotBackedKeys[code(4)];
      return why
        ? { key: `errors.asksNotBacked.${why}`, values: { needed: code(2), available: code(3) } }
        : fillReason(code(4));
    }
    case "MarketFeeAboveMax":
      return { key: "errors.feeAboveMax", values: { fee: code(0), max: code(1) } };
    default: {
      const key = marketErrorKeys[errorName];
      return key ? { key: `errors.${key}`, values: {} } : null;
    }
  }
}

/** Custom errors of the Market → message keys (`market.errors.*`), for decoded reverts. */
export const marketErrorKeys: Readonly<Record<string, string>> = {
  MarketOrderNotOpen: "orderNotOpen",
  MarketInvalidExpiry: "invalidExpiry",
  MarketPriceLimit: "priceLimit",
  MarketSelfTrade: "selfTrade",
  MarketPaused: "paused",
  MarketPlatformStopped: "platformStopped",
  MarketMakerNotEligible: "makerNotEligible",
  MarketInvalidShares: "invalidShares",
  MarketInvalidPrice: "invalidPrice",
  MarketUnauthorizedCancel: "unauthorizedCancel",
  ShareTransferRefused: "transferRefused",
  ERC20InsufficientBalance: "insufficientBalance",
  ERC20InsufficientAllowance: "insufficientAllowance",
};
