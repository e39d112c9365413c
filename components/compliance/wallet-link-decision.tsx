"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useState } from "react";
import type { Hex } from "viem";
import { ErrorSummary, errorItems } from "@/components/ui/error-summary";
import { Button, SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TextArea } from "@/components/ui/input";
import { TxStatus } from "@/components/wallet/tx-status";
import { TxRefused } from "@/components/wallet/use-wallet-tx";
import { identityRegistryAbi } from "@/lib/chain/abis";
import type { LinkCall } from "@/lib/kyc/client";
import { DecisionButtons, useRegistryDecision } from "./registry-decision";
import { registryTxProgress } from "./registry-tx-progress";
import { beginWalletLinkAction, confirmWalletLinkAction, rejectWalletLinkAction } from "./wallet-link-actions";

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
  const router = useRouter();
  const uid = useId();
  const decision = useRegistryDecision("walletLinks.review", officer);
  const { tx, address } = decision;
  const { step, busy } = tx;
  const [proposed, setProposed] = useState(false);
  const [call, setCall] = useState<LinkCall>("linkWallet");
  const [rejectOpen, setRejectOpen] = useState(false);

  /** The server verifies the receipt (or, with no hash, the registry) and records the link; a refusal in words. */
  async function confirm(hash: Hex | null): Promise<string | null> {
    const r = await confirmWalletLinkAction({ id, txHash: hash });
    if (!r.ok) return r.message;
    setProposed(r.proposed === true);
    return null;
  }

  async function approve() {
    const settled = await tx.run(async ({ send }) => {
      const begun = await beginWalletLinkAction({ id });
      if (!begun.ok) throw new TxRefused(begun.message);
      // An interrupted approval: the registry already holds the link — verify it, do not send it again.
      if (begun.plan.alreadyLinked) return null;
      if (!address) throw new TxRefused(t("connectBody"));
      // Said before the wallet opens: a proposal (first of two officers) or a confirmation reads differently.
      setCall(begun.plan.call);
      return send({
        address: begun.plan.registry,
        abi: identityRegistryAbi,
        functionName: begun.plan.call,
        args: [begun.plan.wallet, begun.plan.investorId],
        account: address,
      });
    }, confirm);
    if (settled !== false) router.refresh();
  }

  const progress = registryTxProgress(t);
  const hash = "hash" in step ? (step.hash ?? null) : null;

  if (step.kind === "confirmed") {
    return (
      <TxStatus
        step="confirmed"
        testId="link-decision"
        testIdOn="region"
        view={{
          done: {
            title: proposed ? t("proposed") : t("state.confirmed"),
            body: hash ? undefined : t("state.resumed"),
            hash,
          },
        }}
      />
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
      <DecisionButtons officer={officer} decision={decision} approveLabel={t("approve")} onApprove={approve}>
        <Button
          variant="ghost"
          onClick={() => setRejectOpen((o) => !o)}
          aria-expanded={rejectOpen}
          aria-controls={`${uid}-reject`}
          disabled={busy}
        >
          {t("reject")}
        </Button>
      </DecisionButtons>
      <TxStatus
        step={step.kind}
        view={
          busy
            ? { busy: { text: progress[step.kind as keyof typeof progress], hash } }
            : step.kind === "failed"
              ? { failed: { title: t("state.failed"), body: <p>{step.message}</p>, focusKey: step } }
              : {}
        }
      />
      {rejectOpen ? <WalletLinkRejectForm id={id} formId={`${uid}-reject`} /> : null}
    </div>
  );
}

/** The officer's refusal, with the reason the investor will read. */
function WalletLinkRejectForm({ id, formId }: { id: string; formId: string }) {
  const t = useTranslations("walletLinks.review");
  const router = useRouter();
  const uid = useId();
  const [rejectState, rejectAction, rejecting] = useActionState(rejectWalletLinkAction, null);
  useEffect(() => {
    if (rejectState?.ok) router.refresh();
  }, [rejectState, router]);
  return (
    <form id={formId} action={rejectAction} className="flex flex-col gap-3 rounded-xl border border-line p-3">
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
        error={rejectState && !rejectState.ok ? (rejectState.fieldErrors?.reason ?? rejectState.message) : undefined}
      >
        {(p) => <TextArea {...p} name="reason" rows={3} maxLength={500} />}
      </Field>
      <SubmitButton variant="danger" loading={rejecting}>
        {t("rejectSubmit")}
      </SubmitButton>
    </form>
  );
}
