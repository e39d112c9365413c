/**
 * Section 1: JSON-RPC requests per render, counted by the proxy between the app and anvil.
 * "cold": a block is mined (on anvil directly) before the render and the bench waits past viem's 1 s
 * block-number cache, so the per-block read cache (`readAtLatestBlock`) misses.
 * "warm": renders back to back without a new block.
 */
import { diffCounts, type RpcCounts } from "./rpc-proxy";
import { median, sleep } from "./lib";
import { mineBlock, type Stack } from "./stack";

export type RenderSample = { status: number; ms: number; rpc: RpcCounts; artworkLinks: number; bytes: number };

export type RenderSummary = {
  samples: number;
  ethCall: number;
  multicall: number;
  calls: number;
  httpRequests: number;
  /** JSON-RPC request bytes sent by the app (median). */
  requestBytes: number;
  ms: number;
  byMethod: Record<string, number>;
};

export type PageRpcResult = {
  path: string;
  artworksInDb: number;
  status: number;
  artworkLinks: number;
  cold: RenderSummary;
  warm: RenderSummary;
};

/** Distinct artwork slugs linked from the HTML. */
export function artworkLinks(html: string): number {
  const slugs = new Set<string>();
  for (const m of html.matchAll(/href="(?:https?:\/\/[^"/]+)?(?:\/[a-z]{2}(?:-[A-Za-z]+)?)?\/artworks\/([^"/?#]+)"/g))
    slugs.add(m[1]!);
  return slugs.size;
}

async function render(stack: Stack, path: string): Promise<RenderSample> {
  const before = stack.proxy.snapshot();
  const t = performance.now();
  const res = await fetch(`${stack.origin}${path}`, { redirect: "manual", signal: AbortSignal.timeout(60_000) });
  const html = await res.text();
  const ms = performance.now() - t;
  // Let any read the render left in flight land before counting.
  await sleep(150);
  return {
    status: res.status,
    ms,
    rpc: diffCounts(stack.proxy.snapshot(), before),
    artworkLinks: artworkLinks(html),
    bytes: html.length,
  };
}

function summarise(samples: RenderSample[]): RenderSummary {
  const methods = new Set(samples.flatMap((s) => Object.keys(s.rpc.byMethod)));
  const byMethod: Record<string, number> = {};
  for (const m of methods) byMethod[m] = median(samples.map((s) => s.rpc.byMethod[m] ?? 0));
  return {
    samples: samples.length,
    ethCall: median(samples.map((s) => s.rpc.byMethod["eth_call"] ?? 0)),
    multicall: median(samples.map((s) => s.rpc.byMethod["eth_call:multicall"] ?? 0)),
    calls: median(samples.map((s) => s.rpc.calls)),
    httpRequests: median(samples.map((s) => s.rpc.httpRequests)),
    requestBytes: median(samples.map((s) => s.rpc.bytesIn)),
    ms: median(samples.map((s) => s.ms)),
    byMethod,
  };
}

export async function measurePageRpc(
  stack: Stack,
  path: string,
  opts: { renders: number; artworksInDb: number },
): Promise<PageRpcResult> {
  const warmup = await render(stack, path); // compiles/caches server code paths; not counted
  const cold: RenderSample[] = [];
  for (let i = 0; i < opts.renders; i++) {
    await mineBlock(stack.chain);
    await sleep(1_100); // past viem's 1 s block-number cache (getLatestBlockNumber cacheTime)
    cold.push(await render(stack, path));
  }
  const warm: RenderSample[] = [];
  for (let i = 0; i < opts.renders; i++) warm.push(await render(stack, path));
  const last = cold.at(-1) ?? warmup;
  return {
    path,
    artworksInDb: opts.artworksInDb,
    status: last.status,
    artworkLinks: last.artworkLinks,
    cold: summarise(cold),
    warm: summarise(warm),
  };
}
