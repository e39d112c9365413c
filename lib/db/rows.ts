/**
 * The usual one-table read: every row of a table that matches, in a given order; and the writes of a Merkle tree the
 * server anchors (head and leaves, then its on-chain id). Plain module (no `server-only`): domain modules of the
 * worker and the tests use it.
 */
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
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

/** Whether any row of `table` matches `where` (an existence check: no row is read). */
export async function anyRowWhere(db: Database, table: PgTable, where: SQL | undefined): Promise<boolean> {
  const rows = await db
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(1);
  return rows.length > 0;
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

type WithId = PgTable & { id: AnyPgColumn };

/** What a tree's builder gives the store: the root, the tree hash, the leaf count and the exact document. */
type BuiltTree = { root: string; treeHash: string; leafCount: number; document: string };
/** A built leaf: its index in the tree, the holder and its Merkle proof. */
type BuiltLeaf = { index: number; wallet: string; proof: string[] };

/**
 * Saves what the server built of a Merkle tree it will anchor, in one transaction: the head row (`values`, plus the
 * columns every anchored tree shares — `anchoredTreeRecord()` with root, tree hash and leaf count — from `tree` and
 * the builder's wallet), then one row per leaf (index, wallet, proof, plus the leaf's own `values` for the head's id),
 * a chunk at a time. Addresses are stored lowercase. Returns the head's id, which the database gives.
 */
export function insertAnchoredTree<H extends WithId, L extends PgTable, Leaf extends BuiltLeaf>(
  db: Database,
  head: { table: H; values: Partial<H["$inferInsert"]>; tree: BuiltTree; createdBy: string },
  leaves: { table: L; of: readonly Leaf[]; values: (leaf: Leaf, headId: string) => Partial<L["$inferInsert"]> },
): Promise<string> {
  const { tree } = head;
  return db.transaction(async (tx) => {
    // A generic table defeats drizzle's inference of the insert; the columns are the tables', as the types say.
    const [row] = (await tx
      .insert(head.table as PgTable)
      .values({
        ...head.values,
        root: tree.root,
        treeHash: tree.treeHash,
        leafCount: tree.leafCount,
        document: tree.document,
        createdBy: head.createdBy.toLowerCase(),
      })
      .returning({ id: head.table.id })) as { id: string }[];
    const id = row!.id;
    const rows = leaves.of.map((leaf) => ({
      leafIndex: leaf.index,
      wallet: leaf.wallet.toLowerCase(),
      proof: leaf.proof,
      ...leaves.values(leaf, id),
    }));
    await insertInChunks(tx, leaves.table, rows as L["$inferInsert"][]);
    return id;
  });
}

/**
 * Records the on-chain id of a tree the server anchored (with its transaction, in `set`) once its anchoring call is
 * mined: false when the row already has one (a retried or concurrent record).
 */
export async function setOnChainIdOnce<T extends WithId & { onChainId: AnyPgColumn }>(
  db: Database,
  table: T,
  id: string,
  set: Partial<T["$inferInsert"]>,
): Promise<boolean> {
  const rows = await db
    .update(table as PgTable)
    .set(set)
    .where(and(eq(table.id, id), isNull(table.onChainId)))
    .returning({ id: table.id });
  return rows.length === 1;
}

/**
 * Writes `rows` one statement per `size` rows, each batch's rows (as `toArray` lists them) in one JSON document of
 * arrays that the statement (`write`) reads with `jsonb_array_elements`: a catch-up writes thousands of rows, and the
 * driver sends one string, where an array literal per column costs it an escaped element per field.
 */
export async function inJsonBatches<T>(
  rows: readonly T[],
  size: number,
  toArray: (row: T) => unknown[],
  write: (json: string) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(JSON.stringify(rows.slice(i, i + size).map(toArray)));
}
