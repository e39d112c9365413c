"use client";

import { useState, type RefObject } from "react";
import { useTranslations } from "next-intl";
import { useConnect, useConnectors, type Connector } from "wagmi";
import { Alert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { cn } from "@/components/ui/cn";
import { shortAddress } from "@/lib/format/address";
import { isDemoConnectorId } from "@/lib/wallet/client";
import { LOCAL_CHAIN_ID } from "@/lib/chain/config";
import type { DemoAccount } from "@/lib/wallet/types";
import { Spinner } from "@/components/ui/spinner";
import { useWalletSettings } from "./wallet-provider";
import { isUserRejection } from "./wallet-errors";

export type ConnectDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Defaults to the accounts from the wallet settings (server-provided, local chain only). */
  demoAccounts?: DemoAccount[];
  onConnected?: () => void;
  /**
   * Focus on close when the button that opened the dialog is gone (it usually gives way to the next
   * step once a wallet is connected). Otherwise focus returns to that button.
   */
  returnFocusRef?: RefObject<HTMLElement | null>;
};

type Failure = "rejected" | "failed" | null;

/** The wallets the dialog offers: browser wallets, WalletConnect, and the demo wallet's accounts. */
function useWalletChoices() {
  const connectors = useConnectors();
  // EIP-6963 announced wallets have their rdns as id; the generic `injected` connector is a fallback
  // for a legacy `window.ethereum` that does not announce itself.
  const announced = connectors.filter((c) => c.type === "injected" && c.id !== "injected");
  const legacy = connectors.find((c) => c.id === "injected");
  const hasLegacy =
    typeof window !== "undefined" && "ethereum" in window && Boolean((window as { ethereum?: unknown }).ethereum);
  const browserWallets = announced.length > 0 ? announced : legacy && hasLegacy ? [legacy] : [];
  const walletConnect = connectors.find((c) => c.type === "walletConnect");
  const demo = connectors.filter((c) => isDemoConnectorId(c.id));
  return { browserWallets, walletConnect, demo };
}

