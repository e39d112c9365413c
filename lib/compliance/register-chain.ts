/**
 * The holder register of one share token, read from the chain at one block: the on-chain enumeration
 * (`holders(offset, limit)`, paged) and, per wallet, balance, freeze flag, frozen part, lock-up, the investor id
 * the balance is accounted to and whether the registry verifies the wallet now (at that block). Every read names
 * the block, so a past block gives the register as it stood then (anvil and archive nodes keep history).
 *
 * Reads are batched: one multicall for the token's header, one for the pages of the enumeration, then one
 * multicall (split by viem into eth_calls of `batchBytes` of calldata) for the wallets' state.
 *
 * Plain module (no `server-only`, no database): the server joins identities in `register.ts`; tests and the
 * benchmark call it directly with their own client.
 */
import {
  type Address,
  type Chain,
  decodeFunctionResult,
  encodeFunctionData,
  getAbiItem,
  type Hex,
  multicall3Abi,
  numberToHex,
  type PublicClient,
  toFunctionSelector,
  type Transport,
} from "viem";
import { artworkShareTokenAbi, identityRegistryAbi } from "@/lib/chain/abis";

/** The token's header at a block (supply, holder and wallet counts, pause, rules), as contract reads to batch. */
export function tokenHeaderReads(token: Address) {
  const c = { address: token, abi: artworkShareTokenAbi } as const;
  return [
    { ...c, functionName: "totalSupply" },
    { ...c, functionName: "holderCount" },
    { ...c, functionName: "holderWalletCount" },
    { ...c, functionName: "paused" },
    { ...c, functionName: "rules" },
  ] as const;
}

/** Wallets per `holders(offset, limit)` call. */
export const HOLDER_PAGE = 1_000n;
/** Calldata bytes per eth_call when reading wallet state through a deployed Multicall3 (about 450 wallets × 4 reads,
 * well under the gas cap). */
export const DEFAULT_BATCH_BYTES = 64 * 1024;
/**
 * Deployless multicall returns its results from a constructor, so one eth_call may return at most 24,576 bytes (the
 * contract size limit): about 740 bytes of results per wallet here, so ~24 wallets (3.5 kB of calldata) per eth_call.
 */
export const DEPLOYLESS_BATCH_BYTES = 3_500;

export type ChainHolder = {
  wallet: Address;
  shares: bigint;
  frozen: boolean;
  frozenAmount: bigint;
  lockedAmount: bigint;
  /** Unix seconds; 0 when no lock-up is running. */
  lockedUntil: number;
  /** Investor id the balance is accounted to (bytes32). */
  investorId: Hex;
  /** The registry verifies the wallet at this block (linked and KYC not expired). */
  verified: boolean;
};

export type ChainRegister = {
  token: Address;
  blockNumber: bigint;
  /** Block timestamp (unix seconds). */
  blockTime: number;
  name: string;
  symbol: string;
  totalSupply: bigint;
  /** Investors with a non-zero balance. */
  holderCount: number;
  holderWalletCount: number;
  maxHolders: number;
  paused: boolean;
  holders: ChainHolder[];
};

type Client = PublicClient<Transport, Chain | undefined>;
export type MulticallTarget = { multicallAddress: Address } | { deployless: true };

export async function readChainRegister({
  client,
  token,
  blockNumber,
  multicall = { deployless: true },
  batchBytes = "deployless" in multicall ? DEPLOYLESS_BATCH_BYTES : DEFAULT_BATCH_BYTES,
}: {
  client: Client;
  token: Address;
  blockNumber?: bigint;
  multicall?: MulticallTarget;
  batchBytes?: number;
}): Promise<ChainRegister> {
  const block = blockNumber ?? (await client.getBlockNumber({ cacheTime: 0 }));
  const c = { address: token, abi: artworkShareTokenAbi } as const;
  const opts = { ...multicall, blockNumber: block, allowFailure: false as const, batchSize: batchBytes };
  const [blockInfo, header] = await Promise.all([
    client.getBlock({ blockNumber: block }),
    client.multicall({
      ...opts,
      contracts: [
        { ...c, functionName: "name" },
        { ...c, functionName: "symbol" },
        ...tokenHeaderReads(token),
        { ...c, functionName: "identityRegistry" },
      ],
    }),
  ]);
  const [name, symbol, totalSupply, holderCount, walletCount, paused, rules, registry] = header;

  // Each page returns 32 kB of addresses: plain eth_calls to the token (in parallel), never folded into a multicall.
  const pages: bigint[] = [];
  for (let offset = 0n; offset < walletCount; offset += HOLDER_PAGE) pages.push(offset);
  const wallets = (
    await Promise.all(
      pages.map(async (offset) => {
        const data = encodeFunctionData({
          abi: artworkShareTokenAbi,
          functionName: "holders",
          args: [offset, HOLDER_PAGE],
        });
        const result = (await client.request({
          method: "eth_call",
          params: [{ to: token, data }, numberToHex(block)],
        })) as Hex;
        return decodeFunctionResult({ abi: artworkShareTokenAbi, functionName: "holders", data: result });
      }),
    )
  ).flat();

  const state =
    "multicallAddress" in multicall
      ? await readWalletStatesAggregate3({
          client,
          token,
          registry,
          wallets,
          block,
          multicall: multicall.multicallAddress,
          batchBytes,
        })
      : await readWalletStatesMulticall({ client, token, registry, wallets, opts });

  const holders: ChainHolder[] = wallets.map((wallet, i) => {
    const shares = state[i * 4] as bigint;
    const [frozen, frozenAmount, lockedAmount, lockedUntil] = state[i * 4 + 1] as readonly [
      boolean,
      bigint,
      bigint,
      bigint,
    ];
    return {
      wallet,
      shares,
      frozen,
      frozenAmount,
      lockedAmount,
      lockedUntil: Number(lockedUntil),
      investorId: state[i * 4 + 2] as Hex,
      verified: state[i * 4 + 3] as boolean,
    };
  });

  return {
    token,
    blockNumber: block,
    blockTime: Number(blockInfo.timestamp),
    name,
    symbol,
    totalSupply,
    holderCount: Number(holderCount),
    holderWalletCount: Number(walletCount),
    maxHolders: Number(rules.maxHolders),
    paused,
    holders,
  };
}

