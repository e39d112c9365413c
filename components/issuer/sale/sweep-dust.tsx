"use client";

import { useLocale, useTranslations } from "next-intl";
import type { Address } from "viem";
import { useBlockNumber, useConfig } from "wagmi";
import { recordSaleStepAction } from "@/components/sale/actions";
import { SignedWithdrawal, useSignedTx } from "@/components/wallet/signed-tx-dialog";
import { useLazyRead } from "@/components/wallet/use-lazy-read";
import { PAYMENT_DECIMALS } from "@/lib/distributions/client";
import { formatMoney } from "@/lib/format/money";

/** ./sweep-chain (the sale's ABI and viem's read path), fetched with the first read: not in the page's first load. */
const loadSweepChain = () => import("./sweep-chain");

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
  const id = BigInt(sale.onChainId);
  const { data: block } = useBlockNumber({ watch: true });
  const read = useLazyRead({
    key: ["sale.sweepable", sale.contract, id, block],
    load: loadSweepChain,
    read: (chain, config) => chain.readSweepable(config, sale.contract, id, block),
    enabled: block !== undefined,
    keepPrevious: true,
  });
  const money = (v: bigint) => formatMoney(v, PAYMENT_DECIMALS, locale);
  const sweepable = read.data;
  const amount = sweepable === undefined ? "…" : money(sweepable);

  async function sign() {
    let swept: string | null = null;
    const chain = await loadSweepChain();
    const recorded = await signed.sign(
      { address: sale.contract, abi: chain.artworkSaleAbi, functionName: "sweepDust", args: [id] },
      async (txHash) => {
        const r = await recordSaleStepAction({ step: "sweepDust", txHash });
        if (r.ok) swept = r.amount;
        return r;
      },
      // Read again just before the wallet opens: a sweep of nothing would change nothing.
      async () => {
        const now = await chain.readSweepable(config, sale.contract, id);
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
