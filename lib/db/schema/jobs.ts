/** Background job runs (owned by lib/jobs): the last runs of each periodic job, for the operators' health page. */
import type { InferSelectModel } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, serial, text } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";

export const jobRuns = pgTable(
  "job_runs",
  {
    id: serial("id").primaryKey(),
    /** The job, e.g. "housekeeping". */
    job: text("job").notNull(),
    startedAt: timestamptz("started_at").notNull(),
    finishedAt: timestamptz("finished_at").notNull(),
    ok: boolean("ok").notNull(),
    /** What the run did (counts) or, when it failed, the first line of its error. */
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index("job_runs_job_started_idx").on(t.job, t.startedAt)],
);
export type JobRun = InferSelectModel<typeof jobRuns>;
