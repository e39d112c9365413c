/**
 * Next.js start-up hook: runs the chain indexer inside the server process when INDEXER_MODE is
 * `embedded` (the default). Node runtime only; `startEmbeddedIndexer` guards against a double start.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if ((process.env.INDEXER_MODE ?? "embedded").trim() !== "embedded") return;
  const { startEmbeddedIndexer } = await import("./lib/indexer/embedded");
  startEmbeddedIndexer();
}
