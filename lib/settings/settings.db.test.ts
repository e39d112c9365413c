/**
 * The platform settings against a real anvil chain and a real database, through the admin's server actions: the
 * portal's settings have their defaults when unset, refuse out-of-bounds values in words, are audited with before
 * and after, and are the admin's alone; the Market fee is changed by the admin's own `setFee` transaction, which the
 * server verifies (sender, call, values, the contract's state) before auditing it once.
 */
import { eq } from "drizzle-orm";
import { getAddress, keccak256, parseEventLogs, stringToHex } from "viem";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { artworkShareTokenAbi, hKDStablecoinAbi, identityRegistryAbi, marketAbi } from "@/lib/chain/abis";
import { noteConfirmedBlock } from "@/lib/chain/freshness";
import { deployTestToken, devAccount, offeringMinter, type TestChain } from "@/lib/chain/local/test-chain";
import { auditLog, platformSettings } from "@/lib/db/schema";
import type { TestDatabase } from "@/lib/db/testing";
import { actionHarness } from "@/lib/actions/test-support";

const admin = devAccount(0);
const grace = devAccount(1);
const issuer = devAccount(3);
const recipient = devAccount(9);
const seller = devAccount(5);
const buyer = devAccount(6);

const h = actionHarness({ chain: { agents: [grace], issuers: [issuer] } });
vi.mock("@/lib/db", () => ({ getDb: async () => h.t.db }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => h.session }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("use-intl/core");
  const { loadMessages } = await import("@/lib/i18n/messages");
  const messages = await loadMessages("en");
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages, namespace }),
    getLocale: async () => "en",
  };
});

let tc: TestChain;
let t: TestDatabase;
let settings: typeof import("@/lib/settings");
let actions: typeof import("@/components/admin/settings-actions");

beforeAll(async () => {
  ({ tc, t } = h);
  settings = await import("@/lib/settings");
  actions = await import("@/components/admin/settings-actions");
}, 120_000);

const audits = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action));