/** Atelier's own connect dialog: EIP-6963 wallets, WalletConnect, and the demo wallet on the local chain. */
export function ConnectDialog({ open, onOpenChange, demoAccounts, onConnected, returnFocusRef }: ConnectDialogProps) {
  const t = useTranslations("wallet.connect");
  const tDialog = useTranslations("ui.dialog");
  const settings = useWalletSettings();
  const { browserWallets, walletConnect, demo } = useWalletChoices();
  const connect = useConnect();
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure>(null);
  const local = settings.chain.id === LOCAL_CHAIN_ID;
  const accounts = local ? (demoAccounts ?? settings.demoAccounts ?? []) : [];

  function start(connector: Connector) {
    setFailure(null);
    setPendingId(connector.uid);
    connect.mutate(
      { connector, chainId: settings.chain.id },
      {
        onSuccess: () => {
          setPendingId(null);
          onOpenChange(false);
          onConnected?.();
        },
        onError: (error) => {
          setPendingId(null);
          setFailure(isUserRejection(error) ? "rejected" : "failed");
        },
      },
    );
  }

  const row = (connector: Connector, title: string, subtitle?: string, mono?: string, icon?: string) => (
    <ConnectorRow
      key={connector.uid}
      title={title}
      subtitle={subtitle}
      mono={mono}
      icon={icon}
      pending={pendingId === connector.uid}
      disabled={pendingId !== null}
      onSelect={() => start(connector)}
    />
  );

  return (
    <Dialog
      closeLabel={tDialog("close")}
      returnFocusRef={returnFocusRef}
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          setFailure(null);
          setPendingId(null);
        }
        onOpenChange(next);
      }}
      title={t("title")}
      description={t("description")}
    >
      <div className="flex flex-col gap-5">
        {failure ? (
          <Alert
            tone={failure === "rejected" ? "warn" : "error"}
            title={t(failure === "rejected" ? "rejectedTitle" : "failedTitle")}
          >
            {t(failure === "rejected" ? "rejectedBody" : "failedBody")}
          </Alert>
        ) : null}

        <section aria-labelledby="connect-browser">
          <h3 id="connect-browser" className="mb-2 text-xs font-medium tracking-wide text-ink-muted uppercase">
            {t("browserWallets")}
          </h3>
          {browserWallets.length > 0 ? (
            <ul className="flex flex-col gap-2">
              {browserWallets.map((c) =>
                row(c, c.id === "injected" ? t("browserWallet") : c.name, undefined, undefined, c.icon),
              )}
            </ul>
          ) : (
            <div className="rounded-xl border border-dashed border-line-strong px-4 py-3 text-sm text-ink-muted">
              <p className="font-medium text-ink">{t("noneFoundTitle")}</p>
              <p className="mt-1">{t(local && demo.length > 0 ? "noneFoundLocal" : "noneFoundBody")}</p>
            </div>
          )}
        </section>

        {walletConnect ? (
          <section aria-labelledby="connect-wc">
            <h3 id="connect-wc" className="mb-2 text-xs font-medium tracking-wide text-ink-muted uppercase">
              {t("mobileWallets")}
            </h3>
            <ul className="flex flex-col gap-2">{row(walletConnect, "WalletConnect", t("walletConnectHint"))}</ul>
          </section>
        ) : null}

        {local && demo.length > 0 ? (
          <section aria-labelledby="connect-demo" id="demo-wallet">
            <h3 id="connect-demo" className="text-xs font-medium tracking-wide text-ink-muted uppercase">
              {t("demoTitle")}
            </h3>
            <p className="mt-1 mb-2 text-xs text-ink-muted">{t("demoHint")}</p>
            <ul className="flex flex-col gap-2">
              {demo.map((c) => {
                const account = accounts.find((a) => isDemoConnectorId(c.id) && c.id.endsWith(a.address.toLowerCase()));
                return row(
                  c,
                  account?.label ?? c.name,
                  account?.description,
                  account ? shortAddress(account.address, 6) : undefined,
                );
              })}
            </ul>
          </section>
        ) : null}
      </div>
    </Dialog>
  );
}

/** One wallet to connect: its icon (or initial), name and hints, and a spinner while it connects. */
function ConnectorRow({
  title,
  subtitle,
  mono,
  icon,
  pending,
  disabled,
  onSelect,
}: {
  title: string;
  subtitle?: string;
  mono?: string;
  icon?: string;
  pending: boolean;
  disabled: boolean;
  onSelect: () => void;
}) {
  const t = useTranslations("wallet.connect");
  return (
    <li>
      <button
        type="button"
        onClick={onSelect}
        disabled={disabled}
        aria-busy={pending || undefined}
        className={cn(
          "flex w-full items-center gap-3 rounded-xl border border-line bg-surface px-3.5 py-3 text-left transition-colors",
          "hover:border-line-strong hover:bg-surface-muted disabled:cursor-not-allowed disabled:opacity-60",
        )}
      >
        {icon ? (
          // eslint-disable-next-line @next/next/no-img-element -- wallet icons are data URIs from EIP-6963
          <img src={icon} alt="" className="size-8 shrink-0 rounded-lg" />
        ) : (
          <span
            aria-hidden="true"
            className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-accent-soft font-display text-accent"
          >
            {title.slice(0, 1)}
          </span>
        )}
        <span className="flex min-w-0 flex-1 flex-col">
          <span className="text-sm font-medium text-ink">{title}</span>
          {subtitle ? <span className="text-xs text-ink-muted">{subtitle}</span> : null}
          {mono ? <span className="font-mono text-xs text-ink-subtle tabular">{mono}</span> : null}
        </span>
        {pending ? (
          <span className="flex items-center gap-1.5 text-xs text-ink-muted">
            <Spinner className="size-4" />
            {t("connecting")}
          </span>
        ) : null}
      </button>
    </li>
  );
}
