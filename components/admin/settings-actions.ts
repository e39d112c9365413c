"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, unwrap } from "@/lib/actions";
import { txHashField } from "@/lib/chain/tx-hash-field";
import {
  type FeesWithdrawError,
  type MarketFeeError,
  recordFeesWithdrawal,
  recordMarketFeeChange,
  type SettingChangeError,
  setKycValidityMonths,
  setTokenRuleDefaults,
} from "@/lib/settings";
import { kycValidityInput, tokenRuleDefaultsInput } from "@/lib/settings/client";
import { settleConfirmedTx } from "@/lib/sync";

/*
 * The admin's platform settings, through the action pipeline (lib/actions): zod → session with the admin role →
 * the domain (lib/settings), which audits each change with its before and after. The portal's settings are changed
 * here; the Market's fee is changed by the admin's own wallet (`setFee`) and only verified and recorded here.
 */

/** Every settings action: the admin's session, refusals in the settings' words. */
const settingsPipeline = {
  auth: "admin",
  messages: "admin.settings.errors",
  fieldMessages: "admin.settings.fields",
} as const;

/** The KYC validity period for new approvals and renewals (1–36 months). */
export const setKycValidityAction = defineAction<SettingChangeError>()({
  name: "admin.setKycValidity",
  input: kycValidityInput,
  ...settingsPipeline,
  run: async ({ months }, { session, db }) => {
    unwrap(await setKycValidityMonths(db, { months, admin: session.address }));
    revalidatePath("/admin/settings");
    return {};
  },
});

/** The token rules new listings start from, validated as the listing form validates rules. */
export const setTokenRuleDefaultsAction = defineAction<SettingChangeError>()({
  name: "admin.setTokenRuleDefaults",
  input: tokenRuleDefaultsInput,
  ...settingsPipeline,
  run: async (rules, { session, db }) => {
    unwrap(await setTokenRuleDefaults(db, { rules, admin: session.address }));
    revalidatePath("/admin/settings");
    return {};
  },
});

/** After the admin's `setFee` transaction: verifies it against the fee and recipient confirmed, and audits it. */
export const recordMarketFeeAction = defineAction<MarketFeeError>()({
  name: "admin.recordMarketFee",
  input: z.object({
    feeBps: z.number().int().min(0, "fee_range").max(100, "fee_range"),
    feeRecipient: z
      .string()
      .trim()
      .regex(/^0x[0-9a-fA-F]{40}$/, "recipient_invalid")
      .transform((a) => a as `0x${string}`),
    txHash: txHashField,
  }),
  ...settingsPipeline,
  run: async (input, { session, db }) => {
    unwrap(await recordMarketFeeChange(db, { ...input, admin: session.address }));
    await settleConfirmedTx({ txHash: input.txHash });
    revalidatePath("/admin/settings");
    return {};
  },
});

/**
 * After the admin's `withdrawFees` transaction (which pays the market's accrued fees to the fee recipient): verifies
 * it on chain and audits the amount and recipient of its `FeesWithdrawn` log.
 */
export const recordFeesWithdrawalAction = defineAction<FeesWithdrawError>()({
  name: "admin.recordFeesWithdrawal",
  input: z.object({ txHash: txHashField }),
  auth: "admin",
  messages: "admin.settings.payoutErrors",
  fieldMessages: "admin.settings.fields",
  run: async ({ txHash }, { session, db }) => {
    const paid = unwrap(await recordFeesWithdrawal(db, { txHash, admin: session.address }));
    await settleConfirmedTx({ txHash });
    revalidatePath("/admin/settings");
    return { amount: paid.amount.toString(), recipient: paid.recipient };
  },
});
