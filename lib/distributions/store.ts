/**
 * The server's record of the distributions it built: terms, tree document and every entitlement with its proof
 * (tables `distributions`, `distribution_entitlements`). Plain module: the server, scripts and tests call it with
 * their database.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { type Address, getAddress, type Hex } from "viem";
import type { Database } from "@/lib/db/connect";
import { firstRowWhere, insertAnchoredTree, rowsWhere, setOnChainIdOnce } from "@/lib/db/rows";
import { distributionEntitlements, distributions, type DistributionRow } from "@/lib/db/schema";
import type { BuiltDistribution, DistributionInput } from "./tree";

export async function saveDistribution(
  db: Database,
  {
    input,
    built,
    createdBy,
  }: { input: Omit<DistributionInput, "holders" | "excluded">; built: BuiltDistribution; createdBy: Address },
): Promise<string> {
  return insertAnchoredTree(
    db,
    {
      table: distributions,
      values: {
        chainId: input.chainId,
        distributor: input.distributor.toLowerCase(),
        token: input.token.toLowerCase(),
        kind: input.kind,
        amount: input.amount.toString(),
        recordBlock: input.recordBlock,
        claimDeadline: new Date(input.claimDeadline * 1000),
        totalShares: built.totalShares.toString(),
      },
      tree: built,
      createdBy,
    },
    {
      table: distributionEntitlements,
      of: built.entitlements,
      values: (e, id) => ({ distributionId: id, shares: e.shares.toString(), amount: e.amount.toString() }),
    },
  );
}

/**
 * Records the distributor's id once `createDistribution` is mined (the row must match what was anchored): false when
 * the row already has one (a retried or concurrent record).
 */
export const recordOnChain = (db: Database, id: string, onChainId: bigint, txHash: Hex): Promise<boolean> =>
  setOnChainIdOnce(db, distributions, id, { onChainId: onChainId.toString(), createTxHash: txHash.toLowerCase() });

export const getDistribution = (db: Database, id: string): Promise<DistributionRow | null> =>
  firstRowWhere(db, distributions, eq(distributions.id, id));

export const getDistributionByOnChainId = (
  db: Database,
  { chainId, distributor, onChainId }: { chainId: number; distributor: Address; onChainId: bigint },
): Promise<DistributionRow | null> =>
  firstRowWhere(
    db,
    distributions,
    and(
      eq(distributions.chainId, chainId),
      eq(distributions.distributor, distributor.toLowerCase()),
      eq(distributions.onChainId, onChainId.toString()),
    ),
  );

export const listDistributionsOfToken = (db: Database, token: Address): Promise<DistributionRow[]> =>
  rowsWhere(db, distributions, eq(distributions.token, token.toLowerCase()), desc(distributions.createdAt));

export type ClaimProof = {
  distributionId: string;
  onChainId: bigint | null;
  index: number;
  holder: Address;
  amount: bigint;
  proof: Hex[];
};

/** The entitlement of `wallet` in one distribution, with what `Distributor.claim` needs; null when it has none. */
export async function getClaimProof(db: Database, distributionId: string, wallet: Address): Promise<ClaimProof | null> {
  const [row] = await db
    .select({ e: distributionEntitlements, onChainId: distributions.onChainId })
    .from(distributionEntitlements)
    .innerJoin(distributions, eq(distributions.id, distributionEntitlements.distributionId))
    .where(
      and(
        eq(distributionEntitlements.distributionId, distributionId),
        eq(distributionEntitlements.wallet, wallet.toLowerCase()),
      ),
    )
    .limit(1);
  return row ? toProof(row.e, row.onChainId) : null;
}

/** Every entitlement of `wallet` in distributions anchored on-chain, newest first. */
export async function listClaimProofs(db: Database, wallet: Address): Promise<ClaimProof[]> {
  const rows = await db
    .select({ e: distributionEntitlements, onChainId: distributions.onChainId })
    .from(distributionEntitlements)
    .innerJoin(distributions, eq(distributions.id, distributionEntitlements.distributionId))
    .where(eq(distributionEntitlements.wallet, wallet.toLowerCase()))
    .orderBy(desc(distributions.createdAt), asc(distributionEntitlements.leafIndex));
  return rows.filter((r) => r.onChainId !== null).map((r) => toProof(r.e, r.onChainId));
}

function toProof(e: typeof distributionEntitlements.$inferSelect, onChainId: string | null): ClaimProof {
  return {
    distributionId: e.distributionId,
    onChainId: onChainId === null ? null : BigInt(onChainId),
    index: e.leafIndex,
    holder: getAddress(e.wallet),
    amount: BigInt(e.amount),
    proof: e.proof as Hex[],
  };
}

/** The token and kind of anchored distributions by their distributor id (decimal string). */
export async function distributionsByOnChainIds(
  db: Database,
  { chainId, distributor, ids }: { chainId: number; distributor: Address; ids: readonly string[] },
): Promise<Map<string, { id: string; token: Address; kind: DistributionRow["kind"] }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: distributions.id,
      onChainId: distributions.onChainId,
      token: distributions.token,
      kind: distributions.kind,
    })
    .from(distributions)
    .where(
      and(
        eq(distributions.chainId, chainId),
        eq(distributions.distributor, distributor.toLowerCase()),
        inArray(distributions.onChainId, [...ids]),
      ),
    );
  return new Map(rows.map((r) => [r.onChainId!, { id: r.id, token: getAddress(r.token), kind: r.kind }]));
}

/** The wallets entitled in a distribution (told once it is anchored on-chain). */
export async function listEntitledWallets(db: Database, distributionId: string): Promise<string[]> {
  const rows = await db
    .select({ wallet: distributionEntitlements.wallet })
    .from(distributionEntitlements)
    .where(eq(distributionEntitlements.distributionId, distributionId));
  return rows.map((r) => r.wallet);
}
