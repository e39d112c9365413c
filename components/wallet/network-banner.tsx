"use client";

import { useTranslations } from "next-intl";
import { useSwitchChain } from "wagmi";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useWalletSettings } from "./wallet-provider";
import { isUserRejection } from "./wallet-errors";

/** Shown when the connected wallet is on another network than Atelier's. */
export function NetworkBanner() {
  const t = useTranslations("wallet.network");
  const { chain } = useWalletSettings();
  const { isConnected, chainId } = useWalletConnection();
  const switchChain = useSwitchChain();
  if (!isConnected || chainId === undefined || chainId === chain.id) return null;
  const failed = switchChain.isError && !isUserRejection(switchChain.error);
  return (
    <Alert
      tone="warn"
      title={t("title")}
      action={
        <Button
          size="sm"
          variant="secondary"
          loading={switchChain.isPending}
          onClick={() => switchChain.mutate({ chainId: chain.id })}
        >
          {t("switch", { name: chain.name })}
        </Button>
      }
    >
      <p>{t("body", { name: chain.name, current: chainId })}</p>
      {failed ? <p className="mt-1 text-danger">{t("failed", { name: chain.name })}</p> : null}
    </Alert>
  );
}
