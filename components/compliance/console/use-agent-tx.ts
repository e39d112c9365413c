"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Abi, Address, Hex } from "viem";
import { useConfig } from "wagmi";
import { simulateContract, waitForTransactionReceipt, writeContract } from "wagmi/actions";
import { useChainErrorText } from "@/components/wallet/use-chain-error";
import { isUserRejection } from "@/components/wallet/wallet-errors";
import { describeChainError } from "@/lib/chain/errors";
import { transferReasonKeys } from "@/lib/trade/reasons";
import { recordAgentActionAction } from "./actions";

export type AgentStep =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "signing" }
  | { kind: "pending"; hash: Hex }
  | { kind: "recording"; hash: Hex }
  | { kind: "done"; hash: Hex }
  | { kind: "failed"; message: string; hash?: Hex };

export type AgentCall = {
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
  account: Address;
};

const KNOWN = [
  "ShareFreezeExceedsBalance",
  "ShareUnfreezeExceedsFrozen",
  "ShareRecoveryInvestorMismatch",
  "ShareRecoveryWalletNotVerified",
  "ShareInvalidWallet",
  "SharePausedState",
  "AccessControlUnauthorizedAccount",
  "ERC20InsufficientBalance",
  "IdentityRegistryInvalidCountry",
  "IdentityRegistryInvalidCategory",
  "IdentityRegistryUnknownInvestor",
  "IdentityRegistryWalletAlreadyLinked",
  "IdentityRegistryWalletNotLinked",
  "IdentityRegistryInvestorHasWallets",
  "DeskSecondAgentRequired",
  "DeskProposalExpired",
  "DeskProposalNotPending",
  "DeskArgumentsMismatch",
  "DeskNotAgent",
] as const;

/**
 * One agent transaction from the officer's own wallet: simulate (a refusal is decoded into words before the wallet
 * opens), sign, wait for the receipt, then have the server verify it and write the audit entry with the reason.
 */
export function useAgentTx() {
  const config = useConfig();
  const t = useTranslations("complianceConsole");
  const chainErrorText = useChainErrorText();
  const [step, setStep] = useState<AgentStep>({ kind: "idle" });

  function describe(error: unknown): string {
    if (isUserRejection(error)) return t("actions.step.rejected");
    const d = describeChainError(error);
    if (d.errorName === "ShareTransferRefused") {
      const key = transferReasonKeys[Number(d.args[0])];
      return t("chainErrors.transfer", { reason: key ? t(`transferReasons.${key}` as never) : String(d.args[0]) });
    }
    if (d.errorName && (KNOWN as readonly string[]).includes(d.errorName)) {
      const [, balance, third] = d.args as readonly unknown[];
      return t(`chainErrors.${d.errorName as (typeof KNOWN)[number]}`, {
        balance: Number(balance ?? 0),
        frozen: Number(balance ?? 0),
        amount: Number(third ?? 0),
      });
    }
    return t("chainErrors.unknown", { message: chainErrorText(error) });
  }

  async function run(call: AgentCall, reason: string): Promise<boolean> {
    let hash: Hex | undefined;
    try {
      setStep({ kind: "checking" });
      const { request } = await simulateContract(config, call as Parameters<typeof simulateContract>[1]);
      setStep({ kind: "signing" });
      hash = await writeContract(config, request as Parameters<typeof writeContract>[1]);
      setStep({ kind: "pending", hash });
      const receipt = await waitForTransactionReceipt(config, { hash });
      if (receipt.status !== "success") throw new Error("reverted");
    } catch (error) {
      setStep({ kind: "failed", message: describe(error), ...(hash ? { hash } : {}) });
      return false;
    }
    setStep({ kind: "recording", hash });
    const result = await recordAgentActionAction({ txHash: hash, reason });
    if (!result.ok) {
      setStep({ kind: "failed", hash, message: t("actions.step.auditFailed", { message: result.message }) });
      return false;
    }
    setStep({ kind: "done", hash });
    return true;
  }

  const busy =
    step.kind === "checking" || step.kind === "signing" || step.kind === "pending" || step.kind === "recording";
  return { step, setStep, run, busy };
}
