/**
 * Secondary-market sections of `npm run bench`:
 *
 *   indexer    10,000 synthetic trades (placeAsk + fill pairs between two verified investors, sent to anvil with
 *              automine off and mined in batches), then the indexer catches up from scratch into an in-memory
 *              PGlite: events per second.
 *   orderbook  render time of the trading page /artworks/<slug>/trade (signed in: the order book with the
 *              viewer's own orders checked on-chain, the trade form's best offers, the market section) and of the
 *              public /artworks/<slug> (its market section), with the seeded book, then with 1,000 more open
 *              orders (asks and bids over 100 price levels). The trade page is measured for a viewer with no
 *              order in the book (alice) and for mei, who made the 500 bids.
 *
 * Transactions go to anvil directly (not through the counting proxy), from its unlocked dev accounts
 * (`eth_sendTransaction`), with explicit nonces and gas so nothing is estimated against pending state.
 */
import { createPublicClient, encodeFunctionData, http, maxUint256, type Address, type Hex } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { artworkShareTokenAbi, hKDStablecoinAbi, marketAbi, shareTokenFactoryAbi } from "../../lib/chain/abis";
import { and, count, eq } from "drizzle-orm";
import { createDatabase, migrateDatabase } from "../../lib/db/connect";
import { marketTrades } from "../../lib/db/schema";
import { createSessionToken, SESSION_COOKIE_NAME } from "../../lib/auth/tokens";
import { syncToHead } from "../../lib/indexer/projections";
import { diffCounts, type RpcCounts } from "./rpc-proxy";
import { log, median, sleep } from "./lib";
import { mineBlock, type Stack } from "./stack";

const DEV_MNEMONIC = "test test test test test test test test test test test junk";
export const addressOf = (index: number) => mnemonicToAccount(DEV_MNEMONIC, { addressIndex: index }).address;
/** Seeded demo investors (lib/demo/people.ts): both verified, both hold Quiet Mountains. */
export const MEI = addressOf(5);
const DAVID = addressOf(6);
/** Seeded, verified, holds Quiet Mountains and has no open order on it. */
export const ALICE = addressOf(11);
export const MARKET_SLUG = "quiet-mountains";
const MARKET_SYMBOL = "QMTN";
const GAS = 400_000n;

type Rpc = <T = unknown>(method: string, params?: unknown[]) => Promise<T>;

function rpcTo(url: string): {
  rpc: Rpc;
  batch: (calls: { method: string; params: unknown[] }[]) => Promise<unknown[]>;
} {
  let id = 0;
  const post = async (body: unknown) => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return res.json() as Promise<unknown>;
  };
  return {
    async rpc<T>(method: string, params: unknown[] = []) {
      const r = (await post({ jsonrpc: "2.0", id: ++id, method, params })) as {
        result?: T;
        error?: { message: string };
      };
      if (r.error) throw new Error(`${method}: ${r.error.message}`);
      return r.result as T;
    },
    async batch(calls) {
      if (calls.length === 0) return [];
      const r = (await post(calls.map((c) => ({ jsonrpc: "2.0", id: ++id, ...c })))) as {
        result?: unknown;
        error?: { message: string };
      }[];
      const failed = r.find((x) => x.error);
      if (failed) throw new Error(`batch: ${failed.error!.message}`);
      return r.map((x) => x.result);
    },
  };
}

/** Sends transactions from unlocked accounts with explicit nonces, without waiting; returns their hashes. */
class Sender {
  private nonces = new Map<string, bigint>();
  private pending: { method: string; params: unknown[] }[] = [];
  constructor(private readonly chain: ReturnType<typeof rpcTo>) {}

  async nonce(from: Address): Promise<bigint> {
    const known = this.nonces.get(from);
    if (known !== undefined) return known;
    const n = BigInt(await this.chain.rpc<Hex>("eth_getTransactionCount", [from, "pending"]));
    this.nonces.set(from, n);
    return n;
  }

  async queue(from: Address, to: Address, data: Hex) {
    const nonce = await this.nonce(from);
    this.nonces.set(from, nonce + 1n);
    this.pending.push({
      method: "eth_sendTransaction",
      params: [{ from, to, data, gas: `0x${GAS.toString(16)}`, nonce: `0x${nonce.toString(16)}` }],
    });
  }

  /** Sends everything queued (JSON-RPC batches of 200). */
  async flush(): Promise<number> {
    const all = this.pending;
    this.pending = [];
    for (let i = 0; i < all.length; i += 200) await this.chain.batch(all.slice(i, i + 200));
    return all.length;
  }
}

/** Mines blocks until the transaction pool is empty; returns the number of blocks mined. */
async function mineAll(chain: ReturnType<typeof rpcTo>): Promise<number> {
  let blocks = 0;
  for (;;) {
    const status = await chain.rpc<{ pending: Hex }>("txpool_status");
    if (BigInt(status.pending) === 0n) return blocks;
    await chain.rpc("evm_mine");
    blocks++;
  }
}

