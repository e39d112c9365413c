import "server-only";

import { cache } from "react";
import {
  type Address,
  type Chain,
  createPublicClient,
  fallback,
  http,
  type PublicClient,
  type Transport,
  webSocket,
} from "viem";
import { getServerEnv } from "@/lib/env";
import { getAtelierChain } from "./config";
import { type Deployments, loadDeployments } from "./deployments";
import { getBlockFloor } from "./freshness";

type ChainGlobals = {
  __atelierPublicClient?: PublicClient<Transport, Chain>;
  __atelierDeployments?: Deployments;
  __atelierBlockCache?: BlockCache;
};
const globalForChain = globalThis as unknown as ChainGlobals;

/** The validated deployments file for the configured chain (memoised once it loads). */
export function getDeployments(): Deployments {
  if (!globalForChain.__atelierDeployments) {
    const env = getServerEnv();
    globalForChain.__atelierDeployments = loadDeployments({
      file: env.deploymentsFile,
      expectedChainId: env.chainId,
    });
  }
  return globalForChain.__atelierDeployments;
}

function tryGetDeployments(): Deployments | null {
  try {
    return getDeployments();
  } catch {
    return null;
  }
}

export function getServerChain(): Chain {
  const env = getServerEnv();
  const chain = getAtelierChain({
    chainId: env.chainId,
    rpcUrls: env.rpcUrls,
    explorerUrl: env.explorerUrl,
  });
  const multicall3 = tryGetDeployments()?.multicall3;
  return multicall3 ? { ...chain, contracts: { ...chain.contracts, multicall3: { address: multicall3 } } } : chain;
}

/**
 * Options for `client.multicall(...)`: the deployed Multicall3 when the deployments name one,
 * otherwise deployless multicall (a fresh anvil has no Multicall3).
 */
export function getMulticallOptions(): { multicallAddress: Address } | { deployless: true } {
  const multicall3 = tryGetDeployments()?.multicall3;
  return multicall3 ? { multicallAddress: multicall3 } : { deployless: true };
}

/**
 * One viem public client per process: `fallback` over every configured RPC endpoint, and concurrent
 * `readContract` calls in one tick folded into one multicall `eth_call`.
 */
export function getPublicClient(): PublicClient<Transport, Chain> {
  if (!globalForChain.__atelierPublicClient) {
    const env = getServerEnv();
    const chain = getServerChain();
    const transports = env.rpcUrls.map((url) =>
      /^wss?:/i.test(url)
        ? webSocket(url, { retryCount: 1 })
        : http(url, { retryCount: 1, timeout: 10_000, batch: false }),
    );
    const transport = transports.length === 1 ? transports[0]! : fallback(transports, { rank: false });
    globalForChain.__atelierPublicClient = createPublicClient({
      chain,
      transport,
      // One eth_call per render however many artworks: viem's default cuts a batch at 1 kB of calldata,
      // which split a 60-artwork catalogue into three calls.
      batch: { multicall: { deployless: !chain.contracts?.multicall3, wait: 0, batchSize: 64 * 1024 } },
      pollingInterval: env.usesLocalAnvil ? 1_000 : 4_000,
    });
  }
  return globalForChain.__atelierPublicClient;
}

/**
 * The latest block number, once per request (React `cache`), and shared across requests for one second
 * (viem `cacheTime`), so a page's reads all see the same block. When a confirmed transaction has been seen
 * at a later block (`noteConfirmedBlock`), the shared number is too old for this request: ask the chain.
 */
export const getLatestBlockNumber = cache(async (): Promise<bigint> => {
  const client = getPublicClient();
  const [shared, floor] = await Promise.all([client.getBlockNumber({ cacheTime: 1_000 }), getBlockFloor()]);
  if (shared >= floor) return shared;
  return client.getBlockNumber({ cacheTime: 0 });
});

/** Small LRU of promises keyed by block number + key. Entries for older blocks age out. */
class BlockCache {
  private readonly entries = new Map<string, Promise<unknown>>();
  constructor(private readonly maxEntries: number) {}

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as Promise<T>;
    }
    const promise = load();
    this.entries.set(key, promise);
    promise.catch(() => {
      if (this.entries.get(key) === promise) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return promise;
  }

  clear(): void {
    this.entries.clear();
  }
}

function getBlockCache(): BlockCache {
  globalForChain.__atelierBlockCache ??= new BlockCache(1_000);
  return globalForChain.__atelierBlockCache;
}

/**
 * Read chain state at the latest block, memoised per (block, key): repeated reads of the same thing while
 * the chain has not moved cost nothing. `read` must pass `blockNumber` to its calls so the result really
 * belongs to that block. The key must identify the read completely (function + arguments).
 */
export async function readAtLatestBlock<T>({
  key,
  read,
}: {
  key: string;
  read: (blockNumber: bigint) => Promise<T>;
}): Promise<T> {
  const blockNumber = await getLatestBlockNumber();
  return getBlockCache().get(`${blockNumber}:${key}`, () => read(blockNumber));
}

/** Drop every cached chain read (after a write the server itself sent, or in tests). */
export function clearChainReadCache(): void {
  globalForChain.__atelierBlockCache?.clear();
}

/** Forget the memoised client, deployments and cached reads, so that the next call follows the configuration (tests). */
export function resetServerChain(): void {
  delete globalForChain.__atelierPublicClient;
  delete globalForChain.__atelierDeployments;
  delete globalForChain.__atelierBlockCache;
}
