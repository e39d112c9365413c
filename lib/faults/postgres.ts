/**
 * Test helper for the faults suite: a fresh database `faults_<random>` on a real PostgreSQL server, reached through
 * a cuttable TCP proxy (./tcp-proxy), dropped again by `close()`. The server is `TEST_DATABASE_URL` when set, else
 * the local one (`postgres://postgres@127.0.0.1:5432/test`, trust auth); `null` when none answers, so that a test
 * that needs PostgreSQL can skip with a clear message (CI has PostgreSQL).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabase, type DatabaseHandle, migrateDatabase } from "../db/connect";
import { runAdmin } from "../db/testing";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy";

export const FAULTS_PG_URL = process.env.TEST_DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/test";

/** True when the PostgreSQL server of `FAULTS_PG_URL` accepts a connection within 2 s. */
export async function postgresAnswers(url = FAULTS_PG_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export type ProxiedDatabase = DatabaseHandle & {
  proxy: TcpProxy;
  /** The database's URL through the proxy (for a second pool, e.g. a restarted indexer). */
  url: string;
  /** Opens another pool on the same database through the proxy (a "restarted process"). */
  reopen: () => Promise<DatabaseHandle>;
};

/** A new migrated database on PostgreSQL behind a proxy the test can cut. */
export async function createProxiedDatabase(adminUrl = FAULTS_PG_URL): Promise<ProxiedDatabase> {
  const name = `faults_${randomBytes(6).toString("hex")}`;
  await runAdmin(adminUrl, `CREATE DATABASE "${name}"`);
  const target = new URL(adminUrl);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const url = new URL(adminUrl);
  url.hostname = "127.0.0.1";
  url.port = String(proxy.port);
  url.pathname = `/${name}`;
  const opened: DatabaseHandle[] = [];
  const reopen = async () => {
    const h = await createDatabase({ url: url.toString(), poolSize: 5 });
    opened.push(h);
    return h;
  };
  try {
    const handle = await reopen();
    await migrateDatabase(handle.db);
    return {
      ...handle,
      proxy,
      url: url.toString(),
      reopen,
      close: async () => {
        proxy.restore();
        for (const h of opened) await h.close().catch(() => {});
        await proxy.close();
        await runAdmin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  } catch (error) {
    await proxy.close();
    await runAdmin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    throw error;
  }
}
