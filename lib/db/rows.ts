/**
 * The usual one-table read: every row of a table that matches, in a given order. Plain module (no `server-only`):
 * domain modules of the worker and the tests use it.
 */
import type { SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "./connect";

/** The rows of `table` where `where` holds, ordered by `orderBy` (columns ascending, or `asc`/`desc` terms). */
export function rowsWhere<T extends PgTable>(
  db: Database,
  table: T,
  where: SQL | undefined,
  ...orderBy: (AnyPgColumn | SQL | SQL.Aliased)[]
): Promise<T["$inferSelect"][]> {
  // A generic table defeats drizzle's inference of the selection; the rows are the table's, as the return type says.
  const query = db
    .select()
    .from(table as PgTable)
    .where(where)
    .orderBy(...orderBy);
  return query as unknown as Promise<T["$inferSelect"][]>;
}
