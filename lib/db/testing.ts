/**
 * Test helper: a FRESH, migrated database per call.
 * - default: in-memory PGlite;
 * - with TEST_DATABASE_URL (an admin-capable postgres:// URL): a new database `atelier_test_<random>`
 *   on that server, dropped again by `close()`.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabase, type DatabaseHandle, migrateDatabase } from "./connect";

export type TestDatabase = DatabaseHandle;

export async function createTestDatabase(
  options: { url?: string | undefined } = { url: process.env.TEST_DATABASE_URL },
): Promise<TestDatabase> {
  const adminUrl = options.url?.trim() || undefined;
  if (!adminUrl) {
    const handle = await createDatabase();
    await migrateDatabase(handle.db);
    return handle;
  }

  const name = `atelier_test_${randomBytes(6).toString("hex")}`;
  await runAdmin(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let handle: DatabaseHandle;
  try {
    handle = await createDatabase({ url: url.toString(), poolSize: 5 });
    await migrateDatabase(handle.db);
  } catch (error) {
    await runAdmin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    throw error;
  }
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await runAdmin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** Runs one statement (CREATE / DROP DATABASE) on its own connection to the server's admin URL. */
export async function runAdmin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
