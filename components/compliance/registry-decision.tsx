"use client";

// i18n-namespaces: walletLinks (besides its literal ones: the namespaces it reads by variable or from the root)

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConnectButton } from "@/components/wallet/connect-prompt";
import { useChainErrorText } from "@/components/wallet/use-chain-error";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { RevertedTxError, useWalletTx } from "@/components/wallet/use-wallet-tx";
import { isUserRejection } from "@/components/wallet/wallet-errors";

/*
 * What an officer's decision on a wallet link or unlink signs with: the identity registry transaction from the
 * officer's own connected wallet, and the buttons that start it.
 */

type DecisionNamespace = "walletLinks.review" | "walletLinks.unlinkReview";

/**
 * The officer's connected wallet (`wrongWallet` when another one is connected) and the registry transaction, its
 * failures in the decision's words (`ns`: reverted, chainError; declined in the wallet: the review's).
 */
export function useRegistryDecision(ns: DecisionNamespace, officer: string) {
  // Both namespaces hold the same `reverted` and `chainError` keys: one type stands for both.
  const t = useTranslations(ns as "walletLinks.review");
  const tr = useTranslations("walletLinks.review");
  const chainErrorText = useChainErrorText();
  const { address, isConnected, isReconnecting } = useWalletConnection();
  const tx = useWalletTx({
    describe: (error) =>
      isUserRejection(error)
        ? tr("rejectedInWallet")
        : error instanceof RevertedTxError
          ? t("reverted")
          : t("chainError", { detail: chainErrorText(error) }),
  });
  const wrongWallet = isConnected && address?.toLowerCase() !== officer.toLowerCase();
  return { tx, address, isConnected, isReconnecting, wrongWallet };
}

/**
 * A warning when the connected wallet is not the officer's, then Approve (or Connect wallet) and anything beside it
 * (`children`: a Reject toggle).
 */
export function DecisionButtons({
  officer,
  decision: { isConnected, isReconnecting, wrongWallet, tx },
  approveLabel,
  danger,
  onApprove,
  children,
}: {
  officer: string;
  decision: ReturnType<typeof useRegistryDecision>;
  approveLabel: string;
  danger?: boolean;
  onApprove: () => void;
  children?: ReactNode;
}) {
  const tr = useTranslations("walletLinks.review");
  return (
    <>
      {wrongWallet ? <Alert tone="warn" role="none" title={tr("wrongWallet", { wallet: officer })} /> : null}
      <div className="flex flex-wrap gap-2">
        {isConnected ? (
          <Button
            variant={danger ? "danger" : "primary"}
            onClick={onApprove}
            disabled={tx.busy || wrongWallet}
            loading={tx.busy}
          >
            {approveLabel}
          </Button>
        ) : (
          <ConnectButton loading={isReconnecting}>{tr("connect")}</ConnectButton>
        )}
        {children}
      </div>
    </>
  );
}
