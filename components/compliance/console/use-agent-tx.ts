"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { Abi, Address, Hex } from "viem";
import { useChainErrorText } from "@/components/wallet/use-chain-error";
import { useWalletTx, type WalletCall, type WalletTxStep } from "@/components/wallet/use-wallet-tx";
import { isUserRejection } from "@/components/wallet/wallet-errors";
import { describeChainError } from "@/lib/chain/errors";
import { transferReasonKeys } from "@/lib/trade/client";
import { recordAgentActionAction } from "./actions";
import { type AgentChain, loadAgentChain } from "./load-agent-chain";

export type AgentStep = WalletTxStep;

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
 * One agent transaction from the officer's own wallet (the shared `useWalletTx`): simulate (a refusal is decoded
 * into words before the wallet opens), sign, wait for the receipt, then have the server verify it and write the
 * audit entry with the reason (trimmed); once recorded the page refreshes. `run` builds the call with the agent
 * ABIs and encoder, fetched when the officer first signs.
 */
export function useAgentTx() {
  const router = useRouter();
  const tStep = useTranslations("complianceConsole.actions.step");
  const tError = useTranslations("complianceConsole.chainErrors");
  const tReason = useTranslations("complianceConsole.transferReasons");
  const chainErrorText = useChainErrorText();

  function describe(error: unknown): string {
    if (isUserRejection(error)) return tStep("rejected");
    const d = describeChainError(error);
    if (d.errorName === "ShareTransferRefused") {
      const key = transferReasonKeys[Number(d.args[0])];
      return tError("transfer", { reason: key ? tReason(key as never) : String(d.args[0]) });
    }
    if (d.errorName && (KNOWN as readonly string[]).includes(d.errorName)) {
      const [, balance, third] = d.args as readonly unknown[];
      return tError(d.errorName as (typeof KNOWN)[number], {
        balance: Number(balance ?? 0),
        frozen: Number(balance ?? 0),
        amount: Number(third ?? 0),
      });
    }
    return tError("unknown", { message: chainErrorText(error) });
  }

  const tx = useWalletTx({ describe });

  async function run(call: (chain: AgentChain) => AgentCall, reason: string): Promise<boolean> {
    const audited = reason.trim();
    const settled = await tx.execute(call(await loadAgentChain()) as WalletCall, async (hash) => {
      const result = await recordAgentActionAction({ txHash: hash as Hex, reason: audited });
      return result.ok ? null : tStep("auditFailed", { message: result.message });
    });
    if (settled === false) return false;
    router.refresh();
    return true;
  }

  return { step: tx.step, setStep: tx.setStep, run, busy: tx.busy };
}
