/**
 * Reason codes of the contracts → messages in plain words, and the pre-sign checklist of a primary purchase.
 * Pure and isomorphic: returns message keys (namespace `trade`) with their values; the caller translates.
 * Codes mirror contracts/src/interfaces/IPrimaryOffering.sol (BUY_*) and IArtworkShareToken.sol (TRANSFER_*).
 */
import { transferReasonKeys } from "./transfer-codes";

export { transferReasonKeys };

export const BuyCode = {
  Ok: 0,
  UnknownOffering: 1,
  NotLive: 2,
  ExceedsSupply: 3,
  BelowMinTicket: 4,
  AboveMaxTicket: 5,
  NotVerified: 6,
  CategoryNotEligible: 7,
  TokenRefused: 8,
  InsufficientFunds: 9,
  PlatformStopped: 10,
} as const;
export type BuyCode = (typeof BuyCode)[keyof typeof BuyCode];

export const TransferCode = {
  Ok: 0,
  Paused: 1,
  SenderFrozen: 2,
  ReceiverFrozen: 3,
  InsufficientUnfrozenBalance: 4,
  ReceiverNotVerified: 5,
  CountryNotAllowed: 6,
  CategoryNotEligible: 7,
  MaxHoldersReached: 8,
  MaxBalanceExceeded: 9,
  SharesLocked: 10,
  SenderNotVerified: 11,
  SenderCountryNotAllowed: 12,
  InvalidReceiver: 13,
  MaxSupplyExceeded: 14,
  TradingEnded: 15,
} as const;
export type TransferCode = (typeof TransferCode)[keyof typeof TransferCode];

/** Message key per code (under `trade.reasons.buy`; the token's under `trade.reasons.transfer`, ./transfer-codes). */
export const buyReasonKeys: Readonly<Record<number, string>> = {
  1: "unknownOffering",
  2: "notLive",
  3: "exceedsSupply",
  4: "belowMinTicket",
  5: "aboveMaxTicket",
  6: "notVerified",
  7: "categoryNotEligible",
  8: "tokenRefused",
  9: "insufficientFunds",
  10: "platformStopped",
};

export type MessageValues = Record<string, string | number>;
/** A translatable message: `t(key, values)` with `t = useTranslations("trade")`. */
export type Reason = { key: string; values: MessageValues };

/** What the words need to be specific. Names and dates come pre-formatted for the locale. */
export type ReasonContext = {
  /** The investor's registered residence, as a country name. */
  residence: string | null;
  /** Countries the token allows, as names ([] = any). */
  allowedCountries: readonly string[];
  /** Locale, for joining lists ("Hong Kong or Singapore"). */
  locale: string;
  /** The investor's category and the eligible ones, as localised words. */
  category: string | null;
  eligibleCategories: readonly string[];
  minTicket: bigint;
  maxTicket: bigint;
  /** Shares this investor already bought in this offering. */
  purchased: bigint;
  /** Shares still available in the offering. */
  remaining: bigint;
  maxHolders: number;
  maxBalancePerInvestor: bigint;
  /** Formatted dates. */
  opensOn: string;
  closedOn: string;
  offeringUpcoming: boolean;
  /** The issuer closed the offering (the chain keeps no date for it): "It closed on" would be wrong. */
  offeringClosed?: boolean;
  kycExpiredOn: string | null;
  /** Formatted money. */
  balance: string;
  cost: string;
  shortfall: string;
};

export function joinList(items: readonly string[], locale: string, type: "conjunction" | "disjunction"): string {
  try {
    return new Intl.ListFormat(locale, { type, style: "long" }).format(items);
  } catch {
    return items.join(", ");
  }
}

const n = (v: bigint) => Number(v);

/** The allowed countries and the investor's residence, for a "country not allowed" reason. */
const countryValues = (ctx: ReasonContext): MessageValues => ({
  countries: joinList(ctx.allowedCountries, ctx.locale, "disjunction"),
  residence: ctx.residence ?? "—",
});

/** The eligible categories and the investor's own, for a "category not eligible" reason (token or offering). */
const categoryValues = (ctx: ReasonContext): MessageValues => ({
  categories: joinList(ctx.eligibleCategories, ctx.locale, "conjunction"),
  category: ctx.category ?? "—",
});

