/**
 * `npm run indexer`: the chain indexer as its own process (INDEXER_MODE=worker on the web servers).
 *
 * Needs PostgreSQL (DATABASE_URL): only one worker writes, enforced with a Postgres advisory lock held on
 * a dedicated connection for the life of the process; a second worker waits for the lock. PGlite allows
 * one process per data folder, so on the embedded database the indexer runs inside the server instead.
 */
import { createPublicClient, fallback, http, webSocket } from "viem";
import pg from "pg";
import { ConfigurationError, parseServerEnv } from "../lib/env";
import { getAtelierChain } from "../lib/chain/config";
import { loadDeployments } from "../lib/chain/deployments";
import { createDatabase } from "../lib/db/connect";
import { runIndexerLoop } from "../lib/indexer/projections";

/** Advisory lock key of the single indexer writer. */
export const INDEXER_LOCK_KEY = 7_241_031_006;

const log = (message: string) => console.log(`[indexer ${new Date().toISOString()}] ${message}`);

async function main(): Promise<void> {
  let env;
  try {
    env = parseServerEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (!env.databaseUrl) {
    console.error(
      "The indexer worker needs PostgreSQL (DATABASE_URL). With the embedded database (PGlite) the indexer runs inside the web server: INDEXER_MODE=embedded.",
    );
    process.exit(1);
  }
  const deployments = loadDeployments({ file: env.deploymentsFile, expectedChainId: env.chainId });

  const lockClient = new pg.Client({ connectionString: env.databaseUrl });
  await lockClient.connect();
  let announced = false;
  for (;;) {
    const res = await lockClient.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      INDEXER_LOCK_KEY,
    ]);
    if (res.rows[0]?.locked) break;
    if (!announced) log("another indexer holds the lock; waiting to take over");
    announced = true;
    await new Promise((r) => setTimeout(r, 5_000));
  }
  log("holding the indexer lock");

  const chain = getAtelierChain({ chainId: env.chainId, rpcUrls: env.rpcUrls, explorerUrl: env.explorerUrl });
  const transports = env.rpcUrls.map((url) =>
    /^wss?:/i.test(url) ? webSocket(url) : http(url, { retryCount: 2, timeout: 20_000 }),
  );
  const client = createPublicClient({
    chain,
    transport: transports.length === 1 ? transports[0]! : fallback(transports),
  });
  const handle = await createDatabase({ url: env.databaseUrl, poolSize: 2 });

  const controller = new AbortController();
  const stop = () => controller.abort();
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // Losing the lock connection means another worker may take over: stop writing at once.
  lockClient.on("error", (error) => {
    log(`lock connection lost (${error.message}); stopping`);
    controller.abort();
    process.exitCode = 1;
  });

  await runIndexerLoop({
    mode: "worker",
    db: handle.db,
    client,
    contracts: deployments,
    confirmations: env.confirmations,
    intervalMs: env.usesLocalAnvil ? 1_000 : 4_000,
    signal: controller.signal,
    log,
  });
  log("stopping");
  await handle.close();
  await lockClient.end().catch(() => {});
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
