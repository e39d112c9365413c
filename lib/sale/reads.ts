/**
 * Reads of a token's sale for the pages: the indexer's projection (terms, running tally, outcome, redemptions) with the
 * server's record of it (offer document, weights document), and a wallet's place in it (its leaf and proof, its vote,
 * and what the contract answers now: `voteCode`, `redeemCode`). Plain module.
 */
import { desc, eq } from "drizzle-orm";
import { type Address, getAddress, type Hex, type PublicClient } from "viem";
import { artworkSaleAbi } from "@/lib/chain/abis";
import type { Deployments } from "@/lib/chain/deployments";
import type { Database } from "@/lib/db/connect";
import { firstRowWhere } from "@/lib/db/rows";
import { saleStates, type SaleStateRow } from "@/lib/db/schema";
import { recoveredToWallet } from "@/lib/distributions";
import { tallyOutcome, voteChoice, type VoteChoice } from "./codes";
import { getSaleByOnChainId, getVoteProof, type VoteProof } from "./store";

export type TokenSale = {
  onChainId: string;
  serverId: string | null;
  saleContract: Address;
  token: Address;
  buyer: Address;
  price: string;
  supply: string;
  recordBlock: string;
  votingEnds: string;
  quorumBps: number;
  approvalBps: number;
  forVotes: string;
  againstVotes: string;
  voters: number;
  leafCount: number;
  quorumReached: boolean;
  approvalReached: boolean;
  status: SaleStateRow["status"];
  supplyAtClose: string | null;
  refunded: string | null;
  redeemedShares: string;
  redeemedAmount: string;
  redemptions: number;
  offerHash: string;
  offerName: string | null;
  treeHash: string;
  offerURI: string;
};

/** The token's latest sale on-chain as the indexer projected it (null: none was ever opened). */
export async function loadTokenSale(db: Database, token: Address): Promise<TokenSale | null> {
  const s = await firstRowWhere(db, saleStates, eq(saleStates.token, token.toLowerCase()), desc(saleStates.openedAt));
  if (!s) return null;
  const server = await getSaleByOnChainId(db, {
    saleContract: s.saleContract as Address,
    onChainId: BigInt(s.onChainId),
  });
  const outcome = tallyOutcome({
    forVotes: BigInt(s.forVotes),
    againstVotes: BigInt(s.againstVotes),
    supply: BigInt(s.supply),
    quorumBps: s.quorumBps,
    approvalBps: s.approvalBps,
  });
  return {
    onChainId: s.onChainId,
    serverId: server?.id ?? null,
    saleContract: getAddress(s.saleContract),
    token: getAddress(s.token),
    buyer: getAddress(s.buyer),
    price: s.price,
    supply: s.supply,
    recordBlock: s.recordBlock.toString(),
    votingEnds: s.votingEnds.toISOString(),
    quorumBps: s.quorumBps,
    approvalBps: s.approvalBps,
    forVotes: s.forVotes,
    againstVotes: s.againstVotes,
    voters: s.voters,
    leafCount: s.leafCount,
    quorumReached: outcome.quorumReached,
    approvalReached: outcome.approvalReached,
    status: s.status,
    supplyAtClose: s.supplyAtClose,
    refunded: s.refunded,
    redeemedShares: s.redeemedShares,
    redeemedAmount: s.redeemedAmount,
    redemptions: s.redemptions,
    offerHash: s.offerHash,
    offerName: server?.offerName ?? null,
    treeHash: s.treeHash,
    offerURI: s.offerURI,
  };
}

export type HolderSale = {
  onChainId: string;
  /**
   * The wallet's leaf (null: it held no shares at the record block, so it has no vote); `recovered`: the leaf is a
   * wallet's that compliance recovered to this one after the record block (the contract lets this one cast its vote).
   */
  leaf: { index: number; holder: Address; weight: string; proof: Hex[]; recovered: boolean } | null;
  vote: VoteChoice;
  /** `voteCode` now (0: the vote counts); null without a leaf. */
  voteCode: number | null;
  /** `redeemCode` now with the shares it would burn and the payout. */
  redeem: { code: number; shares: string; payout: string };
};

/**
 * The leaf `wallet` votes with: its own, else that of a wallet compliance recovered to it on this token (directly or
 * through several recoveries, from the indexer's `WalletRecovered` events) — the contract follows `recoveredTo`.
 */
async function voteLeafOf(
  db: Database,
  { serverId, token, wallet }: { serverId: string; token: Address; wallet: Address },
): Promise<(VoteProof & { recovered: boolean }) | null> {
  const own = await getVoteProof(db, serverId, wallet);
  if (own) return { ...own, recovered: false };
  for (const lost of (await recoveredToWallet(db, wallet)).get(token.toLowerCase()) ?? []) {
    const theirs = await getVoteProof(db, serverId, lost as Address);
    if (theirs) return { ...theirs, recovered: true };
  }
  return null;
}

/** A wallet's place in a sale, with the contract's answers now (read before the wallet is asked to sign). */
export async function holderSale(
  db: Database,
  a: {
    client: PublicClient;
    deployments: Deployments;
    sale: Pick<TokenSale, "onChainId" | "serverId" | "saleContract" | "token">;
    wallet: Address;
  },
): Promise<HolderSale> {
  const saleId = BigInt(a.sale.onChainId);
  const proof = a.sale.serverId
    ? await voteLeafOf(db, { serverId: a.sale.serverId, token: a.sale.token, wallet: a.wallet })
    : null;
  const contract = { address: a.sale.saleContract, abi: artworkSaleAbi } as const;
  const [vote, code, redeem] = await Promise.all([
    proof ? a.client.readContract({ ...contract, functionName: "voteOf", args: [saleId, BigInt(proof.index)] }) : 0,
    proof
      ? a.client.readContract({
          ...contract,
          functionName: "voteCode",
          args: [saleId, BigInt(proof.index), proof.holder, a.wallet, proof.weight, proof.proof],
        })
      : null,
    a.client.readContract({ ...contract, functionName: "redeemCode", args: [saleId, a.wallet] }),
  ]);
  return {
    onChainId: a.sale.onChainId,
    leaf: proof
      ? {
          index: proof.index,
          holder: proof.holder,
          weight: proof.weight.toString(),
          proof: proof.proof,
          recovered: proof.recovered,
        }
      : null,
    vote: voteChoice(Number(vote)),
    voteCode: code === null ? null : Number(code),
    redeem: { code: Number(redeem[0]), shares: redeem[1].toString(), payout: redeem[2].toString() },
  };
}
