"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConnectDialog } from "@/components/wallet/connect-dialog";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";

/**
 * What stands between an issuer's control and the signature of `signer`: no wallet connected (an alert offering to
 * connect one, with the connect dialog) or another wallet connected (a warning). Nothing once `signer` is connected.
 */
export function SignerAlert({
  signer,
  connectTitle,
  wrongTitle,
  wrongBody,
}: {
  signer: string;
  connectTitle: string;
  wrongTitle: string;
  wrongBody?: string;
}) {
  const tc = useTranslations("issuer.chain");
  const { address, isConnected, isReconnecting } = useWalletConnection();
  const [connectOpen, setConnectOpen] = useState(false);
  return (
    <>
      {!isConnected ? (
        <Alert
          tone="info"
          title={connectTitle}
          action={
            <Button size="sm" variant="secondary" onClick={() => setConnectOpen(true)} loading={isReconnecting}>
              {tc("connect")}
            </Button>
          }
        />
      ) : address?.toLowerCase() !== signer.toLowerCase() ? (
        <Alert tone="warn" title={wrongTitle}>
          {wrongBody}
        </Alert>
      ) : null}
      <ConnectDialog open={connectOpen} onOpenChange={setConnectOpen} />
    </>
  );
}
