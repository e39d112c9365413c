"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Address } from "@/components/ui/address";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConnectDialog } from "@/components/wallet/connect-dialog";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import type { TradeSetup } from "./types";

/** No wallet, or not the signed-in account's: say which one to connect before any form. */
export function WalletMismatch({ setup }: { setup: TradeSetup }) {
  const t = useTranslations("market");
  const { address, isConnected, isReconnecting } = useWalletConnection();
  const [connectOpen, setConnectOpen] = useState(false);
  return (
    <Alert
      tone="info"
      title={
        isConnected && address
          ? t("form.wrongWallet", { expected: setup.account, actual: address })
          : t("form.connectBody", { address: setup.account })
      }
      action={
        !isConnected ? (
          <Button onClick={() => setConnectOpen(true)} loading={isReconnecting}>
            {t("form.connect")}
          </Button>
        ) : undefined
      }
    >
      {!isConnected ? <ConnectDialog open={connectOpen} onOpenChange={setConnectOpen} /> : null}
      <Address address={setup.account} />
    </Alert>
  );
}
