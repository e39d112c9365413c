/**
 * A portfolio's sales in one read (issue 15): for the wallets of one investor, the latest sale of every token that has
 * one (status, close, terms), the wallets' vote on it (their leaves in the server's weights, the indexer's record of
 * `VoteCast`) and every `Redeemed` payment to them (any token: a fully redeemed holding is no longer held). Four
 * queries whatever the number of tokens (no read per holding). Plain module.
 */
import { and, desc, eq, inArray, isNotNull, or } from "drizzle-orm";
import { type Address, getAddress } from "viem";
import type { Database } from "@/lib/db/connect";
import { chainEvents, saleStates, type SaleStateRow, saleWeights, sales as salesTable } from "@/lib/db/schema";
import { argIn, recordedEvents } from "@/lib/indexer/recorded";
import type { VoteChoice } from "./codes";

/** A redemption paid to one of the wallets: `shares` burned, `payout` paid. */
export type SaleRedemption = {
  token: Address;
  onChainId: string;
  wallet: Address;
  shares: bigint;
  payout: bigint;
  txHash: string;
  logIndex: number;
};

export type HoldingSale = {
  token: Address;
  onChainId: string;
  status: SaleStateRow["status"];
  votingEnds: Date;
  price: bigint;
  supplyAtClose: bigint | null;
  /** When the vote was finalised (null while it runs or awaits finalising). */
  finalizedAt: Date | null;
  /**
   * The wallets' vote (the last one cast on any of their leaves): "none" when they have a leaf and have not voted yet,
   * null when none of them held shares at the record block (no vote, unless one was cast for a recovered wallet).
   */
  vote: VoteChoice | null;
  /** HKD paid to the wallets by their redemptions of this sale. */
  redeemed: bigint;
};

export type PortfolioSales = { sales: HoldingSale[]; redemptions: SaleRedemption[] };

/** floor(price × shares ÷ supplyAtClose): what `redeem` pays for `shares` (0 before the close). */
export function redeemPayout(price: bigint, shares: bigint, supplyAtClose: bigint | null): bigint {
  return supplyAtClose && supplyAtClose > 0n ? (price * shares) / supplyAtClose : 0n;
}

const saleKey = (contract: string, id: string) => `${contract.toLowerCase()}:${id}`;

/** The latest sale of each token that has one, the wallets' votes on them and the redemptions paid to them. */
export async function loadPortfolioSales(db: Database, { wallets }: { wallets: readonly Address[] }) {
  const own = wallets.map((w) => w.toLowerCase());
  if (own.length === 0) return { sales: [], redemptions: [] } satisfies PortfolioSales;
  const [rows, recorded, leaves] = await Promise.all([
    db.selectDistinctOn([saleStates.token]).from(saleStates).orderBy(saleStates.token, desc(saleStates.openedAt)),
    recordedEvents(db, eq(chainEvents.eventName, "Redeemed"), argIn("wallet", own)),
    db
      .selectDistinct({ saleContract: salesTable.saleContract, onChainId: salesTable.onChainId })
      .from(saleWeights)
      .innerJoin(salesTable, eq(salesTable.id, saleWeights.saleId))
      .where(and(inArray(saleWeights.wallet, own), isNotNull(salesTable.onChainId))),
  ]);
  // `Redeemed` of the sale contracts only (the record keys events by name; the contracts are those of the sales read).
  const saleContracts = new Set(rows.map((r) => r.saleContract));
  const redeemed = recorded.filter((e) => saleContracts.has(e.contract));
  const withLeaf = new Set(leaves.map((l) => saleKey(l.saleContract, l.onChainId!)));
  const votes =
    rows.length === 0
      ? []
      : await recordedEvents(
          db,
          eq(chainEvents.eventName, "VoteCast"),
          inArray(chainEvents.contract, [...saleContracts]),
          argIn(
            "saleId",
            rows.map((r) => r.onChainId),
          ),
          or(argIn("holder", own), argIn("voter", own)),
        );
  // The last vote on each leaf counts (a holder may change it); the wallets' vote is the one standing on the leaf voted
  // last (they agree unless the investor split their wallets' votes). Re-inserted: the map keeps last-vote order.
  const leafVotes = new Map<string, { sale: string; support: boolean }>();
  for (const e of votes) {
    const sale = saleKey(e.contract, String(e.args.saleId));
    leafVotes.delete(`${sale}:${String(e.args.index)}`);
    leafVotes.set(`${sale}:${String(e.args.index)}`, {
      sale,
      support: e.args.support === true || e.args.support === "true",
    });
  }
  const voteOf = new Map<string, "for" | "against">();
  for (const v of leafVotes.values()) voteOf.set(v.sale, v.support ? "for" : "against");
  const redemptions = redeemed.map((e): SaleRedemption => ({
    token: getAddress(String(e.args.token)),
    onChainId: String(e.args.saleId),
    wallet: getAddress(String(e.args.wallet)),
    shares: BigInt(String(e.args.shares)),
    payout: BigInt(String(e.args.payout)),
    txHash: e.txHash,
    logIndex: e.logIndex,
  }));
  const paidTo = new Map<string, bigint>();
  redeemed.forEach((e, i) => {
    const key = saleKey(e.contract, String(e.args.saleId));
    paidTo.set(key, (paidTo.get(key) ?? 0n) + redemptions[i]!.payout);
  });
  const sales = rows.map((s): HoldingSale => {
    const key = saleKey(s.saleContract, s.onChainId);
    return {
      token: getAddress(s.token),
      onChainId: s.onChainId,
      status: s.status,
      votingEnds: s.votingEnds,
      price: BigInt(s.price),
      supplyAtClose: s.supplyAtClose === null ? null : BigInt(s.supplyAtClose),
      finalizedAt: s.finalizedAt,
      vote: voteOf.get(key) ?? (withLeaf.has(key) ? "none" : null),
      redeemed: paidTo.get(key) ?? 0n,
    };
  });
  return { sales, redemptions } satisfies PortfolioSales;
}
