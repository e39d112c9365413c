"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { Hex } from "viem";
import { useConfig } from "wagmi";
import { simulateContract, waitForTransactionReceipt, writeContract } from "wagmi/actions";
import { exposureLines } from "@/components/account/exposure";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConnectDialog } from "@/components/wallet/connect-dialog";
import { TxStatus } from "@/components/wallet/tx-status";
import { useChainErrorText } from "@/components/wallet/use-chain-error";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { isUserRejection } from "@/components/wallet/wallet-errors";
import { identityRegistryAbi } from "@/lib/chain/abis";
import type { WalletExposure } from "@/lib/kyc/wallet-unlinks";
import { beginUnlinkAction, confirmUnlinkAction } from "./wallet-link-actions";

type Step =
  | { kind: "idle" }
  | { kind: "planning" }
  | { kind: "signing" }
  | { kind: "pending"; hash: Hex }
  | { kind: "confirming"; hash: Hex }
  | { kind: "confirmed"; hash: Hex }
  | { kind: "failed"; message: string; lines?: string[] };

/**
 * Execute an investor's unlink request: the officer's wallet signs `unlinkWallet(wallet)`, the server verifies the
 * receipt and the registry. While the wallet holds shares or has open orders the page says what, and the server
 * refuses to plan the unlink (a fresh check, not the page's).
 */
export function WalletUnlinkDecision({
  id,
  officer,
  wallet,
  investorName,
  exposure,
}: {
  id: string;
  officer: string;
  wallet: string;
  investorName: string;
  exposure: WalletExposure;
}) {
  const t = useTranslations("walletLinks.unlinkReview");
  const tr = useTranslations("walletLinks.review");
  const te = useTranslations("walletLinks.exposure");
  const locale = useLocale();
  const config = useConfig();
  const chainErrorText = useChainErrorText();
  const { address, isConnected, isReconnecting } = useWalletConnection();
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [connectOpen, setConnectOpen] = useState(false);
  const wrongWallet = isConnected && address?.toLowerCase() !== officer.toLowerCase();
  const busy =
    step.kind === "planning" || step.kind === "signing" || step.kind === "pending" || step.kind === "confirming";
  const lines = exposureLines(te, exposure, locale);

  async function approve() {
    setStep({ kind: "planning" });
    try {
      const begun = await beginUnlinkAction({ id });
      if (!begun.ok)
        return setStep({
          kind: "failed",
          message: begun.message,
          lines: begun.exposure ? exposureLines(te, begun.exposure, locale) : undefined,
        });
      if (!address) return setStep({ kind: "failed", message: tr("connectBody") });
      const { request } = await simulateContract(config, {
        address: begun.plan.registry,
        abi: identityRegistryAbi,
        functionName: "unlinkWallet",
        args: [begun.plan.wallet],
        account: address,
      });
      setStep({ kind: "signing" });
      const hash = await writeContract(config, request);
      setStep({ kind: "pending", hash });
      const receipt = await waitForTransactionReceipt(config, { hash });
      if (receipt.status !== "success") return setStep({ kind: "failed", message: t("reverted") });
      setStep({ kind: "confirming", hash });
      const r = await confirmUnlinkAction({ id, txHash: hash });
      if (!r.ok) return setStep({ kind: "failed", message: r.message });
      // No refresh here: the queue would drop this request at once and the confirmation with it. The row now says
      // what happened (with its transaction); the queue is read again on the next visit.
      setStep({ kind: "confirmed", hash });
    } catch (error) {
      if (isUserRejection(error)) return setStep({ kind: "failed", message: tr("rejectedInWallet") });
      setStep({ kind: "failed", message: t("chainError", { detail: chainErrorText(error) }) });
    }
  }

  if (step.kind === "confirmed") return <UnlinkDone hash={step.hash} />;

  const progress = {
    planning: t("state.planning"),
    signing: t("state.signing"),
    pending: t("state.pending"),
    confirming: t("state.confirming"),
  } as const;
  return (
    <div className="flex flex-col gap-3" data-testid="unlink-decision" data-step={step.kind}>
      <p className="text-sm text-ink-muted [overflow-wrap:anywhere]">{t("explain", { wallet, name: investorName })}</p>
      {lines.length ? (
        <Alert tone="warn" role="none" title={te("title")}>
          <ul className="list-disc pl-5">
            {lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
          <p className="mt-2">{t("inUse")}</p>
        </Alert>
      ) : (
        <p className="text-sm">{t("clear")}</p>
      )}
      {wrongWallet ? <Alert tone="warn" role="none" title={tr("wrongWallet", { wallet: officer })} /> : null}
      <div className="flex flex-wrap gap-2">
        {isConnected ? (
          <Button variant="danger" onClick={approve} disabled={busy || wrongWallet} loading={busy}>
            {t("approve")}
          </Button>
        ) : (
          <Button onClick={() => setConnectOpen(true)} loading={isReconnecting}>
            {tr("connect")}
          </Button>
        )}
      </div>
      <ConnectDialog open={connectOpen} onOpenChange={setConnectOpen} />
      <TxStatus
        step={step.kind}
        testIdOn="region"
        view={{
          busy: busy ? { text: progress[step.kind as keyof typeof progress] } : null,
          failed:
            step.kind === "failed"
              ? {
                  title: t("state.failed"),
                  focusKey: step,
                  body: (
                    <>
                      <p>{step.message}</p>
                      {step.lines?.length ? (
                        <ul className="mt-2 list-disc pl-5">
                          {step.lines.map((l) => (
                            <li key={l}>{l}</li>
                          ))}
                        </ul>
                      ) : null}
                    </>
                  ),
                }
              : null,
        }}
      />
    </div>
  );
}

/** An unlink done: what the officer sees right after signing, and in the queue for a day afterwards. */
export function UnlinkDone({ hash }: { hash: string | null }) {
  const t = useTranslations("walletLinks.unlinkReview");
  return (
    <TxStatus
      step="confirmed"
      testId="unlink-decision"
      testIdOn="region"
      view={{ done: { title: t("state.confirmed"), hash } }}
    />
  );
}
