import "server-only";

import { getDb } from "@/lib/db";
import { readPageEpoch } from "@/lib/db/page-epoch";
import { getServerEnv } from "@/lib/env";

const POLL_MS = 1_000;
const globalForPoll = globalThis as unknown as { __atelierPageEpochPoll?: NodeJS.Timeout };

/**
 * Every instance reads the public page epoch once a second (lib/http/page-cache.ts): a change another instance made
 * (its indexer recorded a sale, one of its actions published an update) drops this instance's cached pages within a
 * second. The cache serves nothing until the first read. Off with PAGE_CACHE_SECONDS=0.
 */
export function startPageEpochPoll(): void {
  if (globalForPoll.__atelierPageEpochPoll || getServerEnv().pageCacheSeconds === 0) return;
  let failing = false;
  const tick = () =>
    getDb()
      .then(readPageEpoch)
      .then(() => {
        if (failing) console.log("[page-cache] epoch read again");
        failing = false;
      })
      .catch((error: unknown) => {
        // Entries still expire by age; a repeated failure is logged once.
        if (!failing) console.error("[page-cache] epoch read failed:", error instanceof Error ? error.message : error);
        failing = true;
      });
  void tick();
  globalForPoll.__atelierPageEpochPoll = setInterval(tick, POLL_MS);
  globalForPoll.__atelierPageEpochPoll.unref();
}
