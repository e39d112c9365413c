"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { type Address as Addr, getAddress } from "viem";
import { useConfig } from "wagmi";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { signMessage } from "wagmi/actions";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Address } from "@/components/ui/address";
import { Button } from "@/components/ui/button";
import { ConnectDialog } from "@/components/wallet/connect-dialog";
import { isUserRejection } from "@/components/wallet/wallet-errors";
import {
  cancelWalletLinkAction,
  newWalletMessageAction,
  signCurrentWalletAction,
  signNewWalletAction,
  startWalletLinkAction,
} from "./wallet-link-actions";

export type OpenLinkRequest = {
  id: string;
  status: "awaiting_signatures" | "submitted";
  currentSigned: boolean;
  currentMessage: string;
  newWallet: string | null;
  signBefore: string;
  submittedAt: string | null;
};

type Busy = null | "start" | "current" | "new" | "cancel";

/**
 * The request's steps as wallet signatures and server actions: one at a time (`busy` names it), each ending with a
 * refresh of the page, and a refusal kept in `error` for the error summary.
 */
function useWalletLinkActions({
  t,
  config,
  router,
  currentWallet,
  onCurrent,
}: {
  t: (key: "failed" | "rejectedInWallet") => string;
  config: ReturnType<typeof useConfig>;
  router: { refresh: () => void };
  currentWallet: string;
  onCurrent: boolean;
}) {
  const [busy, setBusy] = useState<Busy>(null);
  // An object per refusal: the error summary takes focus again even when the words are the same.
  const [error, setError] = useState<{ message: string } | null>(null);

  async function run(kind: Exclude<Busy, null>, work: () => Promise<{ ok: boolean; message?: string } | void>) {
    setBusy(kind);
    setError(null);
    try {
      const r = await work();
      if (r && !r.ok) setError({ message: r.message ?? t("failed") });
    } catch (e) {
      setError({ message: isUserRejection(e) ? t("rejectedInWallet") : t("failed") });
    } finally {
      setBusy(null);
      router.refresh();
    }
  }

  const signCurrent = (id: string, message: string) =>
    run("current", async () => {
      const signature = await signMessage(config, { message, account: currentWallet as Addr });
      return signCurrentWalletAction({ id, signature });
    });

  const start = () =>
    run("start", async () => {
      const r = await startWalletLinkAction();
      if (!r.ok) return r;
      if (!r.currentSigned && onCurrent) {
        const signature = await signMessage(config, { message: r.message, account: currentWallet as Addr });
        return signCurrentWalletAction({ id: r.id, signature });
      }
      return r;
    });

  const signNew = (id: string, newWallet: string) =>
    run("new", async () => {
      const m = await newWalletMessageAction({ id, newWallet });
      if (!m.ok) return m;
      const signature = await signMessage(config, { message: m.message, account: newWallet as Addr });
      return signNewWalletAction({ id, newWallet, signature });
    });

  const cancel = (id: string) => run("cancel", () => cancelWalletLinkAction({ id }));

  return { busy, error, start, signCurrent, signNew, cancel };
}

/**
 * Link a second wallet: (1) the signed-in wallet signs its consent, (2) the investor switches their wallet app to
 * the new wallet, which signs to prove it is theirs, (3) compliance registers the link on-chain. Each step says
 * what will be signed before the wallet opens; the server checks every signature.
 */
