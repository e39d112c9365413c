import "server-only";

import { getDeployments, getPublicClient } from "@/lib/chain/server";
import { getDb } from "@/lib/db";
import { getServerEnv } from "@/lib/env";
import { runIndexerLoop } from "./projections";

const globalForEmbedded = globalThis as unknown as { __atelierEmbeddedIndexer?: AbortController };

/**
 * Starts the indexer inside the web server (INDEXER_MODE=embedded, the default). Idempotent: a second
 * call in the same process (Next dev reloads, a repeated `register()`) does nothing.
 */
export function startEmbeddedIndexer(): void {
  if (globalForEmbedded.__atelierEmbeddedIndexer) return;
  const env = getServerEnv();
  if (env.indexerMode !== "embedded") return;
  const controller = new AbortController();
  globalForEmbedded.__atelierEmbeddedIndexer = controller;
  const log = (message: string) => console.log(`[indexer] ${message}`);
  void (async () => {
    // The deployments file may appear a moment after the server (first start deploys first, but be patient).
    let deployments: ReturnType<typeof getDeployments> | null = null;
    while (!deployments && !controller.signal.aborted) {
      try {
        deployments = getDeployments();
      } catch {
        await new Promise((r) => setTimeout(r, 2_000));
      }
    }
    if (!deployments) return;
    const db = await getDb();
    log(`embedded indexer started (confirmations ${env.confirmations})`);
    await runIndexerLoop({
      mode: "embedded",
      db,
      client: getPublicClient(),
      contracts: deployments,
      confirmations: env.confirmations,
      intervalMs: env.usesLocalAnvil ? 1_000 : 4_000,
      signal: controller.signal,
      log,
    });
  })().catch((error: unknown) => {
    console.error("[indexer] stopped:", error);
    delete globalForEmbedded.__atelierEmbeddedIndexer;
  });
}

/** Stops the embedded indexer (graceful shutdown). */
export function stopEmbeddedIndexer(): void {
  globalForEmbedded.__atelierEmbeddedIndexer?.abort();
  delete globalForEmbedded.__atelierEmbeddedIndexer;
}
