"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorSummary } from "@/components/ui/error-summary";
import { ReasonField } from "@/components/ui/reason-field";
import { ConnectDialog } from "@/components/wallet/connect-dialog";
import { TxStatus } from "@/components/wallet/tx-status";
import { useSignerWallet } from "@/components/wallet/use-signer-wallet";
import { useWalletTx } from "@/components/wallet/use-wallet-tx";
import { identityRegistryAbi } from "@/lib/chain/abis";
import { recordPlatformStopAction } from "./platform-stop-actions";

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
  const router = useRouter();
  const uid = useId();
  const { address, wrongWallet, askToConnect, connect } = useSignerWallet(admin);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [refused, setRefused] = useState<{ at: number; message: string } | null>(null);
  // What the last confirmed transaction did (the page's `stopped` flips with the refresh that follows it).
  const [done, setDone] = useState<boolean | null>(null);
  const tx = useWalletTx({ rejected: t("rejectedInWallet"), reverted: t("errors.tx_failed") });
  const { step, busy } = tx;
  const stop = !stopped;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    // The reason is checked before the wallet opens (and again on the server).
    if (reason.trim().length < 5) return setRefused({ at: Date.now(), message: t("reasonRequired") });
    setRefused(null);
    if (!address) return askToConnect();
    setDone(null);
    const hash = await tx.execute(
      {
        address: registry,
        abi: identityRegistryAbi,
        functionName: stop ? "stopPlatform" : "resumePlatform",
        account: address,
      },
      async (txHash) => {
        if (!txHash) return t("errors.tx_failed");
        const r = await recordPlatformStopAction({ stop, reason: reason.trim(), txHash });
        return r.ok ? null : r.message;
      },
    );
    if (hash === false) return;
    setDone(stop);
    setOpen(false);
    setReason("");
    router.refresh();
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
        view={{
          done:
            step.kind === "confirmed" && done !== null ? { title: done ? t("doneStopped") : t("doneResumed") } : null,
        }}
      />
      <div>
        <Dialog
          open={open}
          onOpenChange={setOpen}
          locked={busy}
          trigger={
            <Button variant={stop ? "danger" : "primary"} onClick={() => tx.setStep({ kind: "idle" })}>
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
            <ReasonField
              id={`${uid}-reason`}
              label={t("reasonLabel")}
              hint={t("reasonHint")}
              error={refused?.message}
              value={reason}
              onChange={setReason}
            />
            <TxStatus
              step={step.kind}
              testIdOn="region"
              view={{
                busy: step.kind in progress ? { text: progress[step.kind as keyof typeof progress] } : null,
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
        <ConnectDialog {...connect} />
      </div>
    </section>
  );
}
