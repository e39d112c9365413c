"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useConfig, useDisconnect } from "wagmi";
import { useWalletConnection } from "./use-wallet-connection";
import { Alert } from "@/components/ui/alert";
import { Address } from "@/components/ui/address";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { getNonceAction, signInAction } from "./actions";
import { ConnectDialog } from "./connect-dialog";
import { safeNextPath, type SignInErrorCode, toSignInErrorCode } from "./errors";
import { useWalletSettings } from "./wallet-provider";
import { isUserRejection } from "./wallet-errors";

type Step =
  | { kind: "idle" }
  | { kind: "preparing" }
  | { kind: "signing"; message: string }
  | { kind: "verifying"; message: string }
  | { kind: "done" }
  | { kind: "failed"; code: SignInErrorCode; retryAfterSeconds?: number };

/** The step after the server refused (or did not answer: "unavailable"), with when to try again if it said. */
function refusedStep(answer: { code?: unknown; retryAfterSeconds?: number } | null): Step {
  return {
    kind: "failed",
    code: toSignInErrorCode(answer?.code ?? "unavailable"),
    retryAfterSeconds: answer?.retryAfterSeconds,
  };
}

/** The Sign-In with Ethereum island: connect → explain → sign → verify → redirect. */
export function SignIn({ next }: { next?: string }) {
  const t = useTranslations("signIn");
  const settings = useWalletSettings();
  const router = useRouter();
  const { address, chainId, isConnected, connector, status } = useWalletConnection();
  const disconnect = useDisconnect();
  const config = useConfig();
  const [dialogOpen, setDialogOpen] = useState(false);
  // Once a wallet is connected the connect button gives way to this one: focus lands on the next step.
  const signButtonRef = useRef<HTMLButtonElement>(null);
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [navigating, startNavigation] = useTransition();
  const wrongNetwork = isConnected && chainId !== settings.chain.id;
  const busy = step.kind === "preparing" || step.kind === "signing" || step.kind === "verifying";

  async function signIn() {
    if (!address) return;
    setStep({ kind: "preparing" });
    // The message builder (viem's SIWE) and wagmi's signMessage load when the person first signs in.
    const [nonce, lazy] = await Promise.all([getNonceAction().catch(() => null), import("./sign-in-actions")]);
    if (!nonce || !nonce.ok) {
      setStep(refusedStep(nonce));
      return;
    }
    const message = lazy.buildSignInMessage({
      address,
      chainId: settings.chain.id,
      nonce: nonce.nonce,
      origin: window.location.origin,
    });
    setStep({ kind: "signing", message });
    let signature: `0x${string}`;
    try {
      signature = await lazy.signMessage(config, { message, account: address });
    } catch (error) {
      setStep({ kind: "failed", code: isUserRejection(error) ? "rejected" : "unknown" });
      return;
    }
    setStep({ kind: "verifying", message });
    const result = await signInAction({ message, signature }).catch(() => null);
    if (!result || !result.ok) {
      setStep(refusedStep(result));
      return;
    }
    setStep({ kind: "done" });
    startNavigation(() => {
      // The page asked for, else the wallet's own console (issuer, compliance, admin) or the portfolio.
      router.replace(next ? safeNextPath(next) : safeNextPath(result.home));
      router.refresh();
    });
  }

  const stepMessage = step.kind === "signing" || step.kind === "verifying" ? step.message : null;

  return (
    <div className="flex flex-col gap-6">
      <SignInProgress isConnected={isConnected} done={step.kind === "done"} />

      {!isConnected ? (
        <div className="flex flex-col gap-4">
          <p className="text-ink-muted">{t("connectIntro")}</p>
          <div>
            <Button
              size="lg"
              onClick={() => setDialogOpen(true)}
              loading={status === "connecting" || status === "reconnecting"}
            >
              {t("connect")}
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-col gap-5">
          <ConnectedWallet
            walletName={connector?.name ?? ""}
            address={address}
            busy={busy}
            onUseAnother={() => {
              setStep({ kind: "idle" });
              disconnect.mutate();
            }}
          />

          <SignInMessage message={stepMessage} />

          <SignInStatus step={step} navigating={navigating} />

          {step.kind !== "done" ? (
            <div>
              <Button
                ref={signButtonRef}
                size="lg"
                onClick={signIn}
                disabled={wrongNetwork}
                loading={busy}
                loadingLabel={
                  step.kind === "signing"
                    ? t("state.signingButton")
                    : step.kind === "verifying"
                      ? t("state.verifyingButton")
                      : t("state.preparing")
                }
              >
                {step.kind === "failed" ? t("retry") : t("sign")}
              </Button>
              {wrongNetwork ? <p className="mt-2 text-sm text-ink-muted">{t("switchFirst")}</p> : null}
            </div>
          ) : null}
        </div>
      )}

      <ConnectDialog open={dialogOpen} onOpenChange={setDialogOpen} returnFocusRef={signButtonRef} />
    </div>
  );
}

