/** Section 1: JSON-RPC requests per render (counting proxy between the app and anvil), 6 and 60 artworks. */
import { artworks as demoArtworks } from "../../seed/data";
import { fmt, log, printTable, section } from "../lib";
import { addBenchArtworks } from "../more-artworks";
import { measurePageRpc, type PageRpcResult } from "../rpc";
import { startWeb, stopWeb, withDatabase, type Stack } from "../stack";
import { fail, ports, settings, summary } from "./context";

const EXTRA_ARTWORKS = 54;

export function printRpc(pages: PageRpcResult[]) {
  printTable(
    "JSON-RPC requests per render (median; cold = new block before the render, warm = same block)",
    [
      "page",
      "artworks",
      "links",
      "status",
      "cold eth_call",
      "cold multicall",
      "cold calls",
      "cold HTTP",
      "cold RPC bytes",
      "warm eth_call",
      "warm calls",
      "warm HTTP",
      "cold ms",
      "warm ms",
    ],
    pages.map((p) => [
      p.path,
      p.artworksInDb,
      p.artworkLinks,
      p.status,
      fmt(p.cold.ethCall),
      fmt(p.cold.multicall),
      fmt(p.cold.calls),
      fmt(p.cold.httpRequests),
      fmt(p.cold.requestBytes),
      fmt(p.warm.ethCall),
      fmt(p.warm.calls),
      fmt(p.warm.httpRequests),
      fmt(p.cold.ms),
      fmt(p.warm.ms),
    ]),
  );
  for (const p of pages) {
    const methods = Object.entries(p.cold.byMethod)
      .filter(([, n]) => n > 0)
      .map(([m, n]) => `${m}=${n}`)
      .join(" ");
    console.log(`  cold ${p.path} (${p.artworksInDb} artworks) by method: ${methods || "(none)"}`);
  }
  const home = pages.filter((p) => p.path === "/");
  if (home.length === 2) {
    const [a, b] = home as [PageRpcResult, PageRpcResult];
    const grows = b.cold.calls > a.cold.calls || b.cold.ethCall > a.cold.ethCall;
    console.log(
      `  catalogue: ${a.artworksInDb} → ${b.artworksInDb} artworks: cold eth_call ${a.cold.ethCall} → ${b.cold.ethCall}, ` +
        `JSON-RPC calls ${a.cold.calls} → ${b.cold.calls} (${grows ? "GROWS with the catalogue" : "does not grow with the catalogue"})`,
    );
  }
}

/** The seeded catalogue's pages (6 artworks). */
export async function runRpc(stack: Stack, artworkPath: string, rpcPages: PageRpcResult[]): Promise<void> {
  for (const p of ["/", artworkPath]) {
    log(`measuring ${p}: 1 warm-up + ${settings.renders} cold + ${settings.renders} warm renders`);
    rpcPages.push(await measurePageRpc(stack, p, { renders: settings.renders, artworksInDb: demoArtworks.length }));
  }
  printRpc(rpcPages);
}

/** The same pages once 54 more artworks are listed (run last: it adds to the bench's data). */
export async function runRpcMoreArtworks(stack: Stack, artworkPath: string, rpcPages: PageRpcResult[]): Promise<void> {
  const total = demoArtworks.length + EXTRA_ARTWORKS;
  section(`1b. JSON-RPC requests per render — ${total} artworks`);
  try {
    await stopWeb(stack);
    const t = performance.now();
    const s = stack;
    await withDatabase(s.env, (db) =>
      addBenchArtworks({ db, rpcUrl: s.chain.url, deployment: s.deployment, count: EXTRA_ARTWORKS, log }),
    );
    log(
      `added ${EXTRA_ARTWORKS} artworks (tokens + offerings on chain, rows in the database) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    await startWeb(stack, ports.web);
    for (const p of ["/", artworkPath]) {
      log(`measuring ${p}: 1 warm-up + ${settings.renders} cold + ${settings.renders} warm renders`);
      rpcPages.push(await measurePageRpc(stack, p, { renders: settings.renders, artworksInDb: total }));
    }
    printRpc(rpcPages);
  } catch (err) {
    fail("rpc (60 artworks)", err);
    if (rpcPages.length) printRpc(rpcPages);
  }
  summary.rpc = {
    pages: rpcPages,
    note: "Counted at a proxy between next start and anvil (INDEXER_MODE=off). cold: evm_mine on anvil directly, then 1.1 s wait (viem block-number cache), then the render; warm: back-to-back renders at the same block.",
  };
}
