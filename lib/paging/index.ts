/**
 * Keyset paging in SQL: the page after (or before) a cursor is `WHERE (k1, k2, …) > (c1, c2, …) ORDER BY k1, k2, …
 * LIMIT size + 1`, so a page costs what it shows however deep it is, and an index on the key serves it. The key's
 * last part must be unique (an id), so equal timestamps never skip or repeat a row across a page boundary; its parts
 * are read back as text (timestamps to the microsecond) and cast back in the comparison. Not `server-only`: it only
 * builds SQL, and the indexer worker (plain Node) loads domains that page their lists (lib/notifications).
 */
import { and, asc, desc, sql, type AnyColumn, type InferSelectModel, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/lib/db/connect";
import { encodeCursor, type Page, type PageCursor } from "./client";

export * from "./client";

export type KeyPart = {
  /** A column or an expression that is never null (coalesce it). */
  expr: AnyColumn | SQL;
  cast: "timestamptz" | "numeric" | "text" | "uuid" | "integer" | "boolean";
};
export type Keyset = { parts: readonly KeyPart[]; dir: "asc" | "desc" };

/** The usual key: a time (never null), then the row's unique id, which breaks ties between equal times. */
export const timeKeyset = (
  at: AnyColumn | SQL,
  id: AnyColumn,
  idCast: "uuid" | "numeric" | "integer",
  dir: Keyset["dir"],
): Keyset => ({
  parts: [
    { expr: at, cast: "timestamptz" },
    { expr: id, cast: idCast },
  ],
  dir,
});

/** The selection field that carries each row's key, as text: spread into the page query's select. */
export function keysetSelect(k: Keyset) {
  return {
    pageKey: sql<string[]>`array[${sql.join(
      k.parts.map((p) => sql`(${p.expr})::text`),
      sql`, `,
    )}]::text[]`,
  };
}

const tuple = (k: Keyset) =>
  sql`(${sql.join(
    k.parts.map((p) => sql`${p.expr}`),
    sql`, `,
  )})`;
const values = (k: Keyset, key: readonly string[]) =>
  sql`(${sql.join(
    k.parts.map((p, i) => sql`${key[i]}::${sql.raw(p.cast)}`),
    sql`, `,
  )})`;

/** Rows that come after (`side` "after") or before the key in the list's order. */
export function keysetWhere(k: Keyset, key: readonly string[], side: "after" | "before"): SQL {
  const greater = (side === "after") === (k.dir === "asc");
  return sql`${tuple(k)} ${sql.raw(greater ? ">" : "<")} ${values(k, key)}`;
}

const orderOf = (k: Keyset, reverse: boolean) =>
  k.parts.map((p) => ((k.dir === "asc") !== reverse ? asc(p.expr) : desc(p.expr)));

/**
 * One page of a query. `run` adds `where` (to the query's own filters, with `and`), `orderBy` and `limit`; rows carry
 * `pageKey` from `keysetSelect`. `count`, when given, counts the query's rows with an extra condition (undefined:
 * all of them): the page then says its total and where it starts ("Page 2 of 20").
 */
export async function keysetPage<T extends { pageKey: string[] }>(
  k: Keyset,
  cursor: PageCursor,
  size: number,
  run: (q: { where: SQL | undefined; orderBy: SQL[]; limit: number }) => Promise<T[]>,
  count?: (where: SQL | undefined) => Promise<number>,
): Promise<Page<Omit<T, "pageKey">>> {
  const backwards = !cursor.after && !!cursor.before;
  const at = cursor.after ?? cursor.before;
  let got = await run({
    where: at ? keysetWhere(k, at, backwards ? "before" : "after") : undefined,
    orderBy: orderOf(k, backwards),
    limit: size + 1,
  });
  let more = got.length > size;
  got = got.slice(0, size);
  if (backwards) got.reverse();
  // Before the first row (those rows were removed since): page 1 instead.
  if (backwards && !more && got.length < size) return keysetPage(k, {}, size, run, count);
  // Past the last row: the last page instead.
  if (!backwards && at && got.length === 0) {
    const last = await run({ where: undefined, orderBy: orderOf(k, true), limit: size + 1 });
    more = last.length > size;
    got = last.slice(0, size).reverse();
    return finish(got, { hasPrev: more, hasNext: false });
  }
  return finish(got, backwards ? { hasPrev: more, hasNext: true } : { hasPrev: !!at, hasNext: more });

  async function finish(rows: T[], edge: { hasPrev: boolean; hasNext: boolean }) {
    const page: Page<Omit<T, "pageKey">> = {
      rows: rows.map((r) => {
        const copy: Partial<T> = { ...r };
        delete copy.pageKey;
        return copy as Omit<T, "pageKey">;
      }),
      next: edge.hasNext && rows.length ? encodeCursor(rows.at(-1)!.pageKey) : null,
      prev: edge.hasPrev && rows.length ? encodeCursor(rows[0]!.pageKey) : null,
    };
    if (count) {
      const [total, start] = await Promise.all([
        count(undefined),
        rows.length && edge.hasPrev ? count(keysetWhere(k, rows[0]!.pageKey, "before")) : 0,
      ]);
      page.total = total;
      page.start = start;
    }
    return page;
  }
}

/** How many rows of `table` meet `where` (all of them when undefined): a page's `count`, or a list's total. */
export async function countRows(db: Database, table: PgTable, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(where);
  return row?.n ?? 0;
}

/**
 * One page of the rows of `table` that meet `filter`, in the keyset's order, with the list's total: the paged lists
 * that show one table's rows as they are (notifications, the issuer applications queue, open orders).
 */
export async function tablePage<T extends PgTable>(
  db: Database,
  {
    table,
    keyset,
    filter,
    cursor,
    size,
  }: { table: T; keyset: Keyset; filter: SQL | undefined; cursor: PageCursor; size: number },
): Promise<Page<InferSelectModel<T>>> {
  const page = await keysetPage(
    keyset,
    cursor,
    size,
    ({ where, orderBy, limit }) =>
      db
        .select({ ...keysetSelect(keyset), row: table as PgTable })
        .from(table as PgTable)
        .where(and(filter, where))
        .orderBy(...orderBy)
        .limit(limit) as unknown as Promise<{ pageKey: string[]; row: InferSelectModel<T> }[]>,
    (extra) => countRows(db, table, and(filter, extra)),
  );
  return { ...page, rows: page.rows.map((r) => r.row) };
}
