import "server-only";

import { getServerEnv } from "@/lib/env";
import { createDatabase, type Database, type DatabaseHandle } from "./connect";

export type { Database, Transaction } from "./connect";
export * as schema from "./schema";

const globalForDb = globalThis as unknown as { __atelierDb?: Promise<DatabaseHandle> };

/**
 * The process-wide database (one PGlite or one PostgreSQL pool), created from the server configuration.
 * Stashed on globalThis so Next dev HMR does not open PGlite twice. Migrations are applied by the start
 * script before the server starts, not here.
 */
export async function getDb(): Promise<Database> {
  globalForDb.__atelierDb ??= createDbHandle();
  return (await globalForDb.__atelierDb).db;
}

function createDbHandle(): Promise<DatabaseHandle> {
  const env = getServerEnv();
  const handle = createDatabase({
    url: env.databaseUrl,
    dataDir: env.databaseUrl ? undefined : env.dataDir,
  });
  handle.catch(() => {
    // Let the next call retry instead of caching a failure forever.
    delete globalForDb.__atelierDb;
  });
  return handle;
}

/** Close the process-wide database (graceful shutdown). */
export async function closeDb(): Promise<void> {
  const handle = globalForDb.__atelierDb;
  delete globalForDb.__atelierDb;
  if (handle) await (await handle).close();
}