export function LinkWalletFlow({ currentWallet, request }: { currentWallet: string; request: OpenLinkRequest | null }) {
  const t = useTranslations("walletLinks.flow");
  const config = useConfig();
  const router = useRouter();
  const { address, isConnected, isReconnecting } = useWalletConnection();
  const connected = address?.toLowerCase() ?? null;
  const onCurrent = connected === currentWallet.toLowerCase();
  const { busy, error, start, signCurrent, signNew, cancel } = useWalletLinkActions({
    t,
    config,
    router,
    currentWallet,
    onCurrent,
  });
  const [connectOpen, setConnectOpen] = useState(false);

  const errorAlert = error ? <ErrorSummary title={error.message} focusKey={error} /> : null;
  const connectDialog = <ConnectDialog open={connectOpen} onOpenChange={setConnectOpen} />;
  // The refusal, then Withdraw: the foot of every step of an open request.
  const cancelRow = (id: string) => (
    <>
      {errorAlert}
      <div>
        <Button variant="ghost" size="sm" onClick={() => cancel(id)} loading={busy === "cancel"}>
          {t("cancel")}
        </Button>
      </div>
    </>
  );

  if (!request) {
    return (
      <div className="flex flex-col gap-4" data-testid="link-wallet">
        <ol className="flex list-decimal flex-col gap-1 pl-5 text-sm text-ink-muted">
          <li>{t("how.current")}</li>
          <li>{t("how.new")}</li>
          <li>{t("how.review")}</li>
        </ol>
        {errorAlert}
        <div className="flex flex-wrap gap-2">
          {isConnected && onCurrent ? (
            <Button onClick={start} loading={busy === "start"}>
              {t("start")}
            </Button>
          ) : (
            <>
              <Alert tone="warn">{t("connectCurrent", { wallet: currentWallet })}</Alert>
              <Button variant="secondary" onClick={() => setConnectOpen(true)} loading={isReconnecting}>
                {t("connect")}
              </Button>
            </>
          )}
        </div>
        {connectDialog}
      </div>
    );
  }

  if (request.status === "submitted") {
    return (
      <div className="flex flex-col gap-3" data-testid="link-wallet" data-state="submitted">
        <Alert tone="info" title={t("submittedTitle")}>
          {t("submittedBody")} {request.newWallet ? <Address address={getAddress(request.newWallet)} /> : null}
        </Alert>
        {cancelRow(request.id)}
      </div>
    );
  }

  const signBefore = new Date(request.signBefore);
  return (
    <div
      className="flex flex-col gap-4"
      data-testid="link-wallet"
      data-state={request.currentSigned ? "awaiting_new" : "awaiting_current"}
    >
      <p className="text-sm text-ink-muted">{t("signBefore", { time: signBefore })}</p>
      <LinkWalletSteps
        {...{ request, currentWallet, connected, onCurrent, busy, isReconnecting }}
        onSignCurrent={() => signCurrent(request.id, request.currentMessage)}
        onSignNew={(newWallet) => signNew(request.id, newWallet)}
        onConnect={() => setConnectOpen(true)}
      />
      {cancelRow(request.id)}
      {connectDialog}
    </div>
  );
}

/** The two signatures of an open request, each with what it signs and the button that asks the wallet. */
function LinkWalletSteps({
  request,
  currentWallet,
  connected,
  onCurrent,
  busy,
  isReconnecting,
  onSignCurrent,
  onSignNew,
  onConnect,
}: {
  request: OpenLinkRequest;
  currentWallet: string;
  connected: string | null;
  onCurrent: boolean;
  busy: Busy;
  isReconnecting: boolean;
  onSignCurrent: () => void;
  onSignNew: (newWallet: string) => void;
  onConnect: () => void;
}) {
  const t = useTranslations("walletLinks.flow");
  return (
    <ol className="flex flex-col gap-4">
      <li
        className="flex flex-col gap-2 rounded-xl border border-line p-4"
        aria-current={!request.currentSigned ? "step" : undefined}
      >
        <h3 className="text-sm font-medium">{t("step1")}</h3>
        {request.currentSigned ? (
          <p className="text-sm text-success">{t("step1Done")}</p>
        ) : (
          <>
            <p className="text-sm text-ink-muted">{t("step1Body")}</p>
            <details className="text-xs text-ink-muted">
              <summary className="cursor-pointer">{t("showMessage")}</summary>
              <pre className="mt-2 whitespace-pre-wrap rounded-lg bg-surface-muted p-3 font-mono">
                {request.currentMessage}
              </pre>
            </details>
            {onCurrent ? (
              <div>
                <Button onClick={onSignCurrent} loading={busy === "current"}>
                  {t("signCurrent")}
                </Button>
              </div>
            ) : (
              <Alert tone="warn">{t("connectCurrent", { wallet: currentWallet })}</Alert>
            )}
          </>
        )}
      </li>
      <li
        className="flex flex-col gap-2 rounded-xl border border-line p-4"
        aria-current={request.currentSigned ? "step" : undefined}
      >
        <h3 className="text-sm font-medium">{t("step2")}</h3>
        {!request.currentSigned ? (
          <p className="text-sm text-ink-muted">{t("step2Waiting")}</p>
        ) : connected && !onCurrent ? (
          <>
            <p className="text-sm">
              {t("step2Ready")} <Address address={getAddress(connected)} />
            </p>
            <div>
              <Button onClick={() => onSignNew(connected)} loading={busy === "new"}>
                {t("signNew")}
              </Button>
            </div>
          </>
        ) : (
          <>
            <p className="text-sm text-ink-muted">{t("step2Body")}</p>
            <div>
              <Button variant="secondary" onClick={onConnect} loading={isReconnecting}>
                {t("connectNew")}
              </Button>
            </div>
          </>
        )}
      </li>
    </ol>
  );
}
