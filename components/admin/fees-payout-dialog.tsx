"use client";

import { useLocale, useTranslations } from "next-intl";
import { SignedWithdrawal, useSignedTx } from "@/components/wallet/signed-tx-dialog";
import { marketAbi } from "@/lib/chain/abis";
import { formatMoney } from "@/lib/format/money";
import type { MarketFeeView } from "./market-fee-dialog";
import { recordFeesWithdrawalAction } from "./settings-actions";

/**
 * Pay the Market's accrued fees out to the fee recipient: a confirmation says in plain words what happens (the whole
 * accrued amount goes to the recipient, anyone may trigger it, nothing else changes), then the admin's own wallet
 * sends `withdrawFees()` and the server verifies the mined transaction and audits the amount paid. With nothing
 * accrued the button is disabled and the reason is said beside it (and read with it).
 */
export function FeesPayoutDialog({
  admin,
  settings: { market, feeRecipient, accruedFees },
  decimals,
}: {
  admin: string;
  settings: MarketFeeView;
  decimals: number;
}) {
  const t = useTranslations("admin.settings.payout");
  const locale = useLocale();
  const signed = useSignedTx(admin, t);
  const { setDone } = signed;
  const accrued = BigInt(accruedFees);
  const amount = formatMoney(accrued, decimals, locale, { balance: true });
  const nothing = accrued === 0n;

  async function sign() {
    let paid: string | null = null;
    const recorded = await signed.sign(
      { address: market, abi: marketAbi, functionName: "withdrawFees" },
      async (txHash) => {
        const r = await recordFeesWithdrawalAction({ txHash });
        if (r.ok) paid = r.amount;
        return r;
      },
    );
    if (!recorded) return;
    setDone(t("done", { amount: formatMoney(BigInt(paid ?? accruedFees), decimals, locale, { balance: true }) }));
  }

  return (
    <SignedWithdrawal
      signed={signed}
      t={t}
      testId="payout"
      empty={nothing ? "none" : false}
      onSign={sign}
      signLabel={t("sign")}
    >
      <p className="text-sm">
        {t("whatAmount", { amount })} <code className="font-mono text-xs break-all">{feeRecipient}</code>
      </p>
      <p className="text-sm">{t("whatAnyone")}</p>
      <p className="text-sm">{t("whatNothingElse")}</p>
    </SignedWithdrawal>
  );
}
