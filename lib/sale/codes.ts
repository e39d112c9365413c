/**
 * The sale contract's reason codes (`ArtworkSale.SALE_*`, returned by `voteCode` / `redeemCode` and carried by
 * `VoteRefused` / `RedeemRefused`) as the portal's reason keys (`sale.reasons.<key>`), read BEFORE the wallet is asked
 * to sign; and the share token's transfer code 15 (trading ended after an approved sale). Pure module (client and
 * server).
 */
import { refusalCode } from "@/lib/chain/error-names";

export const SALE_OK = 0;

export const SALE_REASONS = {
  64: "voteClosed",
  65: "notHolder",
  66: "walletRecovered",
  67: "notVoter",
  68: "tradingStopped",
  69: "frozen",
  70: "notVerified",
  71: "notApproved",
  72: "nothingToRedeem",
} as const;

export type SaleReason = (typeof SALE_REASONS)[keyof typeof SALE_REASONS] | "unknown";

/** The share token's refusal of any transfer once the holders approved a sale (`TRANSFER_TRADING_ENDED`). */
export const TRANSFER_TRADING_ENDED = 15;

/** The reason key of a sale code (null for 0: the vote counts / the redemption is payable). */
export function saleReason(code: number): SaleReason | null {
  if (code === SALE_OK) return null;
  return SALE_REASONS[code as keyof typeof SALE_REASONS] ?? "unknown";
}

/** Reasons that only wait: a redemption's money stays reserved for the wallet until it may redeem. */
const WAITING = new Set<SaleReason>(["tradingStopped", "frozen", "notVerified"]);
export const saleReasonWaits = (reason: SaleReason): boolean => WAITING.has(reason);

/** The reason code of a `VoteRefused` / `RedeemRefused` revert (simulation or receipt), or null when it is not one. */
export const saleRefusedCode = (error: unknown): number | null =>
  refusalCode(error, ["VoteRefused", "RedeemRefused"], 2);

/** Basis points as a percentage for display (5000 → 50). */
export const bpsPercent = (bps: number): number => bps / 100;

/** Votes on a leaf as `voteOf` answers them. */
export const VOTE_CHOICES = { 0: "none", 1: "for", 2: "against" } as const;
export type VoteChoice = (typeof VOTE_CHOICES)[keyof typeof VOTE_CHOICES];
export const voteChoice = (n: number): VoteChoice => VOTE_CHOICES[n as 0 | 1 | 2] ?? "none";

/**
 * Whether the tally, as it stands, reaches the quorum (turnout against the supply at the record block) and the approval
 * (strictly above `approvalBps` of the votes cast): the contract's `outcome`, for a live view without a chain read.
 */
export function tallyOutcome(t: {
  forVotes: bigint;
  againstVotes: bigint;
  supply: bigint;
  quorumBps: number;
  approvalBps: number;
}) {
  const cast = t.forVotes + t.againstVotes;
  return {
    cast,
    quorumReached: cast !== 0n && cast * 10_000n >= BigInt(t.quorumBps) * t.supply,
    approvalReached: t.forVotes * 10_000n > BigInt(t.approvalBps) * cast,
  };
}
