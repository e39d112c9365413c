/**
 * The server's record of the sale votes it prepared: terms, weights document and every holder's weight with its proof
 * (tables `sales`, `sale_weights`). Plain module: the server, scripts and tests call it with their database.
 */
import { and, desc, eq } from "drizzle-orm";
import { type Address, getAddress, type Hex } from "viem";
import type { Database } from "@/lib/db/connect";
import { firstRowWhere, insertAnchoredTree, setOnChainIdOnce } from "@/lib/db/rows";
import { saleWeights, sales, type SaleRow } from "@/lib/db/schema";
import type { BuiltSaleWeights } from "./weights";

/**
 * What the holders vote on: the buyer, the price (payment-token base units), the record block and the supply there
 * (the quorum's base), the end of the vote and the thresholds.
 */
export type SaleVoteTerms = {
  buyer: Address;
  price: bigint;
  recordBlock: bigint;
  supply: bigint;
  /** Unix seconds. */
  votingEnds: number;
  quorumBps: number;
  approvalBps: number;
};

/** A sale vote as the server stores it before it is anchored: where, the terms and the buyer's offer document. */
export type SaleTermsInput = { chainId: number; saleContract: Address; token: Address } & SaleVoteTerms & {
    offerHash: Hex;
    offerName: string;
  };

export async function saveSale(
  db: Database,
  { input, built, createdBy }: { input: SaleTermsInput; built: BuiltSaleWeights; createdBy: Address },
): Promise<string> {
  return insertAnchoredTree(
    db,
    {
      table: sales,
      values: {
        chainId: input.chainId,
        saleContract: input.saleContract.toLowerCase(),
        token: input.token.toLowerCase(),
        buyer: input.buyer.toLowerCase(),
        price: input.price.toString(),
        recordBlock: input.recordBlock,
        supply: input.supply.toString(),
        votingEnds: new Date(input.votingEnds * 1000),
        quorumBps: input.quorumBps,
        approvalBps: input.approvalBps,
        offerHash: input.offerHash.toLowerCase(),
        offerName: input.offerName,
      },
      tree: built,
      createdBy,
    },
    { table: saleWeights, of: built.weights, values: (w, id) => ({ saleId: id, weight: w.weight.toString() }) },
  );
}

/** Records the sale contract's id once: false when the row already has one (a retried or concurrent record). */
export const recordSaleOnChain = (db: Database, id: string, onChainId: bigint, txHash: Hex): Promise<boolean> =>
  setOnChainIdOnce(db, sales, id, { onChainId: onChainId.toString(), openTxHash: txHash.toLowerCase() });

export const getSale = (db: Database, id: string): Promise<SaleRow | null> =>
  firstRowWhere(db, sales, eq(sales.id, id));

export const getSaleByOnChainId = (
  db: Database,
  { saleContract, onChainId }: { saleContract: Address; onChainId: bigint },
): Promise<SaleRow | null> =>
  firstRowWhere(
    db,
    sales,
    and(eq(sales.saleContract, saleContract.toLowerCase()), eq(sales.onChainId, onChainId.toString())),
  );

/** The latest sale the server prepared for a token (anchored or not). */
export const latestSaleOfToken = (db: Database, token: Address): Promise<SaleRow | null> =>
  firstRowWhere(db, sales, eq(sales.token, token.toLowerCase()), desc(sales.createdAt));

export type VoteProof = { saleId: string; index: number; holder: Address; weight: bigint; proof: Hex[] };

/** A wallet's leaf in a sale's weights tree, with what `vote` needs; null when it held no shares at the record block. */
export async function getVoteProof(db: Database, saleId: string, wallet: Address): Promise<VoteProof | null> {
  const [row] = await db
    .select()
    .from(saleWeights)
    .where(and(eq(saleWeights.saleId, saleId), eq(saleWeights.wallet, wallet.toLowerCase())))
    .limit(1);
  return row
    ? {
        saleId,
        index: row.leafIndex,
        holder: getAddress(row.wallet),
        weight: BigInt(row.weight),
        proof: row.proof as Hex[],
      }
    : null;
}

/** The wallets with a weight in a sale (told once it is open on-chain). */
export async function listSaleVoters(db: Database, saleId: string): Promise<string[]> {
  const rows = await db.select({ wallet: saleWeights.wallet }).from(saleWeights).where(eq(saleWeights.saleId, saleId));
  return rows.map((r) => r.wallet);
}
