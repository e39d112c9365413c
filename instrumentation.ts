/**
 * Next.js start-up hook (Node runtime only): runs the chain indexer inside the server process when INDEXER_MODE is
 * `embedded` (the default), and the periodic housekeeping (KYC expiry, stale nonces) on every instance. Both guard
 * against a double start.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startHousekeeping } = await import("./lib/jobs/housekeeping");
  startHousekeeping();
  if ((process.env.INDEXER_MODE ?? "embedded").trim() !== "embedded") return;
  const { startEmbeddedIndexer } = await import("./lib/indexer/embedded");
  startEmbeddedIndexer();
}
