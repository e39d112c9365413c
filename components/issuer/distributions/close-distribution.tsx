"use client";

import { useLocale, useTranslations } from "next-intl";
import { DistributionTxDialog, type DistributionTxTarget } from "@/components/distributions/distribution-tx-dialog";
import { Button } from "@/components/ui/button";
import { PAYMENT_DECIMALS } from "@/lib/distributions/client";
import { formatMoney } from "@/lib/format/money";
import { recordDistributionCloseAction } from "../distribution-actions";

/**
 * "Close" of one distribution after its deadline: a dialog says how much comes back (what is unclaimed, dust
 * included) before the issuer's wallet signs `close`; the server reads the transaction back and audits it.
 */
export function CloseDistribution({
  unclaimed,
  closed,
  ...target
}: DistributionTxTarget & {
  /** Base units: the deposit less what was claimed (the contract returns exactly its remainder). */
  unclaimed: string;
  /** Already closed: no trigger, only the status of a close signed on this page. */
  closed: boolean;
}) {
  const t = useTranslations("distributions.issuer");
  const locale = useLocale();
  const amount = formatMoney(BigInt(unclaimed), PAYMENT_DECIMALS, locale);

  return (
    <DistributionTxDialog
      target={target}
      trigger={t("close")}
      variant="danger"
      title={t("closeTitle", { id: target.onChainId })}
      description={t("closeBody", { amount })}
      closeLabel={t("closeLabel")}
      confirmed={t("closed", { amount })}
      testId={`distribution-close-${target.onChainId}`}
      hideWhenConfirmed
      hideTrigger={closed}
    >
      {({ sign, close }) => (
        <div className="flex flex-wrap gap-2">
          <Button
            variant="danger"
            onClick={async () => {
              close();
              await sign({ functionName: "close", args: [] }, recordDistributionCloseAction);
            }}
          >
            {t("closeConfirm", { amount })}
          </Button>
          <Button variant="secondary" onClick={close}>
            {t("cancel")}
          </Button>
        </div>
      )}
    </DistributionTxDialog>
  );
}
