/**
 * Whether a PGlite data folder already holds every migration, without opening it: opening PGlite (its WASM
 * Postgres) costs seconds, and PGlite allows one process, so `npm start` would open it, find nothing to do, close it,
 * and the web server would open it again. After migrating, the start script writes a marker inside the PGlite folder
 * with a hash of what the migrator reads (the journal and the SQL files); a later start skips the open when the
 * marker's hash is the current one. Inside the folder, the marker goes away with the database (a reset, `rm -rf`),
 * and a changed, added or removed migration changes the hash: either way the start migrates again.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isLocalChain, type ServerEnv } from "../../lib/env";
import { readSeedMarker } from "../seed/marker";

const MARKER = "atelier-migrations.json";

/** sha256 of the migrations folder's journal and SQL files (names and contents), the files drizzle's migrator reads. */
export function migrationsHash(migrationsFolder: string): string {
  const hash = createHash("sha256");
  const journal = path.join("meta", "_journal.json");
  const files = [journal, ...readdirSync(migrationsFolder).filter((f) => f.endsWith(".sql"))].sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(migrationsFolder, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** True when `pgliteDir` holds a marker for exactly these migrations (so it needs no migrating). */
export function isMigrated(pgliteDir: string, migrationsFolder: string): boolean {
  const file = path.join(pgliteDir, MARKER);
  if (!existsSync(file)) return false;
  try {
    const marker = JSON.parse(readFileSync(file, "utf8")) as { migrations?: unknown };
    return marker.migrations === migrationsHash(migrationsFolder);
  } catch {
    return false;
  }
}

/** Records, after a successful migration, that `pgliteDir` holds these migrations. */
export function markMigrated(pgliteDir: string, migrationsFolder: string): void {
  const marker = { migrations: migrationsHash(migrationsFolder), at: new Date().toISOString() };
  writeFileSync(path.join(pgliteDir, MARKER), JSON.stringify(marker, null, 2) + "\n");
}

type SetupEnv = Pick<ServerEnv, "dataDir" | "databaseUrl" | "pgliteDir" | "deploymentsFile" | "chainId">;

/**
 * True when the start script need not open the database: PGlite (PostgreSQL is always migrated, cheaply and under
 * its lock), marked as holding these migrations, and — on the local chain — seeded for `identityRegistry`.
 */
export function databaseReady(env: SetupEnv, identityRegistry: string, migrationsFolder: string): boolean {
  if (env.databaseUrl) return false;
  if (isLocalChain(env) && readSeedMarker(env)?.identityRegistry !== identityRegistry) return false;
  return isMigrated(env.pgliteDir, migrationsFolder);
}

/**
 * Before the chain is asked: true when the data folder shows nothing to set up for the deployment it records (the
 * deployments file names a registry and the database is ready for it). The chain check may still find otherwise (its
 * state was lost): the start script then restarts the web server it started early.
 */
export function nothingToSetUp(env: SetupEnv, migrationsFolder: string): boolean {
  if (!existsSync(env.deploymentsFile)) return false;
  try {
    const { identityRegistry } = JSON.parse(readFileSync(env.deploymentsFile, "utf8")) as {
      identityRegistry?: unknown;
    };
    return typeof identityRegistry === "string" && databaseReady(env, identityRegistry, migrationsFolder);
  } catch {
    return false;
  }
}
