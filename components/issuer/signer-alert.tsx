"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConnectDialog } from "@/components/wallet/connect-dialog";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";

/**
 * What stands between an issuer's control and the signature of `signer`: no wallet connected (an alert offering to
 * connect one — `connectLabel` on its button — with the connect dialog) or another wallet connected (a warning).
 * Nothing once `signer` is connected. Its words come as props: the trade page's sale actions use it too, and carry
 * none of the issuer's messages.
 */
export function SignerAlert({
  signer,
  connectTitle,
  connectLabel,
  wrongTitle,
  wrongBody,
}: {
  signer: string;
  connectTitle: string;
  connectLabel: string;
  wrongTitle: string;
  wrongBody?: string;
}) {
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
              {connectLabel}
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
