import "server-only";

/**
 * The operators' health page: the chain's head (block and time), the indexer's cursor and lag, the database (reachable,
 * migrations applied of those shipped), the periodic jobs' last runs and this instance's recent errors. Each part is
 * read on its own: one failing is shown as such, never hides the others.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getPublicClient } from "@/lib/chain/server";
import { getDb } from "@/lib/db";
import { DEFAULT_MIGRATIONS_FOLDER } from "@/lib/db/connect";
import type { JobRun } from "@/lib/db/schema";
import { getServerEnv } from "@/lib/env";
import { getIndexerLag } from "@/lib/indexer/indexer";
import { listJobRuns } from "@/lib/jobs";
import { listRecentErrors, type RecentError } from "@/lib/platform/client";

/** One part of the report: what was read, or the first line of why it could not be. */
export type HealthPart<T> = { ok: true; value: T } | { ok: false; error: string };

async function part<T>(fn: () => Promise<T>): Promise<HealthPart<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return { ok: false, error: (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "" };
  }
}

/** The periodic jobs the page reports; a job that has never recorded a run says so. */
export const REPORTED_JOBS = ["housekeeping", "notifications"] as const;

export type OperatorHealth = {
  chain: HealthPart<{ chainId: number; head: bigint; headAt: Date }>;
  indexer: HealthPart<{ mode: string; cursor: bigint | null; lag: bigint | null }>;
  database: HealthPart<{ applied: number; shipped: number | null }>;
  jobs: HealthPart<Record<(typeof REPORTED_JOBS)[number], JobRun[]>>;
  errors: RecentError[];
};

async function shippedMigrations(): Promise<number | null> {
  try {
    const journal = JSON.parse(await readFile(path.join(DEFAULT_MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"));
    return Array.isArray(journal.entries) ? journal.entries.length : null;
  } catch {
    return null;
  }
}

export async function getOperatorHealth(): Promise<OperatorHealth> {
  const env = getServerEnv();
  const chain = await part(async () => {
    const block = await getPublicClient().getBlock({ blockTag: "latest" });
    return { chainId: env.chainId, head: block.number, headAt: new Date(Number(block.timestamp) * 1000) };
  });
  const [indexer, database, jobs] = await Promise.all([
    part(async () => {
      if (!chain.ok) throw new Error(chain.error);
      const { cursor, lag } = await getIndexerLag(await getDb(), chain.value.head);
      return { mode: env.indexerMode, cursor, lag };
    }),
    part(async () => {
      const db = await getDb();
      const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      const applied = Number((rows as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
      return { applied, shipped: await shippedMigrations() };
    }),
    part(async () => {
      const db = await getDb();
      const [housekeeping, notifications] = await Promise.all(REPORTED_JOBS.map((j) => listJobRuns(db, j, 3)));
      return { housekeeping: housekeeping ?? [], notifications: notifications ?? [] };
    }),
  ]);
  return { chain, indexer, database, jobs, errors: listRecentErrors(20) };
}
