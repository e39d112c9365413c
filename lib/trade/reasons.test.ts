import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/trade.json";
import zh from "@/lib/i18n/messages/zh-HK/trade.json";
import {
  buyReason,
  buyReasonKeys,
  BuyCode,
  canProceed,
  evaluateBuyChecks,
  transferReason,
  transferReasonKeys,
  TransferCode,
  type CheckInput,
  type ReasonContext,
} from "./reasons";

const ctx: ReasonContext = {
  residence: "Singapore",
  allowedCountries: ["Hong Kong"],
  locale: "en",
  category: "retail",
  eligibleCategories: ["professional", "institutional"],
  minTicket: 5n,
  maxTicket: 200n,
  purchased: 40n,
  remaining: 12n,
  maxHolders: 500,
  maxBalancePerInvestor: 400n,
  opensOn: "1 April 2026",
  closedOn: "1 March 2026",
  offeringUpcoming: false,
  kycExpiredOn: "3 March 2026",
  balance: "HK$100.00",
  cost: "HK$850.00",
  shortfall: "HK$750.00",
};

const tEn = createTranslator({ locale: "en", messages: en, namespace: "trade" });
const tZh = createTranslator({ locale: "zh-HK", messages: zh, namespace: "trade" });
const say = (r: { key: string; values: Record<string, string | number> }) =>
  tEn(r.key as never, r.values as never) as string;
const sayZh = (r: { key: string; values: Record<string, string | number> }) =>
  tZh(r.key as never, r.values as never) as string;

