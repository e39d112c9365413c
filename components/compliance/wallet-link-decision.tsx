"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useState } from "react";
import type { Hex } from "viem";
import { useConfig } from "wagmi";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { simulateContract, waitForTransactionReceipt, writeContract } from "wagmi/actions";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary, errorItems } from "@/components/ui/error-summary";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { controlStyles } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { ConnectDialog } from "@/components/wallet/connect-dialog";
import { useChainErrorText } from "@/components/wallet/use-chain-error";
import { isUserRejection } from "@/components/wallet/wallet-errors";
import { identityRegistryAbi } from "@/lib/chain/abis";
import type { LinkCall } from "@/lib/kyc/wallet-links";
import { beginWalletLinkAction, confirmWalletLinkAction, rejectWalletLinkAction } from "./wallet-link-actions";

type Step =
  | { kind: "idle" }
  | { kind: "planning" }
  | { kind: "signing" }
  | { kind: "pending"; hash: Hex }
  | { kind: "confirming"; hash: Hex | null }
  | { kind: "confirmed"; hash: Hex | null; proposed?: boolean }
  | { kind: "failed"; message: string; hash?: Hex | null };

/**
 * Approve (the officer's wallet signs `linkWallet(newWallet, investorId)` — for a professional or institutional
 * investor `proposeLink`, then another officer's `confirmLink`; the server verifies the receipt and the registry
 * before the link is recorded) or reject with a reason the investor sees.
 */
export function WalletLinkDecision({
  id,
  officer,
  newWallet,
  investorName,
}: {
  id: string;
  officer: string;
  newWallet: string;
  investorName: string;
}) {
  const t = useTranslations("walletLinks.review");
  const config = useConfig();
  const router = useRouter();
  const chainErrorText = useChainErrorText();
  const uid = useId();
  const { address, isConnected, isReconnecting } = useWalletConnection();
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [call, setCall] = useState<LinkCall>("linkWallet");
  const [connectOpen, setConnectOpen] = useState(false);
  const [rejectOpen, setRejectOpen] = useState(false);
  const [rejectState, rejectAction, rejecting] = useActionState(rejectWalletLinkAction, null);
  const wrongWallet = isConnected && address?.toLowerCase() !== officer.toLowerCase();
  const busy =
    step.kind === "planning" || step.kind === "signing" || step.kind === "pending" || step.kind === "confirming";

  useEffect(() => {
    if (rejectState?.ok) router.refresh();
  }, [rejectState, router]);

  async function confirm(hash: Hex | null) {
    setStep({ kind: "confirming", hash });
    const r = await confirmWalletLinkAction({ id, txHash: hash });
    if (!r.ok) return setStep({ kind: "failed", message: r.message, hash });
    setStep({ kind: "confirmed", hash, proposed: r.proposed === true });
    router.refresh();
  }

  async function approve() {
    setStep({ kind: "planning" });
    try {
      const begun = await beginWalletLinkAction({ id });
      if (!begun.ok) return setStep({ kind: "failed", message: begun.message });
      // An interrupted approval: the registry already holds the link — verify it, do not send it again.
      if (begun.plan.alreadyLinked) return confirm(null);
      if (!address) return setStep({ kind: "failed", message: t("connectBody") });
      // Said before the wallet opens: a proposal (first of two officers) or a confirmation reads differently.
      setCall(begun.plan.call);
      const { request } = await simulateContract(config, {
        address: begun.plan.registry,
        abi: identityRegistryAbi,
        functionName: begun.plan.call,
        args: [begun.plan.wallet, begun.plan.investorId],
        account: address,
      });
      setStep({ kind: "signing" });
      const hash = await writeContract(config, request);
      setStep({ kind: "pending", hash });
      const receipt = await waitForTransactionReceipt(config, { hash });
      if (receipt.status !== "success") return setStep({ kind: "failed", message: t("reverted"), hash });
      await confirm(hash);
    } catch (error) {
      if (isUserRejection(error)) return setStep({ kind: "failed", message: t("rejectedInWallet") });
      setStep({ kind: "failed", message: t("chainError", { detail: chainErrorText(error) }) });
    }
  }

  const progress = {
    planning: t("state.planning"),
    signing: t("state.signing"),
    pending: t("state.pending"),
    confirming: t("state.confirming"),
  } as const;
  const hash = "hash" in step ? (step.hash ?? null) : null;

  if (step.kind === "confirmed") {
    return (
      <div role="status" data-testid="link-decision" data-step="confirmed">
        <Alert tone="success" role="none" title={step.proposed ? t("proposed") : t("state.confirmed")}>
          {hash ? <code className="font-mono text-xs break-all">{hash}</code> : t("state.resumed")}
        </Alert>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3" data-testid="link-decision" data-step={step.kind}>
      <p className="text-sm text-ink-muted [overflow-wrap:anywhere]">
        {t(call === "proposeLink" ? "explainPropose" : call === "confirmLink" ? "explainConfirm" : "explain", {
          wallet: newWallet,
          name: investorName,
        })}
      </p>
      {wrongWallet ? <Alert tone="warn" role="none" title={t("wrongWallet", { wallet: officer })} /> : null}
      <div className="flex flex-wrap gap-2">
        {isConnected ? (
          <Button onClick={approve} disabled={busy || wrongWallet} loading={busy}>
            {t("approve")}
          </Button>
        ) : (
          <Button onClick={() => setConnectOpen(true)} loading={isReconnecting}>
            {t("connect")}
          </Button>
        )}
        <Button
          variant="ghost"
          onClick={() => setRejectOpen((o) => !o)}
          aria-expanded={rejectOpen}
          aria-controls={`${uid}-reject`}
          disabled={busy}
        >
          {t("reject")}
        </Button>
      </div>
      <ConnectDialog open={connectOpen} onOpenChange={setConnectOpen} />
      <div role="status" aria-live="polite" aria-atomic="true">
        {busy ? (
          <Alert
            tone="info"
            role="none"
            title={
              <span className="flex items-center gap-2">
                <Spinner className="size-4" />
                {progress[step.kind as keyof typeof progress]}
              </span>
            }
          >
            {hash ? <code className="font-mono text-xs break-all">{hash}</code> : null}
          </Alert>
        ) : null}
      </div>
      {step.kind === "failed" ? (
        <Alert tone="error" title={t("state.failed")}>
          <p>{step.message}</p>
        </Alert>
      ) : null}
      {rejectOpen ? (
        <form
          id={`${uid}-reject`}
          action={rejectAction}
          className="flex flex-col gap-3 rounded-xl border border-line p-3"
        >
          <input type="hidden" name="id" value={id} />
          {rejectState && !rejectState.ok ? (
            <ErrorSummary
              title={rejectState.message}
              focusKey={rejectState}
              items={errorItems(rejectState.fieldErrors, {
                control: () => `${uid}-reason`,
                label: () => t("reasonLabel"),
              })}
            />
          ) : null}
          <Field
            id={`${uid}-reason`}
            label={t("reasonLabel")}
            hint={t("reasonHint")}
            error={
              rejectState && !rejectState.ok ? (rejectState.fieldErrors?.reason ?? rejectState.message) : undefined
            }
          >
            {(p) => (
              <textarea {...p} name="reason" rows={3} maxLength={500} className={cn(controlStyles, "h-auto py-2")} />
            )}
          </Field>
          <div>
            <Button type="submit" variant="danger" loading={rejecting}>
              {t("rejectSubmit")}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