/** The three numbered steps above the island; the current one is announced as such. */
function SignInProgress({ isConnected, done }: { isConnected: boolean; done: boolean }) {
  const t = useTranslations("signIn");
  return (
    <ol className="grid grid-cols-3 gap-2 text-xs" aria-label={t("progressLabel")}>
      {(["connect", "sign", "done"] as const).map((s, i) => {
        const reached = i === 0 ? true : i === 1 ? isConnected : done;
        const current = (i === 0 && !isConnected) || (i === 1 && isConnected && !done) || (i === 2 && done);
        return (
          <li
            key={s}
            aria-current={current ? "step" : undefined}
            className={`flex flex-col gap-1.5 border-t-2 pt-2 ${reached ? "border-accent text-ink" : "border-line text-ink-subtle"}`}
          >
            <span className="font-mono tabular">0{i + 1}</span>
            <span className="font-medium">{t(`steps.${s}`)}</span>
          </li>
        );
      })}
    </ol>
  );
}

/** What signing means, and the message itself while the wallet is asked to sign it. */
function SignInMessage({ message }: { message: string | null }) {
  const t = useTranslations("signIn");
  return (
    <div className="rounded-xl border border-line bg-surface-muted/60 px-4 py-4">
      <h2 className="font-medium">{t("whatTitle")}</h2>
      <p className="mt-1 text-sm text-ink-muted">{t("whatBody")}</p>
      {message ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-accent">{t("showMessage")}</summary>
          <pre className="mt-2 overflow-x-auto rounded-lg border border-line bg-surface p-3 font-mono text-xs leading-relaxed whitespace-pre-wrap text-ink-muted">
            {message}
          </pre>
        </details>
      ) : null}
    </div>
  );
}

/** The polite live region reporting the current step's outcome. */
function SignInStatus({ step, navigating }: { step: Step; navigating: boolean }) {
  const t = useTranslations("signIn");
  return (
    <div aria-live="polite" className="flex flex-col gap-3">
      {step.kind === "signing" ? (
        <Alert tone="info" title={t("state.signingTitle")}>
          {t("state.signingBody")}
        </Alert>
      ) : null}
      {step.kind === "verifying" ? (
        <p className="flex items-center gap-2 text-sm text-ink-muted">
          <Spinner className="size-4" /> {t("state.verifying")}
        </p>
      ) : null}
      {step.kind === "done" ? (
        <Alert tone="success" title={t("state.doneTitle")}>
          {navigating ? t("state.redirecting") : null}
        </Alert>
      ) : null}
      {step.kind === "failed" ? (
        <Alert tone={step.code === "rejected" ? "warn" : "error"} title={t("state.failedTitle")}>
          {step.code === "rate_limited" && step.retryAfterSeconds
            ? t("errors.rate_limited_wait", { seconds: step.retryAfterSeconds })
            : t(`errors.${step.code}`)}
        </Alert>
      ) : null}
    </div>
  );
}

/** The connected wallet, and the way to pick another (disabled while a sign-in is under way). */
function ConnectedWallet({
  walletName,
  address,
  busy,
  onUseAnother,
}: {
  walletName: string;
  address: `0x${string}` | undefined;
  busy: boolean;
  onUseAnother: () => void;
}) {
  const t = useTranslations("signIn");
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-line bg-surface px-4 py-3">
      <div className="flex flex-col">
        <span className="text-xs text-ink-muted">{t("connectedWith", { wallet: walletName })}</span>
        {address ? <Address address={address} chars={6} /> : null}
      </div>
      <Button variant="ghost" size="sm" disabled={busy} onClick={onUseAnother}>
        {t("useAnother")}
      </Button>
    </div>
  );
}