describe("reason codes in plain words", () => {
  it("covers every BUY_* and TRANSFER_* code of the contracts with a message in both languages", () => {
    for (const code of Object.values(BuyCode).filter((c) => c !== 0)) {
      expect(buyReasonKeys[code], `buy code ${code}`).toBeTruthy();
      const r = buyReason(code, TransferCode.CountryNotAllowed, ctx);
      expect(say(r)).not.toMatch(/trade\.|\{/);
      expect(sayZh(r)).not.toMatch(/trade\.|\{/);
    }
    for (const code of Object.values(TransferCode).filter((c) => c !== 0)) {
      expect(transferReasonKeys[code], `transfer code ${code}`).toBeTruthy();
      const r = transferReason(code, ctx);
      expect(say(r)).not.toMatch(/trade\.|\{/);
      expect(sayZh(r)).not.toMatch(/trade\.|\{/);
    }
    // Both catalogues name the same reason keys.
    expect(Object.keys(zh.trade.reasons.buy).sort()).toEqual(Object.keys(en.trade.reasons.buy).sort());
    expect(Object.keys(zh.trade.reasons.transfer).sort()).toEqual(Object.keys(en.trade.reasons.transfer).sort());
  });

  it("tells a sender who is no longer verified, or whose country the artwork no longer allows, why shares cannot leave", () => {
    expect(say(transferReason(TransferCode.SenderNotVerified, ctx))).toMatch(/not verified.*Renew your KYC/);
    expect(sayZh(transferReason(TransferCode.SenderNotVerified, ctx))).toMatch(/未獲核實.*續期 KYC/);
    const r = transferReason(TransferCode.SenderCountryNotAllowed, ctx);
    expect(r.values).toMatchObject({ residence: ctx.residence });
    expect(say(r)).toContain(String(ctx.residence));
    expect(sayZh(r)).toContain(String(ctx.residence));
  });

  it("explains a country the token does not allow, naming both countries", () => {
    expect(say(buyReason(BuyCode.TokenRefused, TransferCode.CountryNotAllowed, ctx))).toBe(
      "This artwork is open only to investors resident in Hong Kong. Your registered residence is Singapore.",
    );
    expect(
      say(
        transferReason(TransferCode.CountryNotAllowed, {
          ...ctx,
          allowedCountries: ["Hong Kong", "Singapore"],
          residence: "Japan",
        }),
      ),
    ).toBe(
      "This artwork is open only to investors resident in Hong Kong or Singapore. Your registered residence is Japan.",
    );
    expect(
      sayZh(
        buyReason(BuyCode.TokenRefused, TransferCode.CountryNotAllowed, {
          ...ctx,
          locale: "zh-HK",
          allowedCountries: ["香港"],
          residence: "新加坡",
        }),
      ),
    ).toBe("此藝術品只開放予居於香港的投資者。你登記的居住地為新加坡。");
  });

  it("words an expired KYC with its date", () => {
    expect(say(buyReason(BuyCode.NotVerified, 0, ctx))).toBe("Your KYC expired on 3 March 2026 — renew it to buy.");
    expect(say(buyReason(BuyCode.NotVerified, 0, { ...ctx, kycExpiredOn: null }))).toBe(
      "Your wallet is not verified yet — complete onboarding to buy.",
    );
  });

  it("words the ticket, supply and money limits with numbers", () => {
    expect(say(buyReason(BuyCode.AboveMaxTicket, 0, { ...ctx, purchased: 0n }))).toBe(
      "One investor can buy at most 200 shares in this offering.",
    );
    expect(say(buyReason(BuyCode.AboveMaxTicket, 0, ctx))).toBe(
      "One investor can buy at most 200 shares in this offering. You have already bought 40, so you can buy up to 160 more.",
    );
    expect(say(buyReason(BuyCode.BelowMinTicket, 0, ctx))).toBe("The minimum purchase is 5 shares.");
    expect(say(buyReason(BuyCode.ExceedsSupply, 0, ctx))).toBe(
      "Only 12 shares are left in this offering. Choose a smaller number.",
    );
    expect(say(buyReason(BuyCode.InsufficientFunds, 0, ctx))).toBe(
      "Your HKD balance is HK$100.00; this purchase costs HK$850.00. Add HK$750.00 to buy.",
    );
    expect(say(buyReason(BuyCode.NotLive, 0, { ...ctx, offeringUpcoming: true }))).toBe(
      "This offering is not open yet. It opens on 1 April 2026.",
    );
    expect(say(buyReason(BuyCode.CategoryNotEligible, 0, ctx))).toBe(
      "This offering is open only to professional and institutional investors. You are registered as a retail investor.",
    );
  });

  it("never says an offering the issuer closed early 'closed on' its scheduled end", () => {
    expect(say(buyReason(BuyCode.NotLive, 0, ctx))).toBe(
      "This offering is not open for purchases. It closed on 1 March 2026.",
    );
    const closed = buyReason(BuyCode.NotLive, 0, { ...ctx, closedOn: "19 December 2026", offeringClosed: true });
    expect(say(closed)).toBe("The issuer has closed this offering. No more shares can be bought in it.");
    expect(sayZh(closed)).not.toContain("19 December 2026");
  });

  it("falls back to the code for an unknown one", () => {
    expect(say(buyReason(42, 0, ctx))).toBe("The blockchain refused this purchase (reason code 42).");
    expect(say(transferReason(99, ctx))).toBe("The blockchain refused this purchase (reason code 99).");
  });
});

describe("pre-sign checklist", () => {
  const base: CheckInput = {
    shares: 10n,
    registered: true,
    kycExpiry: 2_000n,
    now: 1_000n,
    kycValidUntil: "1 Jan 2027",
    canBuy: { code: 0, tokenCode: 0 },
    tokenCode: 0,
    balance: 1_000n,
    cost: 500n,
  };

  it("passes when every check passes and the chain says OK", () => {
    const checks = evaluateBuyChecks(base, ctx);
    expect(checks.map((c) => c.state)).toEqual(["ok", "ok", "ok", "ok"]);
    expect(canProceed(checks, base.canBuy)).toBe(true);
  });

  it("fails the token line for a country the token does not allow, and blocks the purchase", () => {
    const checks = evaluateBuyChecks(
      {
        ...base,
        canBuy: { code: BuyCode.TokenRefused, tokenCode: TransferCode.CountryNotAllowed },
        tokenCode: TransferCode.CountryNotAllowed,
      },
      ctx,
    );
    expect(checks.find((c) => c.id === "token")?.state).toBe("failed");
    expect(checks.find((c) => c.id === "offering")?.state).toBe("ok");
    expect(canProceed(checks, { code: BuyCode.TokenRefused })).toBe(false);
  });

  it("fails KYC when expired, leaving the offering line to be checked after", () => {
    const checks = evaluateBuyChecks(
      { ...base, kycExpiry: 900n, canBuy: { code: BuyCode.NotVerified, tokenCode: 0 } },
      ctx,
    );
    expect(checks[0]).toMatchObject({ id: "kyc", state: "failed", message: { key: "reasons.buy.kycExpired" } });
    expect(checks[1]?.state).toBe("unknown");
    expect(canProceed(checks, { code: BuyCode.NotVerified })).toBe(false);
  });

  it("fails the offering line while the platform is stopped, so the purchase never reaches the wallet", () => {
    const checks = evaluateBuyChecks({ ...base, canBuy: { code: BuyCode.PlatformStopped, tokenCode: 0 } }, ctx);
    expect(checks[1]).toMatchObject({ state: "failed", message: { key: "reasons.buy.platformStopped" } });
    expect(say(checks[1]!.message)).toBe(
      "Purchases are stopped on the whole platform for now. Nothing has been charged; try again once it resumes.",
    );
    expect(canProceed(checks, { code: BuyCode.PlatformStopped })).toBe(false);
  });

  it("fails the offering line above the maximum ticket and the balance line when money is short", () => {
    const checks = evaluateBuyChecks(
      { ...base, canBuy: { code: BuyCode.AboveMaxTicket, tokenCode: 0 }, balance: 100n },
      ctx,
    );
    expect(checks[1]).toMatchObject({ state: "failed", message: { key: "reasons.buy.aboveMaxTicketWithPurchases" } });
    expect(checks[3]).toMatchObject({ state: "failed", message: { key: "reasons.buy.insufficientFunds" } });
  });

  it("without a valid amount, still shows KYC and balance, asks for the amount, and never proceeds", () => {
    // The form reads canTransfer for one share while no amount is typed: whether any share can be received.
    const checks = evaluateBuyChecks({ ...base, shares: null, canBuy: undefined, tokenCode: 0, cost: 0n }, ctx);
    expect(checks.map((c) => c.state)).toEqual(["ok", "input", "input", "ok"]);
    expect(checks[0]?.message.key).toBe("checks.kyc.ok");
    expect(checks[1]?.message).toMatchObject({ key: "checks.offering.enterAmount", values: { min: 5, left: 160 } });
    expect(checks[3]?.message).toMatchObject({ key: "checks.balance.available", values: { balance: "HK$100.00" } });
    expect(canProceed(checks, { code: BuyCode.Ok })).toBe(false);
  });

  it("without a valid amount, a token rule that refuses even one share still fails", () => {
    const checks = evaluateBuyChecks(
      { ...base, shares: null, canBuy: undefined, tokenCode: TransferCode.CountryNotAllowed, cost: 0n },
      ctx,
    );
    expect(checks[2]).toMatchObject({ state: "failed", message: { key: "reasons.transfer.countryNotAllowed" } });
  });

  it("never proceeds while a read is still loading", () => {
    const checks = evaluateBuyChecks({ ...base, balance: undefined }, ctx);
    expect(checks[3]?.state).toBe("unknown");
    expect(canProceed(checks, base.canBuy)).toBe(false);
  });
});
