/**
 * Runs of the periodic jobs (housekeeping today), recorded per run so the operators' health page can say when each
 * last ran and whether it succeeded, on any instance. Plain module: the db tests import it.
 */
import { desc, eq, lt } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { type JobRun, jobRuns } from "@/lib/db/schema";

export async function recordJobRun(
  db: Database,
  run: { job: string; startedAt: Date; finishedAt?: Date; ok: boolean; detail: Record<string, unknown> },
): Promise<void> {
  await db.insert(jobRuns).values({ ...run, finishedAt: run.finishedAt ?? new Date() });
}

/** A job's last runs, newest first. */
export async function listJobRuns(db: Database, job: string, limit = 5): Promise<JobRun[]> {
  return db.select().from(jobRuns).where(eq(jobRuns.job, job)).orderBy(desc(jobRuns.startedAt)).limit(limit);
}

/** Runs older than `before` are deleted (housekeeping keeps a week). */
export async function deleteOldJobRuns(db: Database, { before }: { before: Date }): Promise<number> {
  const removed = await db.delete(jobRuns).where(lt(jobRuns.startedAt, before)).returning({ id: jobRuns.id });
  return removed.length;
}