describe("portal settings", () => {
  it("have their defaults when nobody has set them", async () => {
    expect(await settings.getKycValidityMonths(t.db)).toBe(12);
    expect(await settings.getTokenRuleDefaults(t.db)).toEqual({
      allowedCountries: [344],
      categories: ["retail", "professional", "institutional"],
      maxHolders: 500,
      lockupDays: 0,
    });
    const view = await settings.getPortalSettings(t.db);
    expect(view.kycValidityMonths).toEqual({ value: 12, stamp: null });
  });

  it("are the admin's alone: an officer or an issuer is refused and nothing is written", async () => {
    for (const who of [grace, issuer]) {
      h.signInAs(who.address);
      expect(await actions.setKycValidityAction({ months: 24 })).toMatchObject({ ok: false, code: "forbidden" });
      expect(
        await actions.setTokenRuleDefaultsAction({
          allowedCountries: [344],
          categories: ["retail"],
          maxHolders: "10",
          lockupDays: "0",
        }),
      ).toMatchObject({ ok: false, code: "forbidden" });
    }
    h.session = null;
    expect(await actions.setKycValidityAction({ months: 24 })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await t.db.select().from(platformSettings)).toHaveLength(0);
  });

  it("refuses a validity period outside 1–36 months in words", async () => {
    h.signInAs(admin.address);
    for (const months of [0, 37, 12.5, Number.NaN]) {
      const r = await actions.setKycValidityAction({ months });
      expect(r).toMatchObject({ ok: false, code: "invalid_input" });
      expect(r.ok ? null : r.fieldErrors?.months).toEqual(["Enter a whole number of months from 1 to 36."]);
    }
    expect(await settings.getKycValidityMonths(t.db)).toBe(12);
    expect(await audits("admin.setting.kyc_validity")).toHaveLength(0);
  });

  it("sets the validity period, audited with before and after; the same value again is refused", async () => {
    h.signInAs(admin.address);
    expect(await actions.setKycValidityAction({ months: 24 })).toEqual({ ok: true });
    expect(await settings.getKycValidityMonths(t.db)).toBe(24);
    expect(await actions.setKycValidityAction({ months: 24 })).toMatchObject({
      ok: false,
      code: "unchanged",
      message: "That is the value already set. Nothing was changed.",
    });
    const [row] = await audits("admin.setting.kyc_validity");
    expect(await audits("admin.setting.kyc_validity")).toHaveLength(1);
    expect(row).toMatchObject({
      actor: admin.address.toLowerCase(),
      actorRole: "admin",
      subjectType: "platform_setting",
      subjectId: "kycValidityMonths",
      before: { kycValidityMonths: 12 },
      after: { kycValidityMonths: 24 },
    });
    const view = await settings.getPortalSettings(t.db);
    expect(view.kycValidityMonths.stamp?.updatedBy).toBe(admin.address.toLowerCase());
  });

  it("validates the default token rules as the listing form does, then stores and audits them", async () => {
    h.signInAs(admin.address);
    const bad = await actions.setTokenRuleDefaultsAction({
      allowedCountries: [344, 250],
      categories: [],
      maxHolders: "ten",
      lockupDays: "4000",
    });
    expect(bad).toMatchObject({ ok: false, code: "invalid_input" });
    expect(bad.ok ? null : bad.fieldErrors).toMatchObject({
      allowedCountries: ["Choose only from the countries offered (at most 50)."],
      categories: ["Tick at least one investor category."],
      maxHolders: ["Enter a whole number within the allowed range."],
      lockupDays: ["Enter a whole number within the allowed range."],
    });
    expect(await audits("admin.setting.token_rule_defaults")).toHaveLength(0);

    const ok = await actions.setTokenRuleDefaultsAction({
      allowedCountries: [702, 344, 344],
      categories: ["professional", "retail"],
      maxHolders: "150",
      lockupDays: "90",
    });
    expect(ok).toEqual({ ok: true });
    const rules = {
      allowedCountries: [344, 702],
      categories: ["retail", "professional"],
      maxHolders: 150,
      lockupDays: 90,
    };
    expect(await settings.getTokenRuleDefaults(t.db)).toEqual(rules);
    // What the issuer's deploy form starts from (the loader the listing page calls).
    expect(await settings.loadTokenRuleDefaults()).toEqual(rules);
    const [row] = await audits("admin.setting.token_rule_defaults");
    expect(row).toMatchObject({
      before: { tokenRuleDefaults: { allowedCountries: [344], maxHolders: 500, lockupDays: 0 } },
      after: { tokenRuleDefaults: rules },
    });
  });
});