type WalletStates = readonly unknown[];

/** viem's multicall, one typed call per read (deployless: a Multicall3 deployed inside each eth_call). */
async function readWalletStatesMulticall({
  client,
  token,
  registry,
  wallets,
  opts,
}: {
  client: Client;
  token: Address;
  registry: Address;
  wallets: readonly Address[];
  opts: { blockNumber: bigint; allowFailure: false; batchSize: number } & MulticallTarget;
}): Promise<WalletStates> {
  if (!wallets.length) return [];
  const c = { address: token, abi: artworkShareTokenAbi } as const;
  const r = { address: registry, abi: identityRegistryAbi } as const;
  return client.multicall({
    ...opts,
    contracts: wallets.flatMap((w) => [
      { ...c, functionName: "balanceOf" as const, args: [w] as const },
      { ...c, functionName: "walletState" as const, args: [w] as const },
      { ...c, functionName: "holderInvestorOf" as const, args: [w] as const },
      { ...r, functionName: "isVerified" as const, args: [w] as const },
    ]),
  });
}

const SELECTOR = {
  balanceOf: toFunctionSelector(getAbiItem({ abi: artworkShareTokenAbi, name: "balanceOf" })),
  walletState: toFunctionSelector(getAbiItem({ abi: artworkShareTokenAbi, name: "walletState" })),
  holderInvestorOf: toFunctionSelector(getAbiItem({ abi: artworkShareTokenAbi, name: "holderInvestorOf" })),
  isVerified: toFunctionSelector(getAbiItem({ abi: identityRegistryAbi, name: "isVerified" })),
};
const aggregate3 = getAbiItem({ abi: multicall3Abi, name: "aggregate3" });

/**
 * The same four reads per wallet through the deployed Multicall3 (`aggregate3`), with the calldata written directly
 * (selector + padded address) and the fixed-size results read by slicing: at 10,000 wallets the 40,000 typed
 * encode/decode steps of a generic multicall cost more than the chain's own work.
 */
async function readWalletStatesAggregate3({
  client,
  token,
  registry,
  wallets,
  block,
  multicall,
  batchBytes,
}: {
  client: Client;
  token: Address;
  registry: Address;
  wallets: readonly Address[];
  block: bigint;
  multicall: Address;
  batchBytes: number;
}): Promise<WalletStates> {
  if (!wallets.length) return [];
  // `batchBytes` of the calls' own calldata (4 × 36 bytes per wallet): about 450 wallets per eth_call by default.
  const perBatch = Math.max(1, Math.floor(batchBytes / (4 * 36)));
  const batches: Address[][] = [];
  for (let i = 0; i < wallets.length; i += perBatch) batches.push(wallets.slice(i, i + perBatch));
  const results = await Promise.all(
    batches.map(async (batch) => {
      const calls = batch.flatMap((w) => {
        const arg = w.slice(2).toLowerCase().padStart(64, "0");
        return [
          { target: token, allowFailure: false, callData: `${SELECTOR.balanceOf}${arg}` as Hex },
          { target: token, allowFailure: false, callData: `${SELECTOR.walletState}${arg}` as Hex },
          { target: token, allowFailure: false, callData: `${SELECTOR.holderInvestorOf}${arg}` as Hex },
          { target: registry, allowFailure: false, callData: `${SELECTOR.isVerified}${arg}` as Hex },
        ];
      });
      const data = encodeFunctionData({ abi: [aggregate3], functionName: "aggregate3", args: [calls] });
      const raw = (await client.request({
        method: "eth_call",
        params: [{ to: multicall, data }, numberToHex(block)],
      })) as Hex;
      const out = decodeFunctionResult({ abi: [aggregate3], functionName: "aggregate3", data: raw });
      return out.flatMap((res, k): unknown[] => {
        if (!res.success) throw new Error(`register read ${k} failed at block ${block}`);
        const d = res.returnData;
        const word = (n: number) => BigInt(`0x${d.slice(2 + n * 64, 2 + (n + 1) * 64)}`);
        switch (k % 4) {
          case 0:
            return [word(0)];
          case 1:
            return [[word(0) !== 0n, word(1), word(2), word(3)] as const];
          case 2:
            return [`0x${d.slice(2, 66)}` as Hex];
          default:
            return [word(0) !== 0n];
        }
      });
    }),
  );
  return results.flat();
}
