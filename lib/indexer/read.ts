/**
 * Reading a block range for the indexer: the event set compiled from the projections' specs, `getLogs` with a
 * range the provider accepts, decoding with each event accepted only from its declared emitter, the time and hash
 * of each block with events, and the projections' `prepare` reads. Plain module; no domain knowledge.
 */
import {
  type AbiEvent,
  type Address,
  BaseError,
  ContractFunctionZeroDataError,
  type Hex,
  numberToHex,
  type RpcLog,
  toEventSelector,
} from "viem";
import { shareTokenFactoryAbi } from "../chain/abis";
import { decodeLog, type EventDecoder, eventDecoder } from "./decode";
import type { EventSource, EventSpec, IndexedEvent, IndexerContracts, IndexerSetup } from "./projection";
import type { IndexerOptions } from "./record";

/** Blocks per getLogs call (most providers accept 2,000–10,000). */
export const DEFAULT_CHUNK_SIZE = 2_000n;

const lower = (a: string) => a.toLowerCase();

/** The union of the projections' events: one ABI item per name, with every source it is accepted from. */
export type EventSet = {
  abi: readonly AbiEvent[];
  specs: Map<string, EventSpec[]>;
  /** Each event's decoder by its selector (topic 0): a log is decoded against its own item only. */
  bySelector: Map<Hex, EventDecoder>;
};

const compiled = new WeakMap<IndexerSetup, EventSet>();

export function eventSet(setup: IndexerSetup): EventSet {
  let set = compiled.get(setup);
  if (set) return set;
  const specs = new Map<string, EventSpec[]>();
  const abi: AbiEvent[] = [];
  for (const p of setup.projections)
    for (const spec of p.events) {
      const list = specs.get(spec.abi.name);
      if (!list) {
        specs.set(spec.abi.name, [spec]);
        abi.push(spec.abi);
      } else if (!list.some((s) => s.from === spec.from)) list.push(spec);
    }
  set = { abi, specs, bySelector: new Map(abi.map((e) => [toEventSelector(e), eventDecoder(e)])) };
  compiled.set(setup, set);
  return set;
}

/** Each projection's declared events as event name → accepted sources (built once per spec list). */
const declared = new WeakMap<readonly EventSpec[], Map<string, Set<EventSource>>>();

/** Whether a projection declared this event from this contract (filters what each projection is given). */
export function declares(
  events: readonly EventSpec[],
  e: Pick<IndexedEvent, "eventName" | "contract">,
  from: (e: { contract: string }) => EventSource | null,
): boolean {
  let byName = declared.get(events);
  if (!byName) {
    byName = new Map();
    for (const s of events) byName.set(s.abi.name, (byName.get(s.abi.name) ?? new Set()).add(s.from));
    declared.set(events, byName);
  }
  // A catch-up asks this of every event for every projection: the name first, the emitter only when it matters.
  const sources = byName.get(e.eventName);
  if (!sources) return false;
  const source = from(e);
  return source !== null && sources.has(source);
}

/** Current getLogs span per indexer name, after a range was too large (absent = the configured chunk). */
export const adaptiveChunk = new Map<string, bigint>();

/** Provider or client refusals that a smaller block range avoids (response size, result count, range). */
function isRangeTooLarge(error: unknown): boolean {
  const text =
    error instanceof Error ? `${error.message} ${(error as { details?: string }).details ?? ""}` : String(error);
  return /size limit|too large|too many|more than \d+ results|exceed|block range|range is too|limit exceeded|response size/i.test(
    text,
  );
}

/** Every share token the factory has deployed, as of `blockNumber`. */
async function listTokens(opts: IndexerOptions, blockNumber: bigint): Promise<Address[]> {
  const { client, contracts } = opts;
  let count: bigint;
  try {
    count = await client.readContract({
      address: contracts.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "tokenCount",
      blockNumber,
    });
  } catch (error) {
    // Early in the deployment range the factory may not exist yet: then there is no token to follow.
    if (error instanceof BaseError && error.walk((e) => e instanceof ContractFunctionZeroDataError)) return [];
    throw error;
  }
  const tokens: Address[] = [];
  for (let offset = 0n; offset < count; offset += 200n) {
    const page = await client.readContract({
      address: contracts.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "tokens",
      args: [offset, 200n],
      blockNumber,
    });
    tokens.push(...page);
  }
  return tokens;
}

