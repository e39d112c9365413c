/**
 * Distributions to token holders (issue 15): the server's record of each distribution it built — the terms, the
 * tree document whose SHA-256 is anchored on-chain with the root — and every holder's entitlement with its Merkle
 * proof, so an investor's proof is one indexed read. The chain stays the truth of what was deposited and claimed;
 * these rows are what the server published. Amounts are payment-token base units (6 decimals) as numeric.
 * Re-exported by `schema/index.ts`.
 */
import type { InferInsertModel, InferSelectModel } from "drizzle-orm";
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { addressChecks, bytes32Check, timestamptz, createdAt, uuidId, ownedBy, blockNumber } from "./columns";

/** The distributor's `Kind`, in its order. */
export const distributionKind = pgEnum("distribution_kind", ["sale_proceeds", "income", "return_of_capital"]);

export const distributions = pgTable(
  "distributions",
  {
    id: uuidId(),
    chainId: integer("chain_id").notNull(),
    distributor: text("distributor").notNull(),
    token: text("token").notNull(),
    kind: distributionKind("kind").notNull(),
    /** Payment-token base units, a whole number of cents. */
    amount: numeric("amount").notNull(),
    recordBlock: blockNumber("record_block").notNull(),
    claimDeadline: timestamptz("claim_deadline").notNull(),
    root: text("root").notNull(),
    treeHash: text("tree_hash").notNull(),
    leafCount: integer("leaf_count").notNull(),
    /** Shares allocated over (the holders' balances at the record block, excluded wallets left out). */
    totalShares: numeric("total_shares").notNull(),
    /** The exact tree document (JSON text) whose SHA-256 is `tree_hash`. */
    document: text("document").notNull(),
    /** The issuer wallet that built it (lowercase). */
    createdBy: text("created_by").notNull(),
    /** The distributor's id, once `createDistribution` is mined. */
    onChainId: numeric("on_chain_id"),
    createTxHash: text("create_tx_hash"),
    createdAt: createdAt(),
  },
  (t) => [
    index("distributions_token_idx").on(t.token),
    uniqueIndex("distributions_on_chain_idx").on(t.chainId, t.distributor, t.onChainId),
    ...addressChecks("distributions", t.distributor, t.token, t.createdBy),
    bytes32Check("distributions_root_format", t.root),
    bytes32Check("distributions_tree_hash_format", t.treeHash),
    bytes32Check("distributions_create_tx_format", t.createTxHash),
    check("distributions_amount_positive", sql`${t.amount} > 0`),
    check("distributions_on_chain_with_tx", sql`(${t.onChainId} IS NULL) = (${t.createTxHash} IS NULL)`),
  ],
);
export type DistributionRow = InferSelectModel<typeof distributions>;
export type NewDistributionRow = InferInsertModel<typeof distributions>;

/** One leaf of a distribution's tree: the holder's entitlement and its proof. */
export const distributionEntitlements = pgTable(
  "distribution_entitlements",
  {
    distributionId: ownedBy("distribution_id", () => distributions.id),
    leafIndex: integer("leaf_index").notNull(),
    /** Lowercase. */
    wallet: text("wallet").notNull(),
    shares: numeric("shares").notNull(),
    amount: numeric("amount").notNull(),
    proof: jsonb("proof").$type<string[]>().notNull(),
  },
  (t) => [
    primaryKey({ name: "distribution_entitlements_pk", columns: [t.distributionId, t.leafIndex] }),
    uniqueIndex("distribution_entitlements_wallet_idx").on(t.distributionId, t.wallet),
    index("distribution_entitlements_by_wallet_idx").on(t.wallet),
    ...addressChecks("distribution_entitlements", t.wallet),
    check("distribution_entitlements_amount_positive", sql`${t.amount} > 0`),
  ],
);
export type DistributionEntitlementRow = InferSelectModel<typeof distributionEntitlements>;
