"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { Hex } from "viem";
import { useConfig } from "wagmi";
import { simulateContract, waitForTransactionReceipt, writeContract } from "wagmi/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { controlStyles } from "@/components/ui/input";
import { ConnectDialog } from "@/components/wallet/connect-dialog";
import { TxStatus } from "@/components/wallet/tx-status";
import { useChainErrorText } from "@/components/wallet/use-chain-error";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { isUserRejection } from "@/components/wallet/wallet-errors";
import { identityRegistryAbi } from "@/lib/chain/abis";
import { recordPlatformStopAction } from "./platform-stop-actions";

type Step =
  | { kind: "idle" }
  | { kind: "signing" }
  | { kind: "pending"; hash: Hex }
  | { kind: "recording"; hash: Hex }
  | { kind: "done"; stopped: boolean }
  | { kind: "failed"; message: string };

/**
 * The platform admin's emergency stop: a confirmation dialog says what stopping (or resuming) does and asks for a
 * reason, then the admin's own wallet signs `stopPlatform` / `resumePlatform` on the IdentityRegistry and the server
 * verifies and audits it.
 */
export function PlatformStopControl({
  stopped,
  registry,
  admin,
}: {
  stopped: boolean;
  registry: `0x${string}`;
  admin: string;
}) {
  const t = useTranslations("complianceConsole.platformStop");
  const config = useConfig();
  const router = useRouter();
  const chainErrorText = useChainErrorText();
  const uid = useId();
  const { address, isConnected } = useWalletConnection();
  const [open, setOpen] = useState(false);
  const [connectOpen, setConnectOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [refused, setRefused] = useState<{ at: number; message: string } | null>(null);
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const stop = !stopped;
  const busy = step.kind === "signing" || step.kind === "pending" || step.kind === "recording";
  const wrongWallet = isConnected && address?.toLowerCase() !== admin.toLowerCase();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    // The reason is checked before the wallet opens (and again on the server).
    if (reason.trim().length < 5) return setRefused({ at: Date.now(), message: t("reasonRequired") });
    setRefused(null);
    if (!address) return setConnectOpen(true);
    try {
      const { request } = await simulateContract(config, {
        address: registry,
        abi: identityRegistryAbi,
        functionName: stop ? "stopPlatform" : "resumePlatform",
        account: address,
      });
      setStep({ kind: "signing" });
      const hash = await writeContract(config, request);
      setStep({ kind: "pending", hash });
      const receipt = await waitForTransactionReceipt(config, { hash });
      if (receipt.status !== "success") return setStep({ kind: "failed", message: t("errors.tx_failed") });
      setStep({ kind: "recording", hash });
      const r = await recordPlatformStopAction({ stop, reason: reason.trim(), txHash: hash });
      if (!r.ok) return setStep({ kind: "failed", message: r.message });
      setStep({ kind: "done", stopped: stop });
      setOpen(false);
      setReason("");
      router.refresh();
    } catch (error) {
      if (isUserRejection(error)) return setStep({ kind: "failed", message: t("rejectedInWallet") });
      setStep({ kind: "failed", message: chainErrorText(error) });
    }
  }

  const progress = { signing: t("signing"), pending: t("pending"), recording: t("recording") } as const;

  return (
    <section
      aria-labelledby={`${uid}-title`}
      data-testid="platform-stop"
      data-stopped={stopped ? "true" : "false"}
      className="flex flex-col gap-3 rounded-2xl border border-line p-5"
    >
      <h2 id={`${uid}-title`} className="font-display text-2xl">
        {t("title")}{" "}
        <span className="ml-1 rounded-full border border-line px-2 py-0.5 align-middle text-sm">
          {stopped ? t("stateStopped") : t("stateRunning")}
        </span>
      </h2>
      <p className="text-sm text-ink-muted">{stopped ? t("stoppedBody") : t("runningBody")}</p>
      <TxStatus
        step={step.kind}
        testIdOn="region"
        view={{ done: step.kind === "done" ? { title: step.stopped ? t("doneStopped") : t("doneResumed") } : null }}
      />
      <div>
        <Dialog
          open={open}
          onOpenChange={(o) => {
            if (!busy) setOpen(o);
          }}
          trigger={
            <Button variant={stop ? "danger" : "primary"} onClick={() => setStep({ kind: "idle" })}>
              {stop ? t("stop") : t("resume")}
            </Button>
          }
          title={stop ? t("dialogStopTitle") : t("dialogResumeTitle")}
          description={stop ? t("dialogStopBody") : t("dialogResumeBody")}
          closeLabel={t("close")}
        >
          <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
            {refused ? (
              <ErrorSummary
                title={t("fixTitle")}
                focusKey={refused.at}
                items={[{ field: `${uid}-reason`, label: t("reasonLabel"), message: refused.message }]}
              />
            ) : null}
            {wrongWallet ? <Alert tone="warn" role="none" title={t("errors.tx_wrong_sender")} /> : null}
            <Field id={`${uid}-reason`} label={t("reasonLabel")} hint={t("reasonHint")} error={refused?.message}>
              {(p) => (
                <textarea
                  {...p}
                  name="reason"
                  rows={3}
                  maxLength={500}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  className={cn(controlStyles, "h-auto py-2")}
                />
              )}
            </Field>
            <TxStatus
              step={step.kind}
              testIdOn="region"
              view={{
                busy: busy ? { text: progress[step.kind as keyof typeof progress] } : null,
                failed:
                  step.kind === "failed" ? { title: t("failed"), body: <p>{step.message}</p>, focusKey: step } : null,
              }}
            />
            <div className="flex flex-wrap gap-2">
              <Button type="submit" variant={stop ? "danger" : "primary"} loading={busy} disabled={wrongWallet}>
                {stop ? t("confirmStop") : t("confirmResume")}
              </Button>
              <Button type="button" variant="ghost" onClick={() => setOpen(false)} disabled={busy}>
                {t("cancel")}
              </Button>
            </div>
          </form>
        </Dialog>
        <ConnectDialog open={connectOpen} onOpenChange={setConnectOpen} />
      </div>
    </section>
  );
}
