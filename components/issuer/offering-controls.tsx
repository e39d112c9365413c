"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { Address } from "viem";
import { useConnection } from "wagmi";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { primaryOfferingAbi } from "@/lib/chain/abis";
import { syncOnChainAction } from "./actions";
import { TxStatus } from "./tx-status";
import { useTx } from "./use-tx";

/** Close early and withdraw proceeds: each explained before the wallet opens, then its state in words. */
export function OfferingControls({
  id,
  account,
  primaryOffering,
  offeringId,
  canClose,
  withdrawable,
}: {
  id: string;
  account: Address;
  primaryOffering: Address;
  offeringId: string;
  canClose: boolean;
  /** Formatted amount, or null when nothing is waiting. */
  withdrawable: string | null;
}) {
  const t = useTranslations("issuer.live");
  const router = useRouter();
  const { address, isConnected } = useConnection();
  const close = useTx();
  const withdraw = useTx();
  const canSign = isConnected && address?.toLowerCase() === account.toLowerCase();

  async function run(kind: "closeOffering" | "withdrawProceeds") {
    const tx = kind === "closeOffering" ? close : withdraw;
    const hash = await tx.send({ address: primaryOffering, abi: primaryOfferingAbi, functionName: kind, args: [BigInt(offeringId)], account });
    if (hash) {
      await syncOnChainAction({ id });
      router.refresh();
    }
  }

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section className="flex flex-col gap-3" aria-labelledby="withdraw-title">
        <h3 id="withdraw-title" className="font-medium">{t("withdrawTitle")}</h3>
        <p className="text-sm text-ink-muted">{withdrawable ? t("withdrawExplain", { amount: withdrawable }) : t("nothingToWithdraw")}</p>
        <TxStatus step={withdraw.step} confirmed={t("withdrawn")} testId="withdraw-status" />
        <div>
          <Button onClick={() => run("withdrawProceeds")} disabled={!canSign || !withdrawable} loading={withdraw.busy}>
            {t("withdraw")}
          </Button>
        </div>
      </section>
      <section className="flex flex-col gap-3" aria-labelledby="close-title">
        <h3 id="close-title" className="font-medium">{t("closeTitle")}</h3>
        <p className="text-sm text-ink-muted">{canClose ? t("closeExplain") : t("notOpen")}</p>
        <TxStatus step={close.step} confirmed={t("closed")} testId="close-status" />
        <div>
          <Button variant="danger" onClick={() => run("closeOffering")} disabled={!canSign || !canClose} loading={close.busy}>
            {t("close")}
          </Button>
        </div>
      </section>
      {!canSign ? <Alert tone="info" className="md:col-span-2">{t("connectHint")}</Alert> : null}
    </div>
  );
}