async function findToken(stack: Stack): Promise<Address> {
  const client = createPublicClient({ transport: http(stack.chain.url) });
  const f = stack.deployment.shareTokenFactory;
  const count = await client.readContract({ address: f, abi: shareTokenFactoryAbi, functionName: "tokenCount" });
  const tokens = await client.readContract({
    address: f,
    abi: shareTokenFactoryAbi,
    functionName: "tokens",
    args: [0n, count],
  });
  for (const t of tokens) {
    if (
      (await client.readContract({ address: t, abi: artworkShareTokenAbi, functionName: "symbol" })) === MARKET_SYMBOL
    )
      return t;
  }
  throw new Error(`no ${MARKET_SYMBOL} token in the seeded deployment`);
}

/** Orders expire 60 days after the bench starts (the market allows at most 90 days; the bench chain runs for minutes). */
const BENCH_EXPIRY = BigInt(Math.floor(Date.now() / 1000) + 60 * 86_400);

async function approveAll(sender: Sender, token: Address, market: Address, hkd: Address) {
  for (const who of [MEI, DAVID]) {
    await sender.queue(
      who,
      token,
      encodeFunctionData({ abi: artworkShareTokenAbi, functionName: "approve", args: [market, maxUint256] }),
    );
    await sender.queue(
      who,
      hkd,
      encodeFunctionData({ abi: hKDStablecoinAbi, functionName: "approve", args: [market, maxUint256] }),
    );
  }
}

export type IndexerBench = {
  trades: number;
  failedTrades: number;
  blocks: number;
  generateSeconds: number;
  events: number;
  tradesIndexed: number;
  indexSeconds: number;
  eventsPerSecond: number;
  tradesPerSecond: number;
};

/**
 * Generates `trades` one-share trades in rounds: david places `round` asks (mined), mei fills them (mined); then
 * the other way round, so balances stay under the token's per-investor cap. Then indexes from scratch.
 */
export async function benchIndexer(stack: Stack, opts: { trades: number; round?: number }): Promise<IndexerBench> {
  const chain = rpcTo(stack.chain.url);
  const market = stack.deployment.market;
  if (!market) throw new Error("the deployment has no market");
  const token = await findToken(stack);
  const hkd = stack.deployment.paymentToken;
  const round = opts.round ?? 150;
  const price = 1_000_000n; // HK$1 per share: the price does not change the work
  const sender = new Sender(chain);

  const t0 = performance.now();
  await chain.rpc("evm_setAutomine", [false]);
  let blocks = 0;
  let made = 0;
  let failedAsks = 0;
  try {
    await approveAll(sender, token, market, hkd);
    await sender.flush();
    blocks += await mineAll(chain);
    const reader = createPublicClient({ transport: http(stack.chain.url) });
    const orderCount = () => reader.readContract({ address: market, abi: marketAbi, functionName: "orderCount" });
    for (let r = 0; made < opts.trades; r++) {
      const n = Math.min(round, opts.trades - made);
      const [seller, buyer] = r % 2 === 0 ? [DAVID, MEI] : [MEI, DAVID];
      const before = await orderCount();
      for (let i = 0; i < n; i++)
        await sender.queue(
          seller,
          market,
          encodeFunctionData({
            abi: marketAbi,
            functionName: "placeAsk",
            args: [token, 1n, price, BENCH_EXPIRY, 100n],
          }),
        );
      await sender.flush();
      blocks += await mineAll(chain);
      // The asks this round placed, by id (an ask that reverted has none): fill exactly those, so one refused ask
      // does not shift every later fill onto the wrong order.
      const placed = Number((await orderCount()) - before);
      failedAsks += n - placed;
      for (let i = 1; i <= placed; i++)
        await sender.queue(
          buyer,
          market,
          encodeFunctionData({ abi: marketAbi, functionName: "fill", args: [before + BigInt(i), 1n, price, 100n] }),
        );
      await sender.flush();
      blocks += await mineAll(chain);
      made += n;
      if (r % 10 === 9) log(`  ${made.toLocaleString("en")} trades sent and mined (${blocks} blocks)`);
    }
  } finally {
    await chain.rpc("evm_setAutomine", [true]);
  }
  const generateSeconds = (performance.now() - t0) / 1000;
  if (failedAsks) log(`  ${failedAsks.toLocaleString("en")} of the asks were refused by the market (no order placed)`);

  // Index from scratch into an in-memory database.
  const handle = await createDatabase();
  try {
    await migrateDatabase(handle.db);
    const client = createPublicClient({ transport: http(stack.chain.url, { timeout: 120_000 }) });
    const t1 = performance.now();
    const result = await syncToHead({ db: handle.db, client, contracts: stack.deployment, confirmations: 0 });
    const indexSeconds = (performance.now() - t1) / 1000;
    const [counted] = await handle.db
      .select({ n: count() })
      .from(marketTrades)
      .where(and(eq(marketTrades.token, token.toLowerCase()), eq(marketTrades.price, price.toString())));
    const tradesIndexed = Number(counted?.n ?? 0);
    return {
      trades: opts.trades,
      failedTrades: opts.trades - tradesIndexed,
      blocks,
      generateSeconds,
      events: result.inserted,
      tradesIndexed,
      indexSeconds,
      eventsPerSecond: result.inserted / indexSeconds,
      tradesPerSecond: tradesIndexed / indexSeconds,
    };
  } finally {
    await handle.close();
  }
}

