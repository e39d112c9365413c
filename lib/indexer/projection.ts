/**
 * The indexer's contract with the domains. The engine (`indexer.ts`) reads logs, records them in `chain_events`,
 * keeps the cursor and handles reorgs and backfills; it knows no domain. Each domain hands it projections: the
 * events it needs recorded (by name, and from which of the deployment's contracts) and how it turns recorded
 * events into its own tables. The one composition file (`projections.ts`) lists them.
 *
 * A projection's `version`: raise it when its apply changes (or it is new). Then only that projection re-reads its
 * history, from `chain_events` (not from the chain), beside the live cursor, while every other carries on. Adding
 * events to the recorded set is different (they are not in `chain_events` yet): that raises the setup's
 * `eventsVersion`, which re-reads the chain's history once for every projection.
 */
import type { AbiEvent, Address, Chain, PublicClient, Transport } from "viem";
import type { Database } from "../db/connect";
import type { ChainEvent } from "../db/schema";

/** The deployment's contracts an event may come from (`token`: any share token the factory deployed). */
export type EventSource =
  | "token"
  | "identityRegistry"
  | "primaryOffering"
  | "market"
  | "enforcementDesk"
  | "shareTokenFactory"
  | "distributor"
  | "artworkSale";

/** One event a projection needs recorded. */
export type EventSpec = {
  abi: AbiEvent;
  /** The only contract accepted as its emitter (a market or offering may share a signature with another). */
  from: EventSource;
  /** `chain_events.token`: the emitting contract (a token's own events) or the event's `token` argument. */
  token?: "emitter" | "arg";
  /** `chain_events.order_id`: the event's `orderId` argument. */
  orderId?: boolean;
};

export type IndexerContracts = {
  identityRegistry: Address;
  shareTokenFactory: Address;
  primaryOffering: Address;
  market?: Address | undefined;
  /** A deployed Multicall3 for reads at a block (deployless multicall without one). */
  multicall3?: Address | undefined;
  /** The two-agent enforcement desk (absent on deployments made before it). */
  enforcementDesk?: Address | undefined;
  /** The distributor of issuers' payments to holders (absent on deployments made before it). */
  distributor?: Address | undefined;
  /** The sale of artworks voted on by their holders (absent on deployments made before it). */
  artworkSale?: Address | undefined;
  startBlock: bigint;
};

export type ProjectionContext = {
  client: PublicClient<Transport, Chain | undefined>;
  contracts: IndexerContracts;
};

/** A recorded event as a projection sees it (a `chain_events` row, in block and log order). */
export type IndexedEvent = Omit<ChainEvent, "id"> & Partial<Pick<ChainEvent, "id">>;

/**
 * What a projection is asked to apply, inside the database transaction that records the events.
 * - `live`: new confirmed blocks; `events` were just recorded.
 * - `rescan`: older blocks re-read from the chain after `eventsVersion` grew; the projection saw the events recorded
 *   before, `inserted` are the ones new to the record.
 * - `backfill`: this projection's own catch-up from `chain_events` (it is new or its version changed).
 */
export type ApplyBatch<P> = {
  kind: "live" | "rescan" | "backfill";
  events: readonly IndexedEvent[];
  inserted: readonly IndexedEvent[];
  /** The last block the projection may write (a reorg during a backfill lowers it). */
  through: bigint;
  /** What `prepare` returned for these events (undefined without `prepare`). */
  prepared: P;
};

export type Projection<P = unknown> = {
  /** Stable key of its progress row (`indexer_projections`). */
  name: string;
  version: number;
  events: readonly EventSpec[];
  /** Reads it needs outside the database transaction (the chain's state at the events' blocks). */
  prepare?(ctx: ProjectionContext, events: readonly IndexedEvent[]): Promise<P>;
  /** Idempotent: a batch may be applied again (a re-read after a crash, a rescan, a backfill beside live). */
  apply(tx: Database, batch: ApplyBatch<P>): Promise<void>;
  /** A reorg: forget blocks above `ancestor`; `removed` are its events that were deleted from `chain_events`. */
  rollback(tx: Database, ancestor: bigint, removed: readonly IndexedEvent[]): Promise<void>;
};

/** Work the loop runs once the indexer has caught up, at most every `everyMs` (a failure is logged, retried). */
export type IdleTask = {
  name: string;
  everyMs: number;
  run(opts: ProjectionContext & { db: Database; name: string; log?: (message: string) => void }): Promise<{
    /** Rows the task wrote (summed in the loop's status). */
    recorded: number;
  }>;
};

/** What the engine runs: the recorded event set's version, the projections, the idle tasks. */
export type IndexerSetup = {
  /** Version of the recorded event set (the union of the projections' events); see `projections.ts`. */
  eventsVersion: number;
  projections: readonly Projection[];
  tasks?: readonly IdleTask[];
};

/** Types a projection with its `prepare` result. */
export function defineProjection<P = undefined>(projection: Projection<P>): Projection {
  return projection as Projection;
}
