"use client";

import { useLocale, useTranslations } from "next-intl";
import { exposureLines } from "@/components/account/exposure";
import { Alert } from "@/components/ui/alert";
import { TxStatus } from "@/components/wallet/tx-status";
import { TxRefused } from "@/components/wallet/use-wallet-tx";
import { identityRegistryAbi } from "@/lib/chain/abis";
import type { WalletExposure } from "@/lib/kyc/client";
import { DecisionButtons, useRegistryDecision } from "./registry-decision";
import { registryTxProgress } from "./registry-tx-progress";
import { beginUnlinkAction, confirmUnlinkAction } from "./wallet-link-actions";

/** The server refused to plan the unlink: its words, and what the wallet still holds. */
class UnlinkRefused extends TxRefused {
  constructor(
    message: string,
    readonly lines?: string[],
  ) {
    super(message);
  }
}

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
  const decision = useRegistryDecision("walletLinks.unlinkReview", officer);
  const { tx, address } = decision;
  const { step, busy } = tx;
  const lines = exposureLines(te, exposure, locale);

  async function approve() {
    await tx.run(
      async ({ send }) => {
        const begun = await beginUnlinkAction({ id });
        if (!begun.ok)
          throw new UnlinkRefused(
            begun.message,
            begun.exposure ? exposureLines(te, begun.exposure, locale) : undefined,
          );
        if (!address) throw new TxRefused(tr("connectBody"));
        return send({
          address: begun.plan.registry,
          abi: identityRegistryAbi,
          functionName: "unlinkWallet",
          args: [begun.plan.wallet],
          account: address,
        });
      },
      // No refresh afterwards: the queue would drop this request at once and the confirmation with it. The row now
      // says what happened (with its transaction); the queue is read again on the next visit.
      async (hash) => {
        if (!hash) return t("reverted");
        const r = await confirmUnlinkAction({ id, txHash: hash });
        return r.ok ? null : r.message;
      },
    );
  }

  if (step.kind === "confirmed") return <UnlinkDone hash={step.hash} />;

  const progress = registryTxProgress(t);
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
      <DecisionButtons officer={officer} decision={decision} approveLabel={t("approve")} danger onApprove={approve} />
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
                      {step.error instanceof UnlinkRefused && step.error.lines?.length ? (
                        <ul className="mt-2 list-disc pl-5">
                          {step.error.lines.map((l) => (
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