describe("the market fee", () => {
  const market = () => ({ address: tc.deployments.market!, abi: marketAbi });

  it("reads the fee, recipient and cap from the chain, and the payment token", async () => {
    const fee = await settings.readMarketFee();
    expect(fee).toMatchObject({ market: tc.deployments.market, maxFeeBps: 100 });
    expect(fee?.feeBps).toBe(50);
    const token = await settings.readPaymentToken();
    expect(token).toMatchObject({ address: getAddress(tc.deployments.paymentToken), decimals: 6 });
    expect(token.symbol).toMatch(/HKD/);
  });

  it("the chain refuses a fee above the cap", async () => {
    await expect(
      tc.client.simulateContract({
        ...market(),
        functionName: "setFee",
        args: [recipient.address, 101],
        account: admin.address,
      }),
    ).rejects.toThrow(/MarketFeeTooHigh/);
  });

  it("records the admin's own setFee once it is verified, with the fee before and after", async () => {
    const hash = await h.send(
      tc.wallet(admin).writeContract({ ...market(), functionName: "setFee", args: [recipient.address, 75] }),
    );
    const input = { feeBps: 75, feeRecipient: recipient.address, txHash: hash };
    // Another caller, another fee or recipient than the transaction's: refused, nothing written.
    h.signInAs(grace.address);
    expect(await actions.recordMarketFeeAction(input)).toMatchObject({ ok: false, code: "forbidden" });
    h.signInAs(admin.address);
    expect(await actions.recordMarketFeeAction({ ...input, feeBps: 80 })).toMatchObject({
      ok: false,
      code: "tx_wrong_call",
    });
    expect(await actions.recordMarketFeeAction({ ...input, feeRecipient: grace.address })).toMatchObject({
      ok: false,
      code: "tx_wrong_call",
    });
    expect(await actions.recordMarketFeeAction({ ...input, feeBps: 150 })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await settings.recordMarketFeeChange(t.db, { ...input, admin: grace.address })).toEqual({
      ok: false,
      code: "tx_wrong_sender",
    });
    expect(await audits("admin.setting.market_fee")).toHaveLength(0);

    expect(await actions.recordMarketFeeAction(input)).toEqual({ ok: true });
    expect(await actions.recordMarketFeeAction(input)).toMatchObject({ ok: false, code: "already_recorded" });
    const rows = await audits("admin.setting.market_fee");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: admin.address.toLowerCase(),
      subjectType: "contract",
      subjectId: tc.deployments.market!.toLowerCase(),
      before: { feeBps: 50 },
      after: { feeBps: 75, feeRecipient: recipient.address.toLowerCase() },
      txHash: hash.toLowerCase(),
    });
    expect((await settings.readMarketFee())?.feeBps).toBe(75);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it("refuses a transaction that is not setFee on the market", async () => {
    const hash = await h.send(tc.wallet(admin).writeContract({ ...market(), functionName: "setPaused", args: [true] }));
    h.signInAs(admin.address);
    expect(
      await actions.recordMarketFeeAction({ feeBps: 75, feeRecipient: recipient.address, txHash: hash }),
    ).toMatchObject({ ok: false, code: "tx_wrong_call" });
  });
});

