"use client";

import { useTranslations } from "next-intl";
import type { Address } from "viem";
import { useConfig } from "wagmi";
import { useChainErrorText } from "@/components/wallet/use-chain-error";
import { useSettleTx } from "@/components/wallet/use-settle-tx";
import { TxRefused, useWalletTx } from "@/components/wallet/use-wallet-tx";
import { CLAIM_OK, claimRefusedCode, claimState } from "@/lib/distributions/client";
import type { ClaimRow } from "@/lib/portfolio/client";
import { recordDistributionClaimAction } from "./distribution-actions";
import { loadClaimChain } from "./load-claim-chain";

/**
 * Claims one entitlement (`claim`) or several at once (`claimMany`, one signature) with the signed-in wallet: the
 * chain's `claimCode` is read for each just before signing (a refusal is said in words, nothing is sent), then the
 * wallet signs, the server verifies and audits the transaction, and the page refreshes (the rows move to the
 * payments received).
 */
export function useDistributionClaim({ distributor, account }: { distributor: Address; account: Address }) {
  const config = useConfig();
  const settle = useSettleTx();
  const t = useTranslations("portfolio.distributions");
  const chainErrorText = useChainErrorText();
  const reasonText = (code: number) => {
    const s = claimState(code);
    if (s.state === "claimable") return chainErrorText(null);
    if (s.state === "claimed") return t("reasons.alreadyClaimed");
    return s.state === "waiting" ? `${t(`reasons.${s.reason}`)} ${t("reserved")}` : t(`reasons.${s.reason}`);
  };
  const tx = useWalletTx({
    describe: (error) => {
      const code = claimRefusedCode(error);
      return code === null ? chainErrorText(error) : reasonText(code);
    },
  });

  async function claim(rows: readonly ClaimRow[]) {
    if (rows.length === 0) return false;
    return tx.run(
      async ({ send }) => {
        const chain = await loadClaimChain();
        const codes = await chain.readClaimCodes(config, distributor, account, rows);
        const refused = codes.find((c) => Number(c) !== CLAIM_OK);
        if (refused !== undefined) throw new TxRefused(reasonText(Number(refused)));
        return send(chain.claimCall(distributor, account, rows) as Parameters<typeof send>[0]);
      },
      async (hash) => {
        if (!hash) return null;
        const recorded = await recordDistributionClaimAction({ txHash: hash });
        await settle(hash);
        return recorded.ok ? null : recorded.message;
      },
    );
  }

  return { step: tx.step, busy: tx.busy, claim };
}
