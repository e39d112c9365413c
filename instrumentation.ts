/**
 * Next.js start-up hook (Node runtime only): runs the chain indexer inside the server process when INDEXER_MODE is
 * `embedded` (the default), and the periodic housekeeping (KYC expiry, stale nonces) and the notification jobs
 * (the email outbox, offerings opening for followers) and the public page cache's epoch poll on every instance. Each
 * guards against a double start. Every request is stamped with its socket's address first (lib/http/client-ip.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request: the audit log and rate limits read the socket's address from this stamp.
  const { stampPeerAddress } = await import("./lib/http/client-ip");
  stampPeerAddress();
  const { startHousekeeping } = await import("./lib/jobs/housekeeping");
  startHousekeeping();
  const { startNotificationJobs } = await import("./lib/jobs/notifications");
  startNotificationJobs();
  const { startPageEpochPoll } = await import("./lib/jobs/page-epoch");
  startPageEpochPoll();
  if ((process.env.INDEXER_MODE ?? "embedded").trim() !== "embedded") return;
  const { startEmbeddedIndexer } = await import("./lib/indexer/embedded");
  startEmbeddedIndexer();
}
