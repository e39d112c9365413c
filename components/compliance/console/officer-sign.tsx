"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConnectDialog } from "@/components/wallet/connect-dialog";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { AgentStepStatus } from "./agent-step";
import type { useAgentTx } from "./use-agent-tx";

/** Whether the connected wallet is the signed-in officer's (the only wallet an agent transaction may come from). */
export function useOfficerWallet(officer: string) {
  const { address, isConnected, isReconnecting } = useWalletConnection();
  const canSign = isConnected && address?.toLowerCase() === officer.toLowerCase();
  return { isConnected, isReconnecting, canSign, wrongWallet: isConnected && !canSign };
}

/**
 * The end of every officer transaction dialog (single agent actions, batch freeze, batch forced transfer, proposal
 * review): the transaction's state in words, a warning when the connected wallet is not the officer's, and the
 * buttons — Back and Sign (or Connect wallet) while it can still be signed, Done once it is confirmed and audited.
 */
export function OfficerSignFooter({
  officer,
  tx,
  signLabel,
  danger,
  disabled,
  onSign,
  onBack,
  onDone,
}: {
  officer: string;
  tx: ReturnType<typeof useAgentTx>;
  signLabel: string;
  danger?: boolean;
  /** True while something other than the wallet blocks signing (a problem row). */
  disabled?: boolean;
  onSign: () => void;
  onBack: () => void;
  onDone: () => void;
}) {
  const t = useTranslations("complianceConsole.actions");
  const { isConnected, isReconnecting, canSign, wrongWallet } = useOfficerWallet(officer);
  const [connectOpen, setConnectOpen] = useState(false);
  return (
    <>
      <AgentStepStatus step={tx.step} />
      {wrongWallet ? <Alert tone="warn">{t("connectHint", { wallet: officer })}</Alert> : null}
      <ConnectDialog open={connectOpen} onOpenChange={setConnectOpen} />
      <div className="flex flex-wrap justify-end gap-2">
        {tx.step.kind === "confirmed" ? (
          <Button onClick={onDone}>{t("done")}</Button>
        ) : (
          <>
            <Button
              variant="ghost"
              onClick={() => {
                tx.setStep({ kind: "idle" });
                onBack();
              }}
              disabled={tx.busy}
            >
              {t("back")}
            </Button>
            {isConnected ? (
              <Button
                variant={danger ? "danger" : "primary"}
                onClick={onSign}
                loading={tx.busy}
                disabled={!canSign || disabled}
              >
                {signLabel}
              </Button>
            ) : (
              <Button onClick={() => setConnectOpen(true)} loading={isReconnecting}>
                {t("connect")}
              </Button>
            )}
          </>
        )}
      </div>
    </>
  );
}