/** The values each `canTransfer` refusal's words need (none for the others). */
const transferValues: Partial<Record<number, (ctx: ReasonContext) => MessageValues>> = {
  [TransferCode.CountryNotAllowed]: countryValues,
  [TransferCode.SenderCountryNotAllowed]: countryValues,
  [TransferCode.CategoryNotEligible]: categoryValues,
  [TransferCode.MaxHoldersReached]: (ctx) => ({ max: ctx.maxHolders }),
  [TransferCode.MaxBalanceExceeded]: (ctx) => ({ max: n(ctx.maxBalancePerInvestor) }),
};

/** Plain words for a token `canTransfer` code (a mint to the buyer when `from` is zero). */
export function transferReason(code: number, ctx: ReasonContext): Reason {
  const key = transferReasonKeys[code];
  if (!key) return { key: "reasons.unknown", values: { code } };
  return { key: `reasons.transfer.${key}`, values: transferValues[code]?.(ctx) ?? {} };
}

/** Plain words for a PrimaryOffering `canBuy` result (code, and the token's code when it is 8). */
export function buyReason(code: number, tokenCode: number, ctx: ReasonContext): Reason {
  if (code === BuyCode.TokenRefused) return transferReason(tokenCode, ctx);
  const key = buyReasonKeys[code];
  if (!key) return { key: "reasons.unknown", values: { code } };
  const values: MessageValues = {};
  switch (code) {
    case BuyCode.NotLive:
      if (ctx.offeringClosed) return { key: "reasons.buy.notLiveClosed", values: {} };
      return ctx.offeringUpcoming
        ? { key: "reasons.buy.notLiveUpcoming", values: { date: ctx.opensOn } }
        : { key: "reasons.buy.notLive", values: { date: ctx.closedOn } };
    case BuyCode.ExceedsSupply:
      values.remaining = n(ctx.remaining);
      break;
    case BuyCode.BelowMinTicket:
      values.min = n(ctx.minTicket);
      break;
    case BuyCode.AboveMaxTicket: {
      const left = ctx.maxTicket > ctx.purchased ? ctx.maxTicket - ctx.purchased : 0n;
      values.max = n(ctx.maxTicket);
      values.purchased = n(ctx.purchased);
      values.left = n(left);
      if (ctx.purchased > 0n) return { key: "reasons.buy.aboveMaxTicketWithPurchases", values };
      break;
    }
    case BuyCode.NotVerified:
      if (ctx.kycExpiredOn) return { key: "reasons.buy.kycExpired", values: { date: ctx.kycExpiredOn } };
      break;
    case BuyCode.CategoryNotEligible:
      Object.assign(values, categoryValues(ctx));
      break;
    case BuyCode.InsufficientFunds:
      values.balance = ctx.balance;
      values.cost = ctx.cost;
      values.shortfall = ctx.shortfall;
      break;
  }
  return { key: `reasons.buy.${key}`, values };
}

export type CheckId = "kyc" | "offering" | "token" | "balance";
/** `input`: the check needs an amount first (none typed, or what was typed is not a valid amount). */
export type CheckState = "ok" | "failed" | "unknown" | "input";
export type Check = { id: CheckId; state: CheckState; message: Reason };

/** What the browser has read for the connected wallet (undefined while loading). */
export type CheckInput = {
  /** The amount typed, or null while none is valid (the amount-independent checks still run). */
  shares: bigint | null;
  /** IdentityRegistry: registered (investor id non-zero) and KYC expiry (unix seconds). */
  registered: boolean | undefined;
  kycExpiry: bigint | undefined;
  /** Now, unix seconds (the latest block's time or the clock). */
  now: bigint;
  kycValidUntil: string | null;
  /** PrimaryOffering.canBuy(id, wallet, shares). */
  canBuy: { code: number; tokenCode: number } | undefined;
  /**
   * ArtworkShareToken.canTransfer(0, wallet, shares): the token's own rules for receiving these shares
   * (for one share while no amount is valid: whether this wallet can receive any share at all).
   */
  tokenCode: number | undefined;
  balance: bigint | undefined;
  cost: bigint;
};

const OFFERING_CODES: readonly number[] = [
  BuyCode.UnknownOffering,
  BuyCode.NotLive,
  BuyCode.ExceedsSupply,
  BuyCode.BelowMinTicket,
  BuyCode.AboveMaxTicket,
  BuyCode.CategoryNotEligible,
  // The platform admin stopped the platform: said before any wallet prompt, whatever the other checks say.
  BuyCode.PlatformStopped,
];

/**
 * The four checks shown before any wallet prompt. Each is decided independently where the chain lets us:
 * KYC from the registry, offering limits from `canBuy`, token rules from `canTransfer`, money from the balance.
 * `canBuy` stops at its first failure, so an offering failure found there always wins for that line.
 */
