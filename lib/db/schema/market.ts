/** Indexer projections of the chain: events, token states, blocks, market orders and trades. */
import { sql, type InferSelectModel } from "drizzle-orm";
import { boolean, index, integer, jsonb, numeric, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import {
  addressChecks,
  atBlockKeys,
  blockNumber,
  blockRef,
  logPlace,
  logPlaceKeys,
  serialId,
  timestamptz,
} from "./columns";

// ---------------------------------------------------------------------------------------------
// Indexer projections (secondary market issue). Written only by `lib/indexer`; every row can be rebuilt
// from the chain, and rows of blocks that a reorg removed are rolled back. Amounts are base units as
// numeric: shares are whole units, prices and fees are payment-token base units (6 decimals).

/** Every event the indexer records, once per (transaction hash, log index). */
export const chainEvents = pgTable(
  "chain_events",
  {
    id: serialId(),
    ...blockRef(),
    blockTime: timestamptz("block_time").notNull(),
    ...logPlace(),
    /** Emitting contract (lowercase). */
    contract: text("contract").notNull(),
    eventName: text("event_name").notNull(),
    /** Decoded arguments; bigints as decimal strings, addresses lowercase. */
    args: jsonb("args").$type<Record<string, string | number | boolean>>().notNull(),
    /** The share token concerned, when there is one (Transfer, OrderPlaced). */
    token: text("token"),
    /** Market order id for OrderPlaced / OrderFilled / OrderCancelled. */
    orderId: numeric("order_id"),
  },
  (t) => [
    ...logPlaceKeys("chain_events", t),
    index("chain_events_name_token_idx").on(t.eventName, t.token),
    index("chain_events_order_idx").on(t.orderId),
    ...addressChecks("chain_events", t.contract, t.token),
  ],
);
export type ChainEvent = InferSelectModel<typeof chainEvents>;

/**
 * A share token's register state as the chain reported it at the end of a block in which one of the token's own
 * events touched it, read by the indexer at that block (`lib/compliance/token-states.ts`). A read of the contract's own
 * views, not a recomputation: the register at a past block is the latest row of each wallet up to that block.
 */
export const tokenWalletStates = pgTable(
  "token_wallet_states",
  {
    token: text("token").notNull(),
    wallet: text("wallet").notNull(),
    blockNumber: blockNumber().notNull(),
    balance: numeric("balance").notNull(),
    frozen: boolean("frozen").notNull(),
    frozenAmount: numeric("frozen_amount").notNull(),
    /** The running lock-up lots at that block: [shares, release (unix seconds)] as decimal strings. */
    lots: jsonb("lots").$type<[string, string][]>().notNull(),
    /** The investor id the balance is accounted to (bytes32 hex, lowercase; zero while the wallet holds nothing). */
    investorId: text("investor_id").notNull(),
  },
  (t) => [
    ...atBlockKeys("token_wallet_states", t.blockNumber, t.token, t.wallet),
    ...addressChecks("token_wallet_states", t.token, t.wallet),
  ],
);
export type TokenWalletState = InferSelectModel<typeof tokenWalletStates>;

/** A share token's header (supply, holder counts, pause, holder limit) at the end of a block with its events. */
export const tokenStates = pgTable(
  "token_states",
  {
    token: text("token").notNull(),
    blockNumber: blockNumber().notNull(),
    totalSupply: numeric("total_supply").notNull(),
    holderCount: integer("holder_count").notNull(),
    holderWalletCount: integer("holder_wallet_count").notNull(),
    paused: boolean("paused").notNull(),
    maxHolders: integer("max_holders").notNull(),
  },
  (t) => [...atBlockKeys("token_states", t.blockNumber, t.token), ...addressChecks("token_states", t.token)],
);
export type TokenState = InferSelectModel<typeof tokenStates>;

/** Hashes of recently indexed blocks: a reorg shows as a stored hash that the chain no longer has. */
export const indexerBlocks = pgTable(
  "indexer_blocks",
  {
    name: text("name").notNull(),
    ...blockRef(),
  },
  (t) => [uniqueIndex("indexer_blocks_pk").on(t.name, t.blockNumber)],
);

export const marketOrderSides = ["ask", "bid"] as const;
export type MarketOrderSide = (typeof marketOrderSides)[number];
export const marketOrderStatuses = ["open", "filled", "cancelled"] as const;
export type MarketOrderStatus = (typeof marketOrderStatuses)[number];

/** Market orders as the events left them (a projection of chain_events). */
export const marketOrders = pgTable(
  "market_orders",
  {
    orderId: numeric("order_id").primaryKey(),
    token: text("token").notNull(),
    maker: text("maker").notNull(),
    side: text("side", { enum: marketOrderSides }).notNull(),
    price: numeric("price").notNull(),
    size: numeric("size").notNull(),
    filled: numeric("filled").notNull(),
    cancelled: numeric("cancelled").notNull(),
    status: text("status", { enum: marketOrderStatuses }).notNull(),
    placedBlock: blockNumber("placed_block").notNull(),
    placedTx: text("placed_tx").notNull(),
    placedAt: timestamptz("placed_at").notNull(),
    /** When the order stops being fillable (the Market's `expiresAt`); null for orders placed before expiry existed. */
    expiresAt: timestamptz("expires_at"),
  },
  (t) => [
    index("market_orders_token_status_idx").on(t.token, t.status),
    index("market_orders_maker_status_idx").on(t.maker, t.status),
    // The open orders of a wallet, oldest first, a keyset page at a time (lib/market/open-orders.ts).
    index("market_orders_maker_open_idx")
      .on(t.maker, t.placedAt, t.orderId)
      .where(sql`${t.status} = 'open'`),
    ...addressChecks("market_orders", t.token, t.maker),
  ],
);
export type MarketOrder = InferSelectModel<typeof marketOrders>;

/** One row per OrderFilled: who bought from whom, how many shares, at what price, and the taker's fee. */
export const marketTrades = pgTable(
  "market_trades",
  {
    id: serialId(),
    ...logPlace(),
    blockNumber: blockNumber().notNull(),
    tradedAt: timestamptz("traded_at").notNull(),
    orderId: numeric("order_id").notNull(),
    token: text("token").notNull(),
    /** Side of the resting (maker) order. */
    makerSide: text("maker_side", { enum: marketOrderSides }).notNull(),
    buyer: text("buyer").notNull(),
    seller: text("seller").notNull(),
    shares: numeric("shares").notNull(),
    price: numeric("price").notNull(),
    fee: numeric("fee").notNull(),
  },
  (t) => [
    ...logPlaceKeys("market_trades", t),
    index("market_trades_token_time_idx").on(t.token, t.tradedAt),
    index("market_trades_buyer_idx").on(t.buyer),
    index("market_trades_seller_idx").on(t.seller),
  ],
);
export type MarketTrade = InferSelectModel<typeof marketTrades>;
