"use client";

import { keepPreviousData } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import type { Address } from "viem";
import { useBlockNumber, useConfig, useReadContract } from "wagmi";
import { readContract } from "wagmi/actions";
import { recordSaleStepAction } from "@/components/sale/actions";
import { SignedWithdrawal, useSignedTx } from "@/components/wallet/signed-tx-dialog";
import { artworkSaleAbi } from "@/lib/chain/abis";
import { PAYMENT_DECIMALS } from "@/lib/distributions/client";
import { formatMoney } from "@/lib/format/money";

/**
 * The issuer's "Take back the rounding dust" of an approved sale: the contract's `sweepable` read at every new block
 * (it grows as holders redeem, each payout being rounded down), a confirmation that says in words that only the
 * rounding left after every holder's full share is reserved comes back, then the issuer's own wallet sends
 * `sweepDust` and the server verifies the mined transaction and audits it once. With nothing sweepable the button is
 * disabled and the reason is said beside it (and read with it).
 */
export function SweepDust({ sale, issuer }: { sale: { contract: Address; onChainId: string }; issuer: Address }) {
  const t = useTranslations("sale.issuer.sweep");
  const locale = useLocale();
  const config = useConfig();
  const signed = useSignedTx(issuer, t);
  const contract = { address: sale.contract, abi: artworkSaleAbi } as const;
  const id = BigInt(sale.onChainId);
  const { data: block } = useBlockNumber({ watch: true });
  const read = useReadContract({
    ...contract,
    functionName: "sweepable",
    args: [id],
    blockNumber: block,
    query: { enabled: block !== undefined, placeholderData: keepPreviousData },
  });
  const money = (v: bigint) => formatMoney(v, PAYMENT_DECIMALS, locale);
  const sweepable = read.data;
  const amount = sweepable === undefined ? "…" : money(sweepable);

  async function sign() {
    let swept: string | null = null;
    const recorded = await signed.sign(
      { ...contract, functionName: "sweepDust", args: [id] },
      async (txHash) => {
        const r = await recordSaleStepAction({ step: "sweepDust", txHash });
        if (r.ok) swept = r.amount;
        return r;
      },
      // Read again just before the wallet opens: a sweep of nothing would change nothing.
      async () => {
        const now = await readContract(config, { ...contract, functionName: "sweepable", args: [id] });
        return now > 0n ? { ok: true } : { ok: false, message: t("nothing") };
      },
    );
    if (!recorded) return;
    await read.refetch();
    signed.setDone(t("done", { amount: swept ? money(BigInt(swept)) : amount }));
  }

  return (
    <div className="flex flex-col items-start gap-2 border-t border-line pt-4" data-testid="sale-sweep">
      <p className="text-sm">
        {t("available")}{" "}
        <span className="tabular font-medium" data-testid="sale-sweepable" data-amount={sweepable?.toString() ?? ""}>
          {sweepable === undefined ? (read.isError ? t("unreadable") : t("reading")) : amount}
        </span>
      </p>
      <SignedWithdrawal
        signed={signed}
        t={t}
        testId="sale-sweep"
        empty={sweepable === undefined ? "unknown" : sweepable === 0n ? "none" : false}
        onSign={sign}
        signLabel={t("sign", { amount })}
      >
        <p className="text-sm">{t("whatAmount", { amount })}</p>
        <p className="text-sm">{t("whatReserved")}</p>
        <p className="text-sm">{t("whatLater")}</p>
      </SignedWithdrawal>
    </div>
  );
}
