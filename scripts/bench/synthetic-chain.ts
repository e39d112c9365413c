/**
 * A synthetic chain for the indexer bench: `trades` secondary-market trades laid out in blocks, answering JSON-RPC
 * (`request`, `requestJson`; `synthetic-node.ts` serves it over HTTP from a child process, `client` through a viem
 * `custom` transport), so the indexer runs its real path (raw getLogs, `decode`, `recordBatch`, every projection,
 * the register snapshots' multicall reads) with no node behind it. Answers cost the node little: block headers and
 * each log's JSON are written with the chain, token views encoded once (`balanceOf` is one word), `aggregate3` read
 * and written by hand (checked against viem's codec when the chain is built).
 *
 * Each trade is what a real `placeAsk`/`placeBid` + `fill` emits (contracts/src/Market.sol): the placement's
 * OrderPlaced (a bid also escrows its HKD: an HKD Transfer to the market), then, in the next block, the fill's
 * OrderFilled, the share token's Transfer (seller → buyer) and the HKD Transfers (payment and a 1% fee). The HKD
 * stablecoin is not a contract the indexer follows: its logs are on the chain but `eth_getLogs` (filtered by address,
 * as a node filters) never returns them. The first block mints every investor's opening balance of each token.
 * Logs are built with viem's `encodeEventTopics` / `encodeAbiParameters` from the generated ABIs.
 *
 * `eth_call` answers the share-token factory's `tokenCount`/`tokens` and Multicall3 `aggregate3` batches of the
 * token's register views (balances from a ledger kept per block; the other views at their neutral values).
 * Block times start 30 days back (a catch-up of history: makers are not notified of old fills).
 */
import {
  type AbiEvent,
  type AbiFunction,
  type Chain,
  type PublicClient,
  type Transport,
  decodeAbiParameters,
  type AbiParameter,
  type Address,
  custom,
  createPublicClient,
  decodeFunctionData,
  encodeAbiParameters,
  encodeFunctionData,
  encodeEventTopics,
  encodeFunctionResult,
  getAbiItem,
  type Hex,
  keccak256,
  multicall3Abi,
  numberToHex,
  toFunctionSelector,
  toHex,
  zeroAddress,
} from "viem";
import { artworkShareTokenAbi, hKDStablecoinAbi, marketAbi, shareTokenFactoryAbi } from "../../lib/chain/abis";
import type { IndexerContracts } from "../../lib/indexer/projection";

type RpcLog = {
  address: Address;
  topics: Hex[];
  data: Hex;
  blockNumber: Hex;
  blockHash: Hex;
  transactionHash: Hex;
  transactionIndex: Hex;
  logIndex: Hex;
  removed: false;
};

const addr = (label: string): Address => `0x${keccak256(toHex(label)).slice(26)}` as Address;
const hashOf = (label: string): Hex => keccak256(toHex(label));

const selectors = new WeakMap<AbiEvent, Hex>();

/**
 * Topics and data of one event, from its ABI item: topic 0 is its selector, each indexed (static) argument a topic,
 * the others ABI-encoded. As `encodeEventTopics` does, with the selector hashed once per event, not once per log.
 */
function encodeLog(abi: AbiEvent, args: Record<string, unknown>): { topics: Hex[]; data: Hex } {
  let selector = selectors.get(abi);
  if (!selector) {
    selector = (encodeEventTopics({ abi: [abi], eventName: abi.name } as never) as Hex[])[0]!;
    selectors.set(abi, selector);
  }
  const topics: Hex[] = [selector];
  const rest: AbiParameter[] = [];
  const values: unknown[] = [];
  for (const input of abi.inputs) {
    if ("indexed" in input && input.indexed) topics.push(encodeAbiParameters([input], [args[input.name!]]));
    else {
      rest.push(input);
      values.push(args[input.name!]);
    }
  }
  return { topics, data: encodeAbiParameters(rest, values) };
}

