"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { Address } from "viem";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useRecordedTx } from "@/components/wallet/use-recorded-tx";
import { distributorAbi } from "@/lib/chain/abis";
import { PAYMENT_DECIMALS } from "@/lib/distributions/client";
import { formatMoney } from "@/lib/format/money";
import { recordDistributionCloseAction } from "../distribution-actions";
import { TxStatus } from "../tx-status";

/**
 * "Close" of one distribution after its deadline: a dialog says how much comes back (what is unclaimed, dust
 * included) before the issuer's wallet signs `close`; the server reads the transaction back and audits it.
 */
export function CloseDistribution({
  distributor,
  account,
  onChainId,
  unclaimed,
}: {
  distributor: Address;
  account: Address;
  onChainId: string;
  /** Base units: the deposit less what was claimed (the contract returns exactly its remainder). */
  unclaimed: string;
}) {
  const t = useTranslations("distributions.issuer");
  const locale = useLocale();
  const { tx, isSigner, sign } = useRecordedTx(account);
  const statusRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const amount = formatMoney(BigInt(unclaimed), PAYMENT_DECIMALS, locale);

  async function close() {
    setOpen(false);
    await sign(
      (send) =>
        send({ address: distributor, abi: distributorAbi, functionName: "close", args: [BigInt(onChainId)], account }),
      (hash) => recordDistributionCloseAction({ onChainId, txHash: hash }),
    );
  }

  return (
    <div className="flex flex-col items-end gap-2">
      {tx.step.kind !== "confirmed" ? (
        <Dialog
          open={open}
          onOpenChange={setOpen}
          locked={tx.busy}
          trigger={
            <Button size="sm" variant="danger" disabled={!isSigner} loading={tx.busy}>
              {t("close")}
            </Button>
          }
          title={t("closeTitle", { id: onChainId })}
          description={t("closeBody", { amount })}
          closeLabel={t("closeLabel")}
          returnFocusRef={statusRef}
          preferReturnFocus
        >
          <div className="flex flex-wrap gap-2">
            <Button variant="danger" onClick={close}>
              {t("closeConfirm", { amount })}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
          </div>
        </Dialog>
      ) : null}
      <div ref={statusRef} tabIndex={-1} className="outline-none">
        <TxStatus step={tx.step} confirmed={t("closed", { amount })} testId={`distribution-close-${onChainId}`} />
      </div>
    </div>
  );
}