export function evaluateBuyChecks(input: CheckInput, ctx: ReasonContext): Check[] {
  const { canBuy } = input;
  // KYC
  let kyc: Check;
  if (input.registered === undefined || input.kycExpiry === undefined) {
    kyc = { id: "kyc", state: "unknown", message: { key: "checks.kyc.pending", values: {} } };
  } else if (!input.registered) {
    kyc = { id: "kyc", state: "failed", message: { key: "reasons.buy.notVerified", values: {} } };
  } else if (input.kycExpiry <= input.now) {
    kyc = {
      id: "kyc",
      state: "failed",
      message: { key: "reasons.buy.kycExpired", values: { date: ctx.kycExpiredOn ?? "—" } },
    };
  } else {
    kyc = { id: "kyc", state: "ok", message: { key: "checks.kyc.ok", values: { date: input.kycValidUntil ?? "—" } } };
  }

  // Offering limits (and category) from canBuy.
  let offering: Check;
  const left = n(ctx.maxTicket > ctx.purchased ? ctx.maxTicket - ctx.purchased : 0n);
  if (input.shares === null) {
    offering = {
      id: "offering",
      state: "input",
      message: { key: "checks.offering.enterAmount", values: { min: n(ctx.minTicket), left } },
    };
  } else if (!canBuy) {
    offering = { id: "offering", state: "unknown", message: { key: "checks.offering.pending", values: {} } };
  } else if (OFFERING_CODES.includes(canBuy.code)) {
    offering = { id: "offering", state: "failed", message: buyReason(canBuy.code, canBuy.tokenCode, ctx) };
  } else if (canBuy.code === BuyCode.NotVerified) {
    // canBuy stopped before the ticket checks; the KYC line explains.
    offering = { id: "offering", state: "unknown", message: { key: "checks.offering.afterKyc", values: {} } };
  } else {
    offering = {
      id: "offering",
      state: "ok",
      message: {
        key: "checks.offering.ok",
        values: { min: n(ctx.minTicket), left },
      },
    };
  }

  // Token rules
  const tokenCode = input.shares !== null && canBuy?.code === BuyCode.TokenRefused ? canBuy.tokenCode : input.tokenCode;
  let token: Check;
  if (tokenCode === undefined) {
    token = { id: "token", state: "unknown", message: { key: "checks.token.pending", values: {} } };
  } else if (tokenCode !== TransferCode.Ok) {
    token = { id: "token", state: "failed", message: transferReason(tokenCode, ctx) };
  } else if (input.shares === null) {
    token = { id: "token", state: "input", message: { key: "checks.token.enterAmount", values: {} } };
  } else {
    token = { id: "token", state: "ok", message: { key: "checks.token.ok", values: {} } };
  }

  // Money
  let balance: Check;
  if (input.balance === undefined) {
    balance = { id: "balance", state: "unknown", message: { key: "checks.balance.pending", values: {} } };
  } else if (input.shares === null) {
    balance = {
      id: "balance",
      state: "ok",
      message: { key: "checks.balance.available", values: { balance: ctx.balance } },
    };
  } else if (input.balance < input.cost) {
    balance = { id: "balance", state: "failed", message: buyReason(BuyCode.InsufficientFunds, 0, ctx) };
  } else {
    balance = { id: "balance", state: "ok", message: { key: "checks.balance.ok", values: { balance: ctx.balance } } };
  }
  return [kyc, offering, token, balance];
}

/** The buy button is enabled only when every check passed and the chain itself says OK. */
export function canProceed(checks: readonly Check[], canBuy: { code: number } | undefined): boolean {
  return canBuy?.code === BuyCode.Ok && checks.every((c) => c.state === "ok");
}

/** Custom errors of PrimaryOffering / ArtworkShareToken / HKD → message keys (`trade.errors.*`), for decoded reverts. */
export const tradeErrorKeys: Readonly<Record<string, string>> = {
  OfferingPurchaseRefused: "purchaseRefused",
  OfferingNotFound: "offeringNotFound",
  ShareTransferRefused: "transferRefused",
  ShareMaxSupplyExceeded: "maxSupplyExceeded",
  ERC20InsufficientBalance: "insufficientBalance",
  ERC20InsufficientAllowance: "insufficientAllowance",
  ERC2612ExpiredSignature: "permitExpired",
  ERC2612InvalidSigner: "permitInvalid",
  HKDFaucetUnavailable: "faucetUnavailable",
  HKDFaucetAmountTooLarge: "faucetTooLarge",
  EnforcedPause: "paused",
};