/**
 * Which of the deployment's contracts an address is (null: none the indexer follows). `isToken`: whether an address
 * other than the fixed contracts is a share token (the factory's list; every other address of `chain_events`).
 */
export function sourceOf(contracts: IndexerContracts, isToken: (address: string) => boolean) {
  const fixed = new Map<string, EventSource>();
  // A token address is never one of the fixed contracts; the registry is checked last, as before.
  if (contracts.enforcementDesk) fixed.set(lower(contracts.enforcementDesk), "enforcementDesk");
  if (contracts.market) fixed.set(lower(contracts.market), "market");
  if (contracts.distributor) fixed.set(lower(contracts.distributor), "distributor");
  if (contracts.artworkSale) fixed.set(lower(contracts.artworkSale), "artworkSale");
  fixed.set(lower(contracts.primaryOffering), "primaryOffering");
  fixed.set(lower(contracts.shareTokenFactory), "shareTokenFactory");
  fixed.set(lower(contracts.identityRegistry), "identityRegistry");
  return (e: { contract: string }): EventSource | null =>
    fixed.get(e.contract) ?? (isToken(e.contract) ? "token" : null);
}

export type DecodedEvent = Omit<IndexedEvent, "blockTime" | "id">;

/** A log as `eth_getLogs` returns it, with its block number and index read (the fields the indexer uses). */
type RawLog = {
  address: Address;
  topics: Hex[];
  data: Hex;
  blockNumber: bigint | null;
  blockHash: Hex | null;
  transactionHash: Hex | null;
  logIndex: number | null;
};

function decode(log: RawLog, set: EventSet, from: ReturnType<typeof sourceOf>): DecodedEvent | null {
  if (log.blockNumber == null || log.blockHash == null || log.transactionHash == null || log.logIndex == null)
    return null;
  const contract = lower(log.address);
  const decoder = log.topics[0] ? set.bySelector.get(log.topics[0]) : undefined;
  if (!decoder) return null; // an event we do not project
  const decoded = decodeLog(decoder, log.topics, log.data);
  if (!decoded) return null; // an event we do not project
  // Only accept each event from the contract that is meant to emit it (a market or offering may share a signature).
  const source = from({ contract });
  const spec = set.specs.get(decoded.eventName)?.find((s) => s.from === source);
  if (!spec) return null;
  const { args } = decoded;
  const token = spec.token === "emitter" ? contract : spec.token === "arg" ? String(args.token) : null;
  const orderId = spec.orderId ? String(args.orderId) : null;
  return {
    blockNumber: log.blockNumber,
    blockHash: log.blockHash,
    txHash: log.transactionHash,
    logIndex: log.logIndex,
    contract,
    eventName: decoded.eventName,
    args,
    token,
    orderId,
  };
}

export type Batch = {
  /** Last block of the range actually read (a range too large for the provider is shortened). */
  to: bigint;
  toBlock: { number: bigint; hash: Hex; timestamp: bigint };
  events: IndexedEvent[];
  blocks: Map<bigint, { hash: Hex; timestamp: bigint }>;
  /** Which projections follow which of these events' emitters. */
  sourceOf: ReturnType<typeof sourceOf>;
  /** Each projection's `prepare` result for the batch, by projection name. */
  prepared: Map<string, unknown>;
};

/** `eth_getLogs`' quantities read (viem's `getLogs` would also decode and checksum every log, which `decode` does). */
function rawLog(l: RpcLog): RawLog {
  return {
    address: l.address,
    topics: l.topics as Hex[],
    data: l.data,
    blockNumber: l.blockNumber === null ? null : BigInt(l.blockNumber),
    blockHash: l.blockHash,
    transactionHash: l.transactionHash,
    logIndex: l.logIndex === null ? null : Number(l.logIndex),
  };
}

/**
 * Reads the logs of `from`..`to` (the event set's selectors, from `addresses`), halving the range while the provider
 * refuses it; returns the range read.
 */
