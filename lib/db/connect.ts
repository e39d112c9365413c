/**
 * Database factory: PGlite (embedded, default) or PostgreSQL (DATABASE_URL), same schema and queries.
 * Plain module: scripts (start, seed, indexer worker) and tests import it. The app uses `lib/db/index.ts`.
 *
 * PGlite allows one process per data folder: open it, use it, and `close()` it before another process opens it.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema";

export type Schema = typeof schema;

/** What `db.execute(sql\`…\`)` returns on both drivers (node-postgres QueryResult and PGlite Results share `rows`). */
export interface QueryResultHKT extends PgQueryResultHKT {
  type: { rows: Record<string, unknown>[] };
}

/** One database type for both drivers: write queries once. A transaction is assignable to it too. */
export type Database = PgDatabase<QueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<QueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseDriver = "pglite" | "postgres";

export type DatabaseHandle = {
  db: Database;
  driver: DatabaseDriver;
  close: () => Promise<void>;
};

export type CreateDatabaseOptions = {
  /** postgres:// URL. When absent, PGlite is used. */
  url?: string;
  /** PGlite stores its files in `${dataDir}/pglite`. Absent (and no url) ⇒ in-memory PGlite. */
  dataDir?: string;
  /** node-postgres pool size (default 10). */
  poolSize?: number;
};

type Migrator = (db: Database, migrationsFolder: string) => Promise<void>;

/** Which migrator belongs to which db instance (the two drivers' migrators are not interchangeable). */
const migrators = new WeakMap<object, Migrator>();

/** Key of the advisory lock that serialises migrations across processes on PostgreSQL. */
const MIGRATION_LOCK_KEY = 7_241_031_001;

export const DEFAULT_MIGRATIONS_FOLDER = path.join(process.cwd(), "lib", "db", "migrations");

export async function createDatabase(options: CreateDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) return createPostgresDatabase(options.url, options.poolSize ?? 10);
  return createPgliteDatabase(options.dataDir);
}

async function createPgliteDatabase(dataDir: string | undefined): Promise<DatabaseHandle> {
  let client: PGlite;
  if (dataDir) {
    const dir = path.join(dataDir, "pglite");
    mkdirSync(dir, { recursive: true });
    client = await PGlite.create(dir);
  } else {
    client = await PGlite.create();
  }
  const db = drizzlePglite(client, { schema });
  const database = db as unknown as Database;
  migrators.set(database, async (_db, migrationsFolder) => {
    await migratePglite(db, { migrationsFolder });
  });
  return {
    db: database,
    driver: "pglite",
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

async function createPostgresDatabase(url: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on("error", (error) => console.error("[db] idle PostgreSQL client error:", error.message));
  // A client in use (inside a query or a transaction) whose connection drops emits "error" too, and the pool listens
  // only to idle ones: without this listener the server going away mid-transaction is an uncaught exception that
  // ends the process. The query itself already fails with the error, and the pool discards the broken client.
  pool.on("connect", (client) => {
    client.on("error", (error) => console.error("[db] PostgreSQL connection lost:", error.message));
  });
  const db = drizzleNodePg(pool, { schema });
  const database = db as unknown as Database;
  migrators.set(database, async (_db, migrationsFolder) => {
    // Several app instances may start at once: one migrates, the others wait, then find nothing to do.
    const client = await pool.connect();
    try {
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      try {
        await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  });
  let closed = false;
  return {
    db: database,
    driver: "postgres",
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** Apply the drizzle-kit migrations in `lib/db/migrations` (idempotent). */
export async function migrateDatabase(db: Database, options: { migrationsFolder?: string } = {}): Promise<void> {
  const migrator = migrators.get(db);
  if (!migrator) throw new Error("migrateDatabase: this database was not created by createDatabase()");
  await migrator(db, options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER);
}