/** A neutral value of an ABI type (the register views the bench does not model). */
function neutral(p: AbiParameter): unknown {
  if (p.type.endsWith("]")) return [];
  if (p.type === "tuple") return (p as unknown as { components: AbiParameter[] }).components.map(neutral);
  if (p.type.startsWith("uint") || p.type.startsWith("int")) return 0n;
  if (p.type === "bool") return false;
  if (p.type === "address") return zeroAddress;
  if (p.type === "string") return "";
  if (p.type === "bytes") return "0x";
  const n = Number(p.type.slice(5));
  return `0x${"00".repeat(n)}`;
}

/** `aggregate3((address,bool,bytes)[])`'s selector. */
const AGGREGATE3 = toFunctionSelector(getAbiItem({ abi: multicall3Abi, name: "aggregate3" }) as AbiFunction);

/** The calls of an `aggregate3` calldata, read by hand (viem's ABI decoder is the node's main cost otherwise). */
export function decodeAggregate3Calls(data: Hex): { target: Address; callData: Hex }[] {
  const hex = data.slice(10);
  const at = (byte: number) => Number.parseInt(hex.slice(byte * 2, byte * 2 + 64), 16);
  const array = at(0);
  const n = at(array);
  const out: { target: Address; callData: Hex }[] = [];
  for (let i = 0; i < n; i++) {
    const tuple = array + 32 + at(array + 32 + i * 32);
    const bytes = tuple + at(tuple + 64);
    const start = (bytes + 32) * 2;
    out.push({
      target: `0x${hex.slice(tuple * 2 + 24, tuple * 2 + 64)}` as Address,
      callData: `0x${hex.slice(start, start + at(bytes) * 2)}` as Hex,
    });
  }
  return out;
}

/** `aggregate3`'s result with every call successful, written by hand. */
export function encodeAggregate3Result(results: readonly Hex[]): Hex {
  const word = (n: number) => n.toString(16).padStart(64, "0");
  const heads: string[] = [];
  const tails: string[] = [];
  let offset = results.length * 32;
  for (const r of results) {
    const data = r.slice(2);
    const tail = `${word(1)}${word(0x40)}${word(data.length / 2)}${data.padEnd(Math.ceil(data.length / 64) * 64, "0")}`;
    heads.push(word(offset));
    tails.push(tail);
    offset += tail.length / 2;
  }
  return `0x${word(0x20)}${word(results.length)}${heads.join("")}${tails.join("")}` as Hex;
}

export type SyntheticChain = {
  client: PublicClient<Transport, Chain | undefined>;
  /** One JSON-RPC request answered (what `client` calls; `synthetic-node.ts` serves it over HTTP). */
  request: (method: string, params: unknown[]) => unknown;
  /** The same answer as JSON text (the HTTP node sends it as it is). */
  requestJson: (method: string, params: unknown[]) => string;
  contracts: IndexerContracts;
  tokens: Address[];
  trades: number;
  blocks: number;
  /** Logs on the chain, and those the indexer follows (every one but the HKD transfers). */
  logs: number;
  followedLogs: number;
  /** JSON-RPC requests answered, by method. */
  calls: Record<string, number>;
  /** Time the synthetic node spent answering them (not the indexer's work). */
  timing: { answerMs: number };
};

