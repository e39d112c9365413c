/** Column helpers shared by the schema files (not part of the public schema). */
import { type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, bigint, check, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * SQL checks that address columns hold lowercase 0x hex (nullable columns pass when NULL), one per column, each
 * named `<table>_<column>_format`.
 */
export const addressChecks = (table: string, ...columns: AnyPgColumn[]) =>
  columns.map((column) =>
    check(`${table}_${column.name}_format`, sql`${column} IS NULL OR ${column} ~ '^0x[0-9a-f]{40}$'`),
  );

/** SQL condition that a column holds 32 bytes as lowercase 0x hex (a SHA-256, a transaction hash, a Merkle root). */
export const isBytes32 = (column: AnyPgColumn): SQL => sql`${column} ~ '^0x[0-9a-f]{64}$'`;

/** SQL check that a column holds 32 bytes as lowercase 0x hex, or NULL. */
export const bytes32Check = (name: string, column: AnyPgColumn) =>
  check(name, sql`${column} IS NULL OR ${isBytes32(column)}`);

export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
export const createdAt = () => timestamptz("created_at").notNull().defaultNow();
export const updatedAt = () =>
  timestamptz("updated_at")
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** The `id` primary key of a table whose rows are named by a random UUID. */
export const uuidId = () => uuid("id").primaryKey().defaultRandom();

/** A required link to the row that owns this one: deleting the owner deletes this row too. */
export const ownedBy = (name: string, owner: () => AnyPgColumn) =>
  uuid(name).notNull().references(owner, { onDelete: "cascade" });

/** A block number (`bigint` in SQL and in TypeScript). */
export const blockNumber = (name = "block_number") => bigint(name, { mode: "bigint" });
