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

/** The first row of `table` where `where` holds, in the given order (any one when none is given); null when none. */
export async function firstRowWhere<T extends PgTable>(
  db: Database,
  table: T,
  where: SQL | undefined,
  ...orderBy: (AnyPgColumn | SQL | SQL.Aliased)[]
): Promise<T["$inferSelect"] | null> {
  const query = db
    .select()
    .from(table as PgTable)
    .where(where)
    .orderBy(...orderBy)
    .limit(1);
  const [row] = (await query) as unknown as T["$inferSelect"][];
  return row ?? null;
}

/** Rows per insert of {@link insertInChunks}: a few parameters each, well under the bind limit. */
const INSERT_CHUNK = 2_000;

/** Inserts many rows of `table` (a tree's leaves) in order, a chunk at a time so that no statement binds too much. */
export async function insertInChunks<T extends PgTable>(
  db: Database,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await db.insert(table).values(rows.slice(i, i + INSERT_CHUNK));
}
