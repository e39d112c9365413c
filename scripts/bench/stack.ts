/**
 * The benchmarked stack, assembled step by step (instead of through scripts/start.ts) so that the app's
 * RPC goes through the counting proxy while set-up and `evm_mine` go to anvil directly:
 *
 *   anvil (127.0.0.1:ANVIL) ← counting proxy (127.0.0.1:PROXY) ← next start (127.0.0.1:WEB)
 *
 * Data lives in DATA_DIR (.data-bench by default), wiped at the start of every run.
 */
import { isBuildStale, markBuildStart } from "../lib/web-build";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { mnemonicToAccount } from "viem/accounts";
import { parseServerEnv, type ServerEnv } from "../../lib/env";
import { startAnvil, type LocalChain } from "../../lib/chain/local/anvil";
import { deployAtelier } from "../../lib/chain/deploy";
import type { Deployments } from "../../lib/chain/deployments";
import { createDatabase, migrateDatabase, type Database } from "../../lib/db/connect";
import { seedDemo } from "../seed";
import { log, onCleanup, runCommand, spawnChild, tail, waitForHttp, type Child } from "./lib";
import { startRpcProxy, type RpcProxy } from "./rpc-proxy";

export type Ports = { web: number; anvil: number; proxy: number; bare: number };

export type Stack = {
  env: ServerEnv;
  chain: LocalChain;
  proxy: RpcProxy;
  deployment: Deployments;
  origin: string;
  /** Environment for `next start` (RPC through the proxy). */
  webEnv: NodeJS.ProcessEnv;
  web: Child | null;
  secrets: { SESSION_SECRET: string; DOCUMENT_ENCRYPTION_KEY: string };
};

const DEV_MNEMONIC = "test test test test test test test test test test test junk";

/** Starts anvil + proxy, deploys the contracts and seeds the demo data (6 artworks). */
export async function setUpChainAndData(opts: { ports: Ports; dataDir: string }): Promise<Stack> {
  const { ports, dataDir } = opts;
  if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(path.join(dataDir, "deployments"), { recursive: true });
  mkdirSync(path.join(dataDir, "files"), { recursive: true });

  const origin = `http://127.0.0.1:${ports.web}`;
  const secrets = {
    SESSION_SECRET: randomBytes(32).toString("hex"),
    DOCUMENT_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
  };
  const baseEnv = {
    DATA_DIR: dataDir,
    PORT: String(ports.web),
    ANVIL_PORT: String(ports.anvil),
    APP_ORIGIN: origin,
    CHAIN_ID: "31337",
    ...secrets,
  };
  // Set-up talks to anvil directly (RPC_URL unset ⇒ rpcUrls = the local anvil URL).
  const env = parseServerEnv(baseEnv);

  log(`starting anvil on 127.0.0.1:${ports.anvil} (no state file: fresh chain)`);
  const chain = await startAnvil({ port: ports.anvil, chainId: 31337 });
  onCleanup({ name: "anvil", run: () => chain.stop() });

  log("deploying contracts");
  const deployment = await deployAtelier({
    rpcUrl: chain.url,
    chainId: 31337,
    account: mnemonicToAccount(DEV_MNEMONIC, { addressIndex: 0 }),
    file: env.deploymentsFile,
  });

  const proxy = await startRpcProxy({
    port: ports.proxy,
    target: chain.url,
    multicallAddresses: deployment.multicall3 ? [deployment.multicall3] : [],
  });
  onCleanup({ name: "rpc proxy", run: () => proxy.close() });
  log(`counting JSON-RPC proxy on ${proxy.url} → ${chain.url}`);

  await withDatabase(env, async (db) => {
    await migrateDatabase(db);
    await seedDemo({ db, env, deployment, log: (m) => log(`seed: ${m}`) });
  });

  const webEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...baseEnv,
    RPC_URL: proxy.url,
    // No background indexer: every JSON-RPC call counted belongs to a page render.
    INDEXER_MODE: "off",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  };
  return { env, chain, proxy, deployment, origin, webEnv, web: null, secrets };
}

/** Opens the PGlite database of the bench data dir (only while `next start` is stopped), runs fn, closes it. */
export async function withDatabase<T>(env: ServerEnv, fn: (db: Database) => Promise<T>): Promise<T> {
  const handle = await createDatabase({ url: env.databaseUrl, dataDir: env.dataDir });
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

/** The build folder: NEXT_DIST_DIR (next.config.js reads it too, so parallel worktrees' stacks do not clash), else .next. */
const distDir = process.env.NEXT_DIST_DIR || ".next";

/** Runs `next build` in the repo when the build is missing or older than the sources (unless noBuild). */
export async function ensureAppBuild(opts: {
  noBuild: boolean;
  forceBuild: boolean;
}): Promise<{ built: boolean; seconds?: number }> {
  const buildId = path.join(distDir, "BUILD_ID");
  const exists = existsSync(buildId);
  if (opts.noBuild && exists) {
    log("serving the existing build (--no-build)");
    return { built: false };
  }
  const stale = !exists || isBuildStale(process.cwd(), distDir);
  if (!stale && !opts.forceBuild) {
    log("web build is up to date");
    return { built: false };
  }
  log("building the web app (next build)…");
  const t = performance.now();
  const startedMs = Date.now();
  const res = await runCommand("next build", path.join("node_modules", ".bin", "next"), ["build"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  if (res.code !== 0) throw new Error(`next build failed (${res.code}):\n${tail(res.output, 40)}`);
  const seconds = (performance.now() - t) / 1000;
  log(`next build done in ${seconds.toFixed(0)} s`);
  if (markBuildStart(process.cwd(), startedMs, distDir))
    log("sources changed during the build: the next run builds again");
  return { built: true, seconds };
}

/** Starts `next start` for the app on the bench port (RPC through the proxy) and waits for /api/health. */
export async function startWeb(stack: Stack, port: number): Promise<void> {
  const web = spawnChild(
    "next start (app)",
    path.join("node_modules", ".bin", "next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: { ...stack.webEnv, PORT: String(port) },
    },
  );
  stack.web = web;
  await waitForHttp(`${stack.origin}/api/health`, { timeoutMs: 120_000, child: web });
}

export async function stopWeb(stack: Stack): Promise<void> {
  if (stack.web) await stack.web.stop();
  stack.web = null;
}

/** Mines one block on anvil directly (not through the proxy, so it is not counted). */
export async function mineBlock(chain: LocalChain): Promise<void> {
  const res = await fetch(chain.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "evm_mine", params: [] }),
  });
  const body = (await res.json()) as { error?: { message: string } };
  if (body.error) throw new Error(`evm_mine failed: ${body.error.message}`);
}
