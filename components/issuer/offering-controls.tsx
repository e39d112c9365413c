"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { Address, Hex } from "viem";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { Button } from "@/components/ui/button";
import { returnFocus } from "@/components/ui/dialog";
import { confirmChainTxAction } from "./chain-actions";
import { SignerAlert } from "./signer-alert";
import { TxStatus } from "./tx-status";
import { useTx } from "./use-tx";

/**
 * Close early and withdraw proceeds: each explained before the wallet opens (closing, which cannot be undone,
 * asks once more), then its state in words; the server reads each receipt and audits it with its hash.
 */
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
  const tc = useTranslations("issuer.chain");
  const router = useRouter();
  const { address, isConnected } = useWalletConnection();
  const [confirmClose, setConfirmClose] = useState(false);
  // The inline "close now?" confirmation replaces its button: focus moves into it when it opens, and back to the
  // button when it is answered (to the section's heading while the button is busy), never to <body>.
  const closeButtonRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const closeHeadingRef = useRef<HTMLHeadingElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirmClose) confirmRef.current?.focus();
    else if (wasConfirming.current) returnFocus([closeButtonRef.current, closeHeadingRef.current]);
    wasConfirming.current = confirmClose;
  }, [confirmClose]);
  const close = useTx();
  const withdraw = useTx();
  const wrongWallet = isConnected && address?.toLowerCase() !== account.toLowerCase();
  const canSign = isConnected && !wrongWallet;

  const record = async (hash: Hex) => {
    const result = await confirmChainTxAction({ id, txHash: hash });
    return result.ok ? null : result.message;
  };

  async function run(kind: "closeOffering" | "withdrawProceeds") {
    const tx = kind === "closeOffering" ? close : withdraw;
    setConfirmClose(false);
    // The contract's ABI loads when the issuer signs, not with the page.
    const { primaryOfferingAbi } = await import("@/lib/chain/abi/primary-offering");
    await tx.send(
      { address: primaryOffering, abi: primaryOfferingAbi, functionName: kind, args: [BigInt(offeringId)], account },
      { record },
    );
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-6">
      <SignerAlert
        signer={account}
        connectTitle={t("connectHint")}
        connectLabel={tc("connect")}
        wrongTitle={tc("wrongWalletTitle")}
        wrongBody={tc("wrongWalletBody")}
      />
      <div className="grid gap-4 md:grid-cols-2">
        <ControlCard
          id="withdraw-title"
          title={t("withdrawTitle")}
          explain={withdrawable ? t("withdrawExplain", { amount: withdrawable }) : t("nothingToWithdraw")}
          status={<TxStatus step={withdraw.step} confirmed={t("withdrawn")} testId="withdraw-status" />}
        >
          <div className="mt-auto">
            <Button
              onClick={() => run("withdrawProceeds")}
              disabled={!canSign || !withdrawable}
              loading={withdraw.busy}
            >
              {t("withdraw")}
            </Button>
          </div>
        </ControlCard>
        <ControlCard
          id="close-title"
          headingRef={closeHeadingRef}
          title={t("closeTitle")}
          explain={canClose ? t("closeExplain") : t("notOpen")}
          status={<TxStatus step={close.step} confirmed={t("closed")} testId="close-status" />}
        >
          {confirmClose ? (
            <div
              ref={confirmRef}
              tabIndex={-1}
              role="group"
              aria-labelledby="close-confirm"
              className="flex flex-col gap-3 rounded-xl border border-danger/30 bg-danger-soft p-4 outline-none focus-visible:ring-2 focus-visible:ring-focus"
            >
              <p id="close-confirm" className="text-sm font-medium">
                {t("closeConfirm")}
              </p>
              <div className="flex flex-wrap gap-2">
                <Button variant="danger" onClick={() => run("closeOffering")}>
                  {t("closeConfirmYes")}
                </Button>
                <Button variant="secondary" onClick={() => setConfirmClose(false)}>
                  {t("cancel")}
                </Button>
              </div>
            </div>
          ) : (
            <div className="mt-auto">
              <Button
                ref={closeButtonRef}
                variant="danger"
                onClick={() => setConfirmClose(true)}
                disabled={!canSign || !canClose}
                loading={close.busy}
              >
                {t("close")}
              </Button>
            </div>
          )}
        </ControlCard>
      </div>
    </div>
  );
}

/** One of the offering's controls: what it does, its transaction's state, then its button. */
function ControlCard({
  id,
  title,
  headingRef,
  explain,
  status,
  children,
}: {
  id: string;
  title: string;
  headingRef?: React.Ref<HTMLHeadingElement>;
  explain: string;
  status: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="flex flex-col gap-3 rounded-2xl border border-line p-5" aria-labelledby={id}>
      <h3 id={id} ref={headingRef} className="font-medium">
        {title}
      </h3>
      <p className="text-sm text-ink-muted">{explain}</p>
      {status}
      {children}
    </section>
  );
}