async function getLogsAdaptive(
  opts: IndexerOptions,
  name: string,
  addresses: Address[],
  selectors: readonly Hex[],
  from: bigint,
  toWanted: bigint,
): Promise<{ logs: RawLog[]; to: bigint }> {
  const chunk = opts.chunkSize ?? DEFAULT_CHUNK_SIZE;
  let to = toWanted;
  // A busy range can exceed what the provider (or viem's 10 MB response limit) accepts: halve it and retry,
  // remember the smaller span for the next batches, and grow it back once ranges go through.
  let logs: RawLog[];
  for (;;) {
    try {
      const got = await opts.client.request({
        method: "eth_getLogs",
        params: [
          { address: addresses, topics: [[...selectors]], fromBlock: numberToHex(from), toBlock: numberToHex(to) },
        ],
      });
      logs = got.map(rawLog);
      break;
    } catch (error) {
      if (to <= from || !isRangeTooLarge(error)) throw error;
      to = from + (to - from + 1n) / 2n - 1n;
      adaptiveChunk.set(name, to - from + 1n);
      opts.log?.(`getLogs range too large; retrying ${from}–${to}`);
    }
  }
  const current = adaptiveChunk.get(name);
  if (current !== undefined && logs.length < 2_000) {
    // A light range: try twice the span next time (back to the configured chunk).
    if (current * 2n >= chunk) adaptiveChunk.delete(name);
    else adaptiveChunk.set(name, current * 2n);
  }
  return { logs, to };
}

/**
 * Reads and decodes the events of `from`..`to` (shortened when the provider refuses the range), with the time and
 * hash of each block that has one. Null when a log's block hash differs from the block read (a reorg under way).
 */
export async function readBatch(
  opts: IndexerOptions,
  name: string,
  from: bigint,
  toWanted: bigint,
): Promise<Batch | null> {
  const { client, contracts } = opts;
  const set = eventSet(opts.setup);
  const tokens = await listTokens(opts, toWanted);
  const addresses = [
    contracts.identityRegistry,
    contracts.primaryOffering,
    contracts.shareTokenFactory,
    ...(contracts.market ? [contracts.market] : []),
    ...(contracts.enforcementDesk ? [contracts.enforcementDesk] : []),
    ...(contracts.distributor ? [contracts.distributor] : []),
    ...(contracts.artworkSale ? [contracts.artworkSale] : []),
    ...tokens,
  ];
  const { logs, to } = await getLogsAdaptive(opts, name, addresses, [...set.bySelector.keys()], from, toWanted);
  const toBlock = await client.getBlock({ blockNumber: to });
  const tokenSet = new Set(tokens.map(lower));
  const from_ = sourceOf(contracts, (a) => tokenSet.has(a));
  const decoded = logs.map((l) => decode(l, set, from_)).filter((e): e is DecodedEvent => e !== null);

  // Block times and hashes for the blocks that have events (one getBlock each; `toBlock` is known).
  const blockNumbers = [...new Set(decoded.map((e) => e.blockNumber))];
  const blocks = new Map<bigint, { hash: Hex; timestamp: bigint }>([
    [toBlock.number, { hash: toBlock.hash, timestamp: toBlock.timestamp }],
  ]);
  const missing = blockNumbers.filter((n) => !blocks.has(n));
  for (let i = 0; i < missing.length; i += 20) {
    const got = await Promise.all(missing.slice(i, i + 20).map((n) => client.getBlock({ blockNumber: n })));
    for (const b of got) blocks.set(b.number, { hash: b.hash, timestamp: b.timestamp });
  }
  for (const e of decoded) {
    if (blocks.get(e.blockNumber)?.hash !== e.blockHash) return null;
  }
  const events: IndexedEvent[] = decoded.map((e) => ({
    ...e,
    blockTime: new Date(Number(blocks.get(e.blockNumber)!.timestamp) * 1000),
  }));
  const prepared = new Map<string, unknown>();
  for (const p of opts.setup.projections) {
    if (!p.prepare) continue;
    const mine = events.filter((e) => declares(p.events, e, from_));
    prepared.set(p.name, await p.prepare({ client, contracts }, mine));
  }
  return {
    to,
    toBlock: { number: toBlock.number, hash: toBlock.hash, timestamp: toBlock.timestamp },
    events,
    blocks,
    sourceOf: from_,
    prepared,
  };
}