/**
 * Places `count` open orders on the market artwork: 1-share asks (david) from HK$6,000 and bids (mei) from HK$1,500
 * down, over 50 price levels each side (bids escrow their HKD).
 */
export async function placeOpenOrders(
  stack: Stack,
  count: number,
): Promise<{ asks: number; bids: number; seconds: number }> {
  const chain = rpcTo(stack.chain.url);
  const market = stack.deployment.market;
  if (!market) throw new Error("the deployment has no market");
  const token = await findToken(stack);
  const sender = new Sender(chain);
  const t0 = performance.now();
  await chain.rpc("evm_setAutomine", [false]);
  let asks = 0;
  let bids = 0;
  try {
    await approveAll(sender, token, market, stack.deployment.paymentToken);
    for (let i = 0; i < count; i++) {
      const level = BigInt(i % 50); // 50 price levels each side
      if (i % 2 === 0) {
        await sender.queue(
          DAVID,
          market,
          encodeFunctionData({
            abi: marketAbi,
            functionName: "placeAsk",
            args: [token, 1n, (6_000n + level * 10n) * 1_000_000n, BENCH_EXPIRY, 100n],
          }),
        );
        asks++;
      } else {
        await sender.queue(
          MEI,
          market,
          encodeFunctionData({
            abi: marketAbi,
            functionName: "placeBid",
            args: [token, 1n, (1_500n - level * 10n) * 1_000_000n, BENCH_EXPIRY, 100n],
          }),
        );
        bids++;
      }
    }
    await sender.flush();
    await mineAll(chain);
  } finally {
    await chain.rpc("evm_setAutomine", [true]);
  }
  return { asks, bids, seconds: (performance.now() - t0) / 1000 };
}

/** A session cookie for a seeded wallet, signed with the bench app's secret (as a SIWE sign-in would set it). */
export async function sessionCookie(stack: Stack, address: Address): Promise<string> {
  const { token } = await createSessionToken({ address, secret: stack.secrets.SESSION_SECRET });
  return `${SESSION_COOKIE_NAME}=${token}`;
}

export type PageTiming = {
  path: string;
  status: number;
  /** Bytes of HTML (the last cold render). */
  htmlBytes: number;
  coldMs: number;
  warmMs: number;
  coldEthCall: number;
  coldCalls: number;
  warmCalls: number;
  /** JSON-RPC request bytes sent by the app per cold render. */
  rpcBytes: number;
};

async function renderOnce(stack: Stack, path: string, cookie?: string) {
  const before = stack.proxy.snapshot();
  const t = performance.now();
  const res = await fetch(`${stack.origin}${path}`, {
    redirect: "manual",
    headers: cookie ? { cookie } : {},
    signal: AbortSignal.timeout(120_000),
  });
  const html = await res.text();
  const ms = performance.now() - t;
  // BENCH_HTML_DIR: keep the last HTML of each page there (to see what makes a page heavy).
  const keep = process.env.BENCH_HTML_DIR;
  if (keep) {
    const { mkdirSync, writeFileSync } = await import("node:fs");
    mkdirSync(keep, { recursive: true });
    writeFileSync(`${keep}/${path.replace(/[^a-z0-9]+/gi, "_") || "home"}.html`, html);
  }
  await sleep(150); // let any read the render left in flight land before counting
  return { status: res.status, ms, bytes: html.length, rpc: diffCounts(stack.proxy.snapshot(), before) };
}

/**
 * Median render time of a page, signed in with `cookie` when given: "cold" renders follow a new block (and
 * viem's 1 s block-number cache), so the per-block read cache misses; "warm" renders follow each other.
 * A redirect (to sign-in or onboarding) is reported by its status, not timed as a page.
 */
export async function measurePage(
  stack: Stack,
  path: string,
  opts: { renders: number; cookie?: string },
): Promise<PageTiming> {
  await renderOnce(stack, path, opts.cookie); // warm-up: compiles/caches server code paths; not counted
  const cold: Awaited<ReturnType<typeof renderOnce>>[] = [];
  for (let i = 0; i < opts.renders; i++) {
    await mineBlock(stack.chain);
    await sleep(1_100);
    cold.push(await renderOnce(stack, path, opts.cookie));
  }
  const warm: Awaited<ReturnType<typeof renderOnce>>[] = [];
  for (let i = 0; i < opts.renders; i++) warm.push(await renderOnce(stack, path, opts.cookie));
  const calls = (r: { rpc: RpcCounts }) => r.rpc.calls;
  const last = cold.at(-1)!;
  return {
    path,
    status: last.status,
    htmlBytes: last.bytes,
    coldMs: median(cold.map((r) => r.ms)),
    warmMs: median(warm.map((r) => r.ms)),
    coldEthCall: median(cold.map((r) => r.rpc.byMethod["eth_call"] ?? 0)),
    coldCalls: median(cold.map(calls)),
    warmCalls: median(warm.map(calls)),
    rpcBytes: median(cold.map((r) => r.rpc.bytesIn)),
  };
}
