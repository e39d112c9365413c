/**
 * Distributions to token holders (issue 15): the server's record of each distribution it built — the terms, the
 * tree document whose SHA-256 is anchored on-chain with the root — and every holder's entitlement with its Merkle
 * proof, so an investor's proof is one indexed read. The chain stays the truth of what was deposited and claimed;
 * these rows are what the server published. Amounts are payment-token base units (6 decimals) as numeric.
 * Re-exported by `schema/index.ts`.
 */
import type { InferInsertModel, InferSelectModel } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { check, integer, numeric, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import {
  anchoredTreeConstraints,
  anchoredTreeHead,
  anchoredTreeRecord,
  blockNumber,
  createdAt,
  leafProof,
  ownedBy,
  projectedRecordConstraints,
  projectedRecordHead,
  publishedTree,
  timestamptz,
  treeLeaf,
  treeLeafConstraints,
} from "./columns";

/** The distributor's `Kind`, in its order. */
export const distributionKind = pgEnum("distribution_kind", ["sale_proceeds", "income", "return_of_capital"]);

/** A distribution's terms, as the server built them and as the distributor holds them. */
const distributionTerms = () => ({
  kind: distributionKind("kind").notNull(),
  /** Payment-token base units, a whole number of cents. */
  amount: numeric("amount").notNull(),
  recordBlock: blockNumber("record_block").notNull(),
  claimDeadline: timestamptz("claim_deadline").notNull(),
});

export const distributions = pgTable(
  "distributions",
  {
    ...anchoredTreeHead("distributor", "distributor"),
    ...distributionTerms(),
    /** Shares allocated over (the holders' balances at the record block, excluded wallets left out). */
    totalShares: numeric("total_shares").notNull(),
    /** The tree; the distributor's id is set once `createDistribution` is mined. */
    ...anchoredTreeRecord(),
    createTxHash: text("create_tx_hash"),
    createdAt: createdAt(),
  },
  (t) => [
    ...anchoredTreeConstraints(
      "distributions",
      t,
      { contract: t.distributor, tx: t.createTxHash, txCheck: "create_tx", amount: t.amount, amountCheck: "amount" },
      [t.distributor, t.token, t.createdBy],
    ),
  ],
);
export type DistributionRow = InferSelectModel<typeof distributions>;
export type NewDistributionRow = InferInsertModel<typeof distributions>;

/** One leaf of a distribution's tree: the holder's entitlement and its proof. */
export const distributionEntitlements = pgTable(
  "distribution_entitlements",
  {
    distributionId: ownedBy("distribution_id", () => distributions.id),
    ...treeLeaf(),
    shares: numeric("shares").notNull(),
    amount: numeric("amount").notNull(),
    proof: leafProof(),
  },
  (t) => [
    ...treeLeafConstraints("distribution_entitlements", t.distributionId, t),
    check("distribution_entitlements_amount_positive", sql`${t.amount} > 0`),
  ],
);
export type DistributionEntitlementRow = InferSelectModel<typeof distributionEntitlements>;

/** A distribution's state on-chain as the indexer last projected it. */
export const distributionStatus = pgEnum("distribution_status", ["open", "held", "closed"]);

/**
 * The indexer's projection of the distributor's events (`lib/distributions/projection.ts`), one row per on-chain
 * distribution, rebuilt from `chain_events` (reorg-safe, idempotent): what was deposited, what has been claimed, and
 * whether compliance holds it or the issuer has closed it. Keyed by the distributor and its id (a row of
 * `distributions` with the same pair is what the server built for it).
 */
export const distributionStates = pgTable(
  "distribution_states",
  {
    ...projectedRecordHead("distributor", "distributor"),
    ...distributionTerms(),
    ...publishedTree(),
    createdBlock: blockNumber("created_block").notNull(),
    createdAt: timestamptz("created_at").notNull(),
    createTxHash: text("create_tx_hash").notNull(),
    /** Sum of the Claimed amounts, and how many claims. */
    claimedAmount: numeric("claimed_amount").notNull().default("0"),
    claimCount: integer("claim_count").notNull().default(0),
    status: distributionStatus("status").notNull().default("open"),
    /** The reason of the last hold or release, the agent and when (null before any). */
    holdReason: text("hold_reason"),
    heldBy: text("held_by"),
    holdChangedAt: timestamptz("hold_changed_at"),
    /** What the issuer took back at close (unclaimed entitlements and dust). */
    returnedAmount: numeric("returned_amount"),
    closedAt: timestamptz("closed_at"),
    closeTxHash: text("close_tx_hash"),
  },
  (t) => projectedRecordConstraints("distribution_states", t.distributor, t, t.heldBy),
);
export type DistributionStateRow = InferSelectModel<typeof distributionStates>;
