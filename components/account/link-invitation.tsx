"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { type Address as Addr, getAddress } from "viem";
import { useConfig } from "wagmi";
import { signMessage } from "wagmi/actions";
import { Address } from "@/components/ui/address";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { ConnectButton } from "@/components/wallet/connect-prompt";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { isUserRejection } from "@/components/wallet/wallet-errors";
import { RefreshActionButton } from "./refresh-button";
import { cancelWalletLinkAction, signInvitedLinkAction } from "./wallet-link-actions";

/**
 * A compliance officer asked to link this (signed-in, not yet linked) wallet to an investor: its holder reads the
 * statement and signs it — the same statement as in the investor's own flow. Another officer then registers it.
 */
export function LinkInvitation({
  id,
  wallet,
  message,
  signBefore,
  signed = false,
}: {
  id: string;
  wallet: string;
  message: string;
  /** Formatted in the viewer's language and Hong Kong time by the page. */
  signBefore: string;
  /** Already signed by this wallet, waiting for an officer. */
  signed?: boolean;
}) {
  const t = useTranslations("walletLinks.invite");
  const tf = useTranslations("walletLinks.flow");
  const config = useConfig();
  const { address, isConnected, isReconnecting } = useWalletConnection();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string } | null>(null);
  const [done, setDone] = useState(false);
  const onWallet = address?.toLowerCase() === wallet.toLowerCase();

  async function sign() {
    setBusy(true);
    setError(null);
    try {
      const signature = await signMessage(config, { message, account: wallet as Addr });
      const r = await signInvitedLinkAction({ id, signature });
      if (!r.ok) return setError({ message: r.message });
      // No refresh: the page lists only invitations still to sign, so this card (and its confirmation) would vanish.
      setDone(true);
    } catch (e) {
      setError({ message: isUserRejection(e) ? tf("rejectedInWallet") : tf("failed") });
    } finally {
      setBusy(false);
    }
  }

  if (done || signed) return <Alert tone="success">{t("done")}</Alert>;
  return (
    <div className="flex flex-col gap-3" data-testid="link-invitation">
      <p className="text-sm [overflow-wrap:anywhere]">{t("body", { wallet: getAddress(wallet) })}</p>
      <p className="text-sm text-ink-muted">{t("signBefore", { date: signBefore })}</p>
      <details className="text-xs text-ink-muted">
        <summary className="cursor-pointer">{tf("showMessage")}</summary>
        <pre className="mt-2 whitespace-pre-wrap rounded-lg bg-surface-muted p-3 font-mono">{message}</pre>
      </details>
      {error ? <ErrorSummary title={error.message} focusKey={error} /> : null}
      <div>
        {isConnected && onWallet ? (
          <Button onClick={sign} loading={busy}>
            {t("sign")}
          </Button>
        ) : (
          <ConnectButton variant="secondary" loading={isReconnecting}>
            {tf("connect")}
          </ConnectButton>
        )}
      </div>
    </div>
  );
}

/** The investor sees a link request a compliance officer opened for their account, and can withdraw it. */
export function OfficerLinkNotice({ id, newWallet }: { id: string; newWallet: string }) {
  const t = useTranslations("walletLinks.flow");
  return (
    <div className="flex flex-col gap-3" data-testid="link-wallet" data-state="officer">
      <Alert tone="info" title={t("officerOpenTitle")}>
        {t("officerOpenBody")} <Address address={getAddress(newWallet)} />
      </Alert>
      <RefreshActionButton label={t("cancel")} action={() => cancelWalletLinkAction({ id })} layout="errorFirst" />
    </div>
  );
}