export function buildSyntheticChain(opts: {
  trades: number;
  /** Trades placed (and, in the next block, filled) per block. */
  tradesPerBlock: number;
  tokens?: number;
  investors?: number;
}): SyntheticChain {
  const nTokens = opts.tokens ?? 6;
  const nInvestors = opts.investors ?? 200;
  const contracts: IndexerContracts = {
    identityRegistry: addr("bench:registry"),
    shareTokenFactory: addr("bench:factory"),
    primaryOffering: addr("bench:offering"),
    market: addr("bench:market"),
    multicall3: addr("bench:multicall3"),
    startBlock: 1n,
  };
  const market = contracts.market!;
  const hkd = addr("bench:hkd");
  const feeRecipient = addr("bench:fees");
  const tokens = Array.from({ length: nTokens }, (_, i) => addr(`bench:token:${i}`));
  const investors = Array.from({ length: nInvestors }, (_, i) => addr(`bench:investor:${i}`));
  const ev = {
    placed: getAbiItem({ abi: marketAbi, name: "OrderPlaced" }) as AbiEvent,
    filled: getAbiItem({ abi: marketAbi, name: "OrderFilled" }) as AbiEvent,
    transfer: getAbiItem({ abi: artworkShareTokenAbi, name: "Transfer" }) as AbiEvent,
    hkdTransfer: getAbiItem({ abi: hKDStablecoinAbi, name: "Transfer" }) as AbiEvent,
  };

  const logsByBlock: RpcLog[][] = [[]]; // block 0: genesis, no logs
  /** Balance of `${token}:${wallet}` after each block that changed it (ascending blocks). */
  const ledger = new Map<string, { block: number; balance: bigint }[]>();
  const balances = new Map<string, bigint>();
  const move = (token: Address, from: Address, to: Address, shares: bigint, block: number) => {
    for (const [w, d] of [
      [from, -shares],
      [to, shares],
    ] as const) {
      if (w === zeroAddress) continue;
      const key = `${token.toLowerCase()}:${w.toLowerCase()}`;
      const b = (balances.get(key) ?? 0n) + d;
      balances.set(key, b);
      const list = ledger.get(key) ?? [];
      if (list.at(-1)?.block === block) list.at(-1)!.balance = b;
      else list.push({ block, balance: b });
      ledger.set(key, list);
    }
  };

  let block = 1;
  let tx = 0;
  let current: RpcLog[] = [];
  let blockHash = hashOf(`bench:block:${block}`);
  const emit = (address: Address, abi: AbiEvent, args: Record<string, unknown>, txHash: Hex) => {
    const { topics, data } = encodeLog(abi, args);
    current.push({
      address,
      topics,
      data,
      blockNumber: numberToHex(block),
      blockHash,
      transactionHash: txHash,
      transactionIndex: "0x0",
      logIndex: numberToHex(current.length),
      removed: false,
    });
  };
  const newTx = () => hashOf(`bench:tx:${tx++}`);
  const endBlock = () => {
    logsByBlock.push(current);
    current = [];
    block++;
    blockHash = hashOf(`bench:block:${block}`);
  };

  // Block 1: the opening balances (mints).
  const OPENING = 1_000_000n;
  for (const t of tokens)
    for (const w of investors) {
      emit(t, ev.transfer, { from: zeroAddress, to: w, value: OPENING }, newTx());
      move(t, zeroAddress, w, OPENING, block);
    }
  endBlock();

  const expiresAt = BigInt(Math.floor(Date.now() / 1000) + 60 * 86_400);
  type Placed = { id: bigint; maker: Address; taker: Address; token: Address; side: 0 | 1; price: bigint };
  let pending: Placed[] = [];
  let orderId = 0n;
  let made = 0;
  const per = opts.tradesPerBlock;
  while (made < opts.trades || pending.length) {
    // This block: fill the orders placed in the previous one, then place the next ones.
    for (const o of pending) {
      const h = newTx();
      const cost = o.price;
      const fee = cost / 100n;
      emit(market, ev.filled, { orderId: o.id, taker: o.taker, shares: 1n, price: o.price, fee }, h);
      const [seller, buyer] = o.side === 0 ? [o.maker, o.taker] : [o.taker, o.maker];
      emit(o.token, ev.transfer, { from: seller, to: buyer, value: 1n }, h);
      move(o.token, seller, buyer, 1n, block);
      if (o.side === 0) {
        emit(hkd, ev.hkdTransfer, { from: o.taker, to: o.maker, value: cost }, h);
        emit(hkd, ev.hkdTransfer, { from: o.taker, to: feeRecipient, value: fee }, h);
      } else {
        emit(hkd, ev.hkdTransfer, { from: market, to: o.taker, value: cost - fee }, h);
        emit(hkd, ev.hkdTransfer, { from: market, to: feeRecipient, value: fee }, h);
      }
    }
    pending = [];
    const n = Math.min(per, opts.trades - made);
    for (let i = 0; i < n; i++) {
      const k = made + i;
      const side = (k % 2) as 0 | 1;
      const maker = investors[k % nInvestors]!;
      const taker = investors[(k * 7 + 1) % nInvestors]!;
      const o: Placed = {
        id: ++orderId,
        maker,
        taker: taker === maker ? investors[(k + 1) % nInvestors]! : taker,
        token: tokens[k % nTokens]!,
        side,
        price: BigInt(1_000 + (k % 50)) * 1_000_000n,
      };
      const h = newTx();
      emit(market, ev.placed, { orderId: o.id, maker, token: o.token, side, shares: 1n, price: o.price, expiresAt }, h);
      if (side === 1) emit(hkd, ev.hkdTransfer, { from: maker, to: market, value: o.price + o.price / 100n }, h);
      pending.push(o);
    }
    made += n;
    endBlock();
  }
  const head = block - 1;
  const t0 = Math.floor(Date.now() / 1000) - 30 * 86_400;
  const blockOf = (n: number) => ({
    number: numberToHex(n),
    hash: hashOf(`bench:block:${n}`),
    parentHash: n === 0 ? `0x${"00".repeat(32)}` : hashOf(`bench:block:${n - 1}`),
    timestamp: numberToHex(t0 + n * 2),
    gasLimit: "0x1c9c380",
    gasUsed: "0x0",
    baseFeePerGas: "0x1",
    miner: zeroAddress,
    extraData: "0x",
    logsBloom: `0x${"00".repeat(256)}`,
    nonce: "0x0000000000000000",
    difficulty: "0x0",
    size: "0x0",
    stateRoot: hashOf("state"),
    receiptsRoot: hashOf("receipts"),
    transactionsRoot: hashOf("transactions"),
    sha3Uncles: hashOf("uncles"),
    mixHash: hashOf("mix"),
    transactions: [],
    uncles: [],
  });

  // Every header is built with the chain (a node keeps them): answering one costs nothing.
  const headers = Array.from({ length: head + 1 }, (_, n) => blockOf(n));
  const tokenSet = new Set(tokens.map((t) => t.toLowerCase()));
  const balanceAt = (token: string, wallet: string, at: number): bigint => {
    const list = ledger.get(`${token.toLowerCase()}:${wallet.toLowerCase()}`);
    if (!list) return 0n;
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.block <= at) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? 0n : list[found]!.balance;
  };
  // The token's views by selector (viem's decodeFunctionData hashes every signature of the ABI on each call).
  const views = new Map<string, { name: string; inputs: AbiParameter[]; outputs: AbiParameter[] }>();
  for (const item of artworkShareTokenAbi)
    if (item.type === "function")
      views.set(
        toFunctionSelector(item as AbiFunction),
        item as unknown as { name: string; inputs: AbiParameter[]; outputs: AbiParameter[] },
      );
  /** One view of a share token at a block. */
  const tokenView = (token: Address, data: Hex, at: number): Hex => {
    const fn = views.get(data.slice(0, 10));
    if (!fn) throw new Error(`synthetic chain: no token view ${data.slice(0, 10)}`);
    const functionName = fn.name;
    const args = fn.inputs.length ? decodeAbiParameters(fn.inputs, `0x${data.slice(10)}`) : [];
    let result: unknown;
    if (functionName === "balanceOf") result = balanceAt(token, String(args![0]), at);
    else if (functionName === "totalSupply") result = OPENING * BigInt(nInvestors);
    else if (functionName === "holderCount" || functionName === "holderWalletCount") result = BigInt(nInvestors);
    else if (functionName === "holderInvestorOf") result = hashOf(`bench:investor-id:${String(args![0])}`);
    else if (fn.outputs.length === 1) result = neutral(fn.outputs[0]!);
    else result = fn.outputs.map(neutral);
    return fn.outputs.length === 1
      ? encodeAbiParameters(fn.outputs, [result])
      : encodeAbiParameters(fn.outputs, result as unknown[]);
  };
  // A node answers from its state without re-encoding it: every view but `balanceOf` is the same at every block, so
  // each answer is encoded once (the investors' views before the clock starts); `balanceOf` is one word.
  const BALANCE_OF = toFunctionSelector("balanceOf(address)");
  const encoded = new Map<string, Hex>();
  const view = (token: Address, data: Hex, at: number): Hex => {
    if (data.startsWith(BALANCE_OF))
      return `0x${balanceAt(token, `0x${data.slice(34, 74)}`, at)
        .toString(16)
        .padStart(64, "0")}`;
    const key = `${token.toLowerCase()}${data}`;
    let hex = encoded.get(key);
    if (hex === undefined) encoded.set(key, (hex = tokenView(token, data, at)));
    return hex;
  };
  for (const t of tokens) {
    for (const name of ["totalSupply", "holderCount", "holderWalletCount", "paused", "rules"] as const)
      view(t, toFunctionSelector(getAbiItem({ abi: artworkShareTokenAbi, name }) as AbiFunction), head);
    for (const w of investors)
      for (const name of ["walletState", "lockLots", "holderInvestorOf"] as const)
        view(t, encodeFunctionData({ abi: artworkShareTokenAbi, functionName: name, args: [w] }), head);
  }
  // The hand-written aggregate3 codec against viem's, once: a wrong answer would make the bench measure another path.
  const sample = [
    { target: tokens[0]!, allowFailure: false, callData: BALANCE_OF },
    {
      target: tokens[1 % nTokens]!,
      allowFailure: false,
      callData: encodeFunctionData({ abi: artworkShareTokenAbi, functionName: "lockLots", args: [investors[0]!] }),
    },
  ];
  const sampleData = encodeFunctionData({ abi: multicall3Abi, functionName: "aggregate3", args: [sample] });
  const sampleResults = sample.map((c) => view(c.target, c.callData, head));
  const viaViem = encodeFunctionResult({
    abi: multicall3Abi,
    functionName: "aggregate3",
    result: sampleResults.map((returnData) => ({ success: true, returnData })),
  });
  const decoded = decodeAggregate3Calls(sampleData);
  if (
    encodeAggregate3Result(sampleResults) !== viaViem ||
    decoded.some((c, i) => c.target !== sample[i]!.target || c.callData !== sample[i]!.callData)
  )
    throw new Error("synthetic chain: the hand-written aggregate3 codec differs from viem's");
  const ethCall = (call: { to: Address; data: Hex }, tag: Hex | string): Hex => {
    const at = tag === "latest" ? head : Number(tag);
    const to = call.to.toLowerCase();
    if (to === contracts.shareTokenFactory.toLowerCase()) {
      const { functionName, args } = decodeFunctionData({ abi: shareTokenFactoryAbi, data: call.data });
      if (functionName === "tokenCount")
        return encodeFunctionResult({ abi: shareTokenFactoryAbi, functionName, result: BigInt(nTokens) });
      if (functionName === "tokens") {
        const [offset, limit] = args as readonly [bigint, bigint];
        const result = tokens.slice(Number(offset), Number(offset + limit));
        return encodeFunctionResult({ abi: shareTokenFactoryAbi, functionName, result });
      }
    }
    if (to === contracts.multicall3!.toLowerCase()) {
      if (call.data.startsWith(AGGREGATE3))
        return encodeAggregate3Result(decodeAggregate3Calls(call.data).map((c) => view(c.target, c.callData, at)));
      const { functionName, args } = decodeFunctionData({ abi: multicall3Abi, data: call.data });
      if (functionName === "aggregate3") {
        const calls = args[0] as readonly { target: Address; callData: Hex }[];
        const result = calls.map((c) => ({ success: true, returnData: tokenView(c.target, c.callData, at) }));
        return encodeFunctionResult({ abi: multicall3Abi, functionName, result });
      }
    }
    if (tokenSet.has(to)) return view(call.to, call.data, at);
    throw new Error(`synthetic chain: no contract answers eth_call to ${call.to}`);
  };

  const calls: Record<string, number> = {};
  type LogFilter = { address?: Address | Address[]; topics?: (Hex | Hex[] | null)[]; fromBlock: Hex; toBlock: Hex };
  /** Calls `take` with each log of the filter (block and position), in chain order. */
  const eachLog = (filter: LogFilter, take: (l: RpcLog, block: number, i: number) => void) => {
    const addresses = new Set(
      (Array.isArray(filter.address) ? filter.address : filter.address ? [filter.address] : []).map((a) =>
        a.toLowerCase(),
      ),
    );
    const t0 = filter.topics?.[0];
    const sigs = t0 == null ? null : new Set(Array.isArray(t0) ? t0 : [t0]);
    const to = Math.min(Number(filter.toBlock), head);
    for (let b = Number(filter.fromBlock); b <= to; b++)
      logsByBlock[b]!.forEach((l, i) => {
        if ((!addresses.size || addresses.has(l.address)) && (!sigs || sigs.has(l.topics[0]!))) take(l, b, i);
      });
  };
  const getLogs = (filter: LogFilter) => {
    const out: RpcLog[] = [];
    eachLog(filter, (l) => out.push(l));
    return out;
  };
  // Each log's JSON is written with the chain: a node answers from stored logs, it does not encode them anew.
  const logJson = logsByBlock.map((list) => list.map((l) => JSON.stringify(l)));
  const getLogsJson = (filter: LogFilter) => {
    const parts: string[] = [];
    eachLog(filter, (_l, b, i) => parts.push(logJson[b]![i]!));
    return `[${parts.join(",")}]`;
  };

  const answer = (method: string, p: unknown[]): unknown => {
    switch (method) {
      case "eth_chainId":
        return "0x7a69";
      case "eth_blockNumber":
        return numberToHex(head);
      case "eth_getBlockByNumber": {
        const tag = p[0] as string;
        const n = tag === "latest" ? head : Number(tag);
        return n > head ? null : headers[n];
      }
      case "eth_getLogs":
        return getLogs(p[0] as Parameters<typeof getLogs>[0]);
      case "eth_call":
        return ethCall(p[0] as { to: Address; data: Hex }, (p[1] as string) ?? "latest");
      default:
        throw new Error(`synthetic chain: ${method} not served`);
    }
  };
  const timing = { answerMs: 0 };
  const request = (method: string, params: unknown[]): unknown => {
    calls[method] = (calls[method] ?? 0) + 1;
    const t = performance.now();
    try {
      return answer(method, params);
    } finally {
      timing.answerMs += performance.now() - t;
    }
  };
  /** The JSON text of one request's result (`eth_getLogs` from the stored logs' JSON). */
  const requestJson = (method: string, params: unknown[]): string => {
    if (method !== "eth_getLogs") return JSON.stringify(request(method, params) ?? null);
    calls[method] = (calls[method] ?? 0) + 1;
    const t = performance.now();
    try {
      return getLogsJson(params[0] as LogFilter);
    } finally {
      timing.answerMs += performance.now() - t;
    }
  };
  const transport = custom({
    async request({ method, params }: { method: string; params?: unknown }) {
      return request(method, (params ?? []) as unknown[]);
    },
  });
  const logs = logsByBlock.reduce((s, l) => s + l.length, 0);
  const followed = logsByBlock.reduce((s, l) => s + l.filter((x) => x.address !== hkd).length, 0);
  return {
    client: createPublicClient({ transport }) as PublicClient<Transport, Chain | undefined>,
    request,
    requestJson,
    contracts,
    tokens,
    trades: opts.trades,
    blocks: head,
    logs,
    followedLogs: followed,
    calls,
    timing,
  };
}
