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
  type Hex,
  numberToHex,
  type PublicClient,
  type Transport,
} from "viem";
import { artworkShareTokenAbi, identityRegistryAbi } from "@/lib/chain/abis";

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
        { ...c, functionName: "totalSupply" },
        { ...c, functionName: "holderCount" },
        { ...c, functionName: "holderWalletCount" },
        { ...c, functionName: "rules" },
        { ...c, functionName: "paused" },
        { ...c, functionName: "identityRegistry" },
      ],
    }),
  ]);
  const [name, symbol, totalSupply, holderCount, walletCount, rules, paused, registry] = header;

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

  const r = { address: registry, abi: identityRegistryAbi } as const;
  const state = wallets.length
    ? await client.multicall({
        ...opts,
        contracts: wallets.flatMap((w) => [
          { ...c, functionName: "balanceOf" as const, args: [w] as const },
          { ...c, functionName: "walletState" as const, args: [w] as const },
          { ...c, functionName: "holderInvestorOf" as const, args: [w] as const },
          { ...r, functionName: "isVerified" as const, args: [w] as const },
        ]),
      })
    : [];

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
