"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { type Address, type Hex, zeroAddress } from "viem";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { RevertedTxError, TxRefused, useWalletTx } from "@/components/wallet/use-wallet-tx";
import { useChainErrorText } from "@/components/wallet/use-chain-error";
import { isUserRejection } from "@/components/wallet/wallet-errors";
import { identityRegistryAbi } from "@/lib/chain/abis";
import type { RegistrationPlan } from "@/lib/kyc/client";
import {
  beginApprovalAction,
  beginPreApprovalAction,
  confirmApprovalAction,
  preApproveAction,
  rejectAction,
  requestInformationAction,
} from "./kyc-actions";
import { ApprovalActions, ApprovalIntro, ApprovalStatus } from "./kyc-decision-parts";
import { DecisionSection, MessageSteps } from "./message-steps";

/** What the officer's wallet sends to the identity registry at this step (said before signing). */
export type RegistryCall = RegistrationPlan["functionName"];

export type DecisionProps = {
  applicationId: string;
  /** Whether this officer may sign the approval now, and if not, why (an i18n key under kyc.errors). */
  canApprove: boolean;
  approveBlockedReason: string | null;
  canPreApprove: boolean;
  /**
   * What the application still lacks (documents, unticked checks), in words; while set, neither approval nor
   * pre-approval is offered (the server refuses them too).
   */
  reviewMissing: string[] | null;
  /** Four eyes: professional or institutional, or a change to or from those against the registry. */
  fourEyes: boolean;
  preApprovedBy: string | null;
  /** The transaction this officer's next step sends, named as the contract names it. */
  call: RegistryCall;
  summary: { wallet: string; country: string; category: string; months: number };
  officer: string;
};

/** The planned registry call's function and arguments, as the registry names them. */
function registryCall(plan: RegistrationPlan) {
  const wallet = plan.wallet as Address;
  const expiry = BigInt(plan.expiry);
  switch (plan.functionName) {
    case "registerInvestor":
    case "proposeRegistration":
      return {
        functionName: plan.functionName,
        args: [wallet, plan.investorId, plan.country, plan.categoryCode, expiry],
      } as const;
    case "updateInvestor":
    case "proposeUpdate":
      return {
        functionName: plan.functionName,
        args: [plan.investorId, plan.country, plan.categoryCode, expiry],
      } as const;
    case "confirmProposal":
      return {
        functionName: "confirmProposal",
        args: [plan.investorId, plan.registers ? wallet : zeroAddress, plan.country, plan.categoryCode, expiry],
      } as const;
  }
}

/**
 * The officer's decision: approve (their own wallet sends the registry transaction: plan → simulate → sign →
 * pending → the server verifies on chain); with four eyes the first officer's pre-approval proposes the record on the
 * registry the same way and the second officer's approval confirms it; reject with a reason; request information.
 */
export function KycDecision(props: DecisionProps) {
  const t = useTranslations("complianceKyc.decision");
  const te = useTranslations("kyc.errors");
  const router = useRouter();
  const chainErrorText = useChainErrorText();
  const { address, isConnected, status: connection } = useWalletConnection();
  const tx = useWalletTx({
    describe: (error) => {
      if (isUserRejection(error)) return t("rejectedInWallet");
      if (error instanceof RevertedTxError) return te("tx_failed");
      console.error("[compliance/kyc] registry step failed:", error);
      return t("chainError", { detail: chainErrorText(error) });
    },
  });
  const step = tx.step;
  const [flow, setFlow] = useState<"approve" | "preApprove">("approve");
  const wrongWallet = isConnected && address?.toLowerCase() !== props.officer.toLowerCase();

  /** The server verifies the transaction (or, with none, the registry) and records the step; a refusal in words. */
  async function confirm(hash: Hex | null, which: "approve" | "preApprove"): Promise<string | null> {
    const res =
      which === "approve"
        ? await confirmApprovalAction({ id: props.applicationId, txHash: hash })
        : await preApproveAction({ id: props.applicationId, txHash: hash });
    return res.ok ? null : res.message;
  }

  async function run(which: "approve" | "preApprove") {
    setFlow(which);
    const settled = await tx.run(
      async ({ send }) => {
        const begun =
          which === "approve"
            ? await beginApprovalAction({ id: props.applicationId })
            : await beginPreApprovalAction({ id: props.applicationId });
        if (!begun.ok) throw new TxRefused(begun.message);
        const { plan } = begun;
        // An interrupted step: the registry already holds it — verify, do not send twice.
        if (plan.alreadyRegistered || (which === "preApprove" && plan.alreadyProposed)) return null;
        if (!address) throw new TxRefused(t("connectBody"));
        const registry = { address: plan.registry as Address, abi: identityRegistryAbi, account: address } as const;
        // An earlier proposal for this investor is still pending: withdraw it first (said on the page).
        if (plan.cancelPending) await send({ ...registry, functionName: "cancelProposal", args: [plan.investorId] });
        return send({ ...registry, ...registryCall(plan) });
      },
      (hash) => confirm(hash, which),
    );
    if (settled !== false) router.refresh();
  }

  const busy = tx.busy;
  const { fourEyes, preApprovedBy, call, summary, reviewMissing } = props;
  const { canApprove, canPreApprove, approveBlockedReason } = props;

  return (
    <div className="flex flex-col gap-6">
      <DecisionSection id="approve-title" title={t("approveTitle")}>
        <ApprovalIntro {...{ fourEyes, preApprovedBy, call, summary, reviewMissing, wrongWallet }} />
        <ApprovalActions
          {...{ reviewMissing, canApprove, canPreApprove, approveBlockedReason, preApprovedBy, isConnected }}
          connecting={connection === "connecting" || connection === "reconnecting"}
          disabled={busy || wrongWallet || step.kind === "confirmed"}
          busy={busy}
          onRun={run}
        />
        <ApprovalStatus step={step} flow={flow} />
      </DecisionSection>

      <MessageSteps
        applicationId={props.applicationId}
        t={t}
        request={{ name: "info", field: "info-message", action: requestInformationAction }}
        reject={{ name: "reject", field: "reject-reason", action: rejectAction }}
      />
    </div>
  );
}
