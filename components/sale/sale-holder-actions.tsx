"use client";

import { useLocale, useTranslations } from "next-intl";
import type { Address, Hex } from "viem";
import { useConfig } from "wagmi";
import { TxStatus } from "@/components/issuer/tx-status";
import { Button } from "@/components/ui/button";
import { useChainErrorText } from "@/components/wallet/use-chain-error";
import { useSettleTx } from "@/components/wallet/use-settle-tx";
import { TxRefused, useWalletTx } from "@/components/wallet/use-wallet-tx";
import { SignerAlert } from "@/components/issuer/signer-alert";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { shortAddress } from "@/lib/format/address";
import { formatCount, formatMoney } from "@/lib/format/money";
import { SALE_OK, saleReason, saleRefusedCode, type VoteChoice } from "@/lib/sale/client";
import { recordSaleStepAction } from "./actions";
import { loadSaleChain, type SaleChain } from "./load-sale-chain";

/** The sale contract with its ABI, once loaded. */
type Contract = { address: Address; abi: SaleChain["artworkSaleAbi"] };

export type HolderSaleView = {
  leaf: { index: number; holder: Address; weight: string; proof: `0x${string}`[]; recovered: boolean } | null;
  vote: VoteChoice;
  voteCode: number | null;
  redeem: { code: number; shares: string; payout: string };
};

/**
 * What the signed-in wallet can do in a sale: vote for or against (changeable until the close), finalize once the vote
 * has closed (anyone), redeem after an approval (the payout shown before signing). The contract's code is read just
 * before each signature; a refusal is said in words and nothing is sent.
 */
export function SaleHolderActions({
  saleContract,
  saleId,
  account,
  status,
  closed,
  decimals,
  mine,
}: {
  saleContract: Address;
  saleId: string;
  account: Address;
  status: "voting" | "approved" | "rejected";
  closed: boolean;
  decimals: number;
  mine: HolderSaleView;
}) {
  const t = useTranslations("sale.holder");
  const tr = useTranslations("sale.reasons");
  const locale = useLocale();
  const config = useConfig();
  const settle = useSettleTx();
  const chainErrorText = useChainErrorText();
  const { isConnected, address } = useWalletConnection();
  const reasonText = (code: number) => {
    const r = saleReason(code);
    return r === null ? chainErrorText(null) : r === "unknown" ? tr("unknown", { code }) : tr(r);
  };
  const tx = useWalletTx<"vote" | "finalize" | "redeem">({
    describe: (error) => {
      const code = saleRefusedCode(error);
      return code === null ? chainErrorText(error) : reasonText(code);
    },
  });
  const id = BigInt(saleId);
  const canSign = isConnected && address?.toLowerCase() === account.toLowerCase();

  type Send = Parameters<Parameters<typeof tx.run>[0]>[0]["send"];
  // The ABI and the reads load on the first press, not with the page.
  const run = (
    step: "vote" | "finalize" | "redeem",
    body: (send: Send, chain: SaleChain, c: Contract) => Promise<Hex>,
  ) =>
    tx.run(
      async ({ send }) => {
        const chain = await loadSaleChain();
        return body(send, chain, { address: saleContract, abi: chain.artworkSaleAbi });
      },
      async (hash) => {
        if (!hash) return null;
        const recorded = await recordSaleStepAction({ step, txHash: hash });
        await settle(hash);
        return recorded.ok ? null : recorded.message;
      },
    );

  const vote = (support: boolean) =>
    run("vote", async (send, chain, contract) => {
      const leaf = mine.leaf!;
      const args = [id, BigInt(leaf.index), leaf.holder, BigInt(leaf.weight), leaf.proof] as const;
      const voter = [args[0], args[1], args[2], account, args[3], args[4]] as const;
      const code = await chain.readVoteCode(config, saleContract, voter);
      if (Number(code) !== SALE_OK) throw new TxRefused(reasonText(Number(code)));
      return send(
        { ...contract, functionName: "vote", args: [...args.slice(0, 4), support, leaf.proof] as never, account },
        { phase: "vote" },
      );
    });

  const finalize = () =>
    run("finalize", (send, _chain, contract) =>
      send({ ...contract, functionName: "finalize", args: [id], account }, { phase: "finalize" }),
    );

  const redeem = () =>
    run("redeem", async (send, chain, contract) => {
      const code = await chain.readRedeemCode(config, saleContract, id, account);
      if (Number(code) !== SALE_OK) throw new TxRefused(reasonText(Number(code)));
      return send({ ...contract, functionName: "redeem", args: [id], account }, { phase: "redeem" });
    });

  const payout = formatMoney(BigInt(mine.redeem.payout), decimals, locale);
  const shares = formatCount(BigInt(mine.redeem.shares), locale);
  const refused = (code: number | null) =>
    code !== null && code !== SALE_OK ? (
      <p className="text-sm" data-testid="sale-refusal" data-reason={saleReason(code) ?? ""}>
        {reasonText(code)}
      </p>
    ) : null;

  return (
    <div className="flex flex-col gap-3 border-t border-line pt-4" data-testid="sale-actions">
      {/* The order form (with its own connect button) is gone once trading ended: the holder connects here. */}
      <HolderSignerAlert account={account} />
      {status === "voting" && !closed ? (
        mine.leaf ? (
          <>
            <p className="text-sm" data-testid="sale-my-vote" data-vote={mine.vote}>
              {t(`myVote.${mine.vote}`, { shares: formatCount(BigInt(mine.leaf.weight), locale) })}
            </p>
            {mine.leaf.recovered ? (
              <p className="text-sm text-ink-muted" data-testid="sale-recovered-leaf">
                {t("recoveredLeaf", { wallet: shortAddress(mine.leaf.holder) })}
              </p>
            ) : null}
            {refused(mine.voteCode)}
            <div className="flex flex-wrap gap-2">
              <Button onClick={() => vote(true)} disabled={!canSign || mine.vote === "for"} loading={tx.busy}>
                {t("voteFor")}
              </Button>
              <Button
                variant="secondary"
                onClick={() => vote(false)}
                disabled={!canSign || mine.vote === "against"}
                loading={tx.busy}
              >
                {t("voteAgainst")}
              </Button>
            </div>
          </>
        ) : (
          <p className="text-sm text-ink-muted">{tr("notHolder")}</p>
        )
      ) : null}
      {status === "voting" && closed ? (
        <div className="flex flex-col items-start gap-2">
          <p className="text-sm">{t("finalizeIntro")}</p>
          <Button onClick={finalize} disabled={!canSign} loading={tx.busy}>
            {t("finalize")}
          </Button>
        </div>
      ) : null}
      {status === "approved" ? (
        mine.redeem.code === SALE_OK ? (
          <div className="flex flex-col items-start gap-2">
            <p className="text-sm" data-testid="sale-redeem-amount">
              {t("redeemIntro", { shares, payout })}
            </p>
            <Button onClick={redeem} disabled={!canSign} loading={tx.busy}>
              {t("redeem", { payout })}
            </Button>
          </div>
        ) : (
          refused(mine.redeem.code)
        )
      ) : null}
      <TxStatus step={tx.step} confirmed={t("done")} testId="sale-tx-status" />
    </div>
  );
}

/** The wallet to connect (or switch to) before voting or redeeming: the one the investor signed in with. */
function HolderSignerAlert({ account }: { account: Address }) {
  const t = useTranslations("sale.holder");
  return (
    <SignerAlert
      signer={account}
      connectTitle={t("connect")}
      connectLabel={t("connectButton")}
      wrongTitle={t("wrongWallet")}
    />
  );
}