describe("the market's accrued fees", () => {
  const market = () => ({ address: tc.deployments.market!, abi: marketAbi });
  const hkd = () => ({ address: tc.deployments.paymentToken, abi: hKDStablecoinAbi });
  const balanceOf = (who: `0x${string}`) =>
    tc.client.readContract({ ...hkd(), functionName: "balanceOf", args: [who] });
  let unpause: `0x${string}`;
  let feeOfFill: bigint;

  it("accrue when a bid is filled: the fee stays in the market and the settings read it", async () => {
    // The previous test paused the market; putting it back is also a transaction that is not withdrawFees.
    unpause = await h.send(tc.wallet(admin).writeContract({ ...market(), functionName: "setPaused", args: [false] }));
    const expiry = BigInt(Math.floor(Date.now() / 1000) + 365 * 86_400);
    for (const who of [seller, buyer])
      await h.send(
        tc.wallet(grace).writeContract({
          ...h.registry(),
          abi: identityRegistryAbi,
          functionName: "registerInvestor",
          args: [who.address, keccak256(stringToHex(`fees-${who.address}`)), 344, 1, expiry],
        }),
      );
    const token = await deployTestToken(tc, { issuer, name: "Fees Test", symbol: "FEE" });
    const minter = await offeringMinter(tc.url, tc.deployments.primaryOffering);
    await h.send(
      minter.writeContract({
        address: token,
        abi: artworkShareTokenAbi,
        functionName: "mint",
        args: [seller.address, 100n],
      }),
    );
    await h.send(tc.wallet(admin).writeContract({ ...hkd(), functionName: "mint", args: [buyer.address, 10n ** 12n] }));
    await h.send(
      tc.wallet(buyer).writeContract({ ...hkd(), functionName: "approve", args: [tc.deployments.market!, 10n ** 12n] }),
    );
    const block = await tc.client.getBlock();
    const placed = await tc.send(
      tc.wallet(buyer).writeContract({
        ...market(),
        functionName: "placeBid",
        args: [token, 10n, 100_000_000n, block.timestamp + 86_400n, 100n],
      }),
    );
    const [bid] = parseEventLogs({ abi: marketAbi, logs: placed.logs, eventName: "OrderPlaced" });
    await h.send(
      tc.wallet(seller).writeContract({
        address: token,
        abi: artworkShareTokenAbi,
        functionName: "approve",
        args: [tc.deployments.market!, 10n],
      }),
    );
    const filled = await tc.send(
      tc.wallet(seller).writeContract({
        ...market(),
        functionName: "fill",
        args: [bid!.args.orderId, 10n, 100_000_000n, 100n],
      }),
    );
    const [fill] = parseEventLogs({ abi: marketAbi, logs: filled.logs, eventName: "OrderFilled" });
    feeOfFill = fill!.args.fee;
    // 0.75 % (set above) of HK$1,000.
    expect(feeOfFill).toBe(7_500_000n);
    expect(await tc.client.readContract({ ...market(), functionName: "accruedFees" })).toBe(feeOfFill);
    // The page reads the market per block; a receipt the server has seen moves its floor to that block.
    await noteConfirmedBlock(filled.blockNumber);
    const view = await settings.loadSettingsView();
    expect(view.market).toMatchObject({ accruedFees: feeOfFill, feeRecipient: getAddress(recipient.address) });
  });

  it("refuses a non-admin and a transaction that is not withdrawFees on the market; nothing is audited", async () => {
    h.signInAs(grace.address);
    expect(await actions.recordFeesWithdrawalAction({ txHash: unpause })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    h.session = null;
    expect(await actions.recordFeesWithdrawalAction({ txHash: unpause })).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
    h.signInAs(admin.address);
    expect(await actions.recordFeesWithdrawalAction({ txHash: unpause })).toMatchObject({
      ok: false,
      code: "tx_wrong_call",
      message: "The transaction is not a payout of fees (withdrawFees) on the platform\u2019s Market contract.",
    });
    // withdrawFees on another contract than the market (the payment token has none: an approve stands in for it).
    const approve = await h.send(
      tc.wallet(admin).writeContract({ ...hkd(), functionName: "approve", args: [tc.deployments.market!, 1n] }),
    );
    expect(await actions.recordFeesWithdrawalAction({ txHash: approve })).toMatchObject({ code: "tx_wrong_call" });
    expect(await actions.recordFeesWithdrawalAction({ txHash: "0x1234" as `0x${string}` })).toMatchObject({
      code: "invalid_input",
    });
    expect(await audits("market.fees_withdrawn")).toHaveLength(0);
    expect(await tc.client.readContract({ ...market(), functionName: "accruedFees" })).toBe(feeOfFill);
  });

  it("pays the whole amount to the recipient from the admin's wallet, verified and audited once", async () => {
    const before = await balanceOf(recipient.address);
    const hash = await h.send(tc.wallet(admin).writeContract({ ...market(), functionName: "withdrawFees" }));
    // Anyone may send it, but the admin records only their own.
    expect(await settings.recordFeesWithdrawal(t.db, { txHash: hash, admin: grace.address })).toEqual({
      ok: false,
      code: "tx_wrong_sender",
    });
    h.signInAs(admin.address);
    expect(await actions.recordFeesWithdrawalAction({ txHash: hash })).toEqual({
      ok: true,
      amount: feeOfFill.toString(),
      recipient: getAddress(recipient.address),
    });
    expect(await actions.recordFeesWithdrawalAction({ txHash: hash })).toMatchObject({
      ok: false,
      code: "already_recorded",
    });
    expect((await balanceOf(recipient.address)) - before).toBe(feeOfFill);
    expect((await settings.readMarketFee())?.accruedFees).toBe(0n);
    const rows = await audits("market.fees_withdrawn");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: admin.address.toLowerCase(),
      actorRole: "admin",
      subjectType: "contract",
      subjectId: tc.deployments.market!.toLowerCase(),
      after: { amount: feeOfFill.toString(), recipient: recipient.address.toLowerCase() },
      txHash: hash.toLowerCase(),
    });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it("refuses a withdrawFees that paid nothing (no fees had accrued)", async () => {
    const hash = await h.send(tc.wallet(admin).writeContract({ ...market(), functionName: "withdrawFees" }));
    h.signInAs(admin.address);
    expect(await actions.recordFeesWithdrawalAction({ txHash: hash })).toMatchObject({
      ok: false,
      code: "nothing_paid",
    });
    expect(await audits("market.fees_withdrawn")).toHaveLength(1);
  });
});
