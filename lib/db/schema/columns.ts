/** Column helpers shared by the schema files (not part of the public schema). */
import { type BuildExtraConfigColumns, type SQL, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  numeric,
  type PgColumnBuilderBase,
  type PgEnum,
  type PgTableExtraConfigValue,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

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

/** The `id` primary key of a table whose rows are numbered in the order they are written (audit entries, events). */
export const serialId = () => bigserial("id", { mode: "number" }).primaryKey();

const walletKey = () => ({ address: text("address").primaryKey() });

/**
 * A table with one row per wallet: its key is the wallet's lowercase address (`address`, format-checked as
 * `<table>_address_format`), then `columns` (a profile, an investor's linked wallet, a session sign-out, a role floor).
 */
export const walletTable = <N extends string, C extends Record<string, PgColumnBuilderBase>>(
  name: N,
  columns: C,
  /** The table's other indexes and checks. */
  extra: (
    t: BuildExtraConfigColumns<N, ReturnType<typeof walletKey> & C, "pg">,
  ) => PgTableExtraConfigValue[] = () => [],
) => pgTable(name, { ...walletKey(), ...columns }, (t) => [...extra(t), ...addressChecks(name, t.address)]);

const textKey = (name: string) => text(name).primaryKey();

/**
 * A table of rows that lapse (a sign-in nonce, a revoked session, a rate-limit window): keyed by a text column named
 * `key`, then `columns`, among them `lapsesAt`, the time the row lapses, indexed (`<table>_<column>_idx`) for the
 * housekeeping that deletes lapsed rows.
 */
export const lapsingTable = <
  N extends string,
  K extends string,
  C extends Record<string, PgColumnBuilderBase>,
  L extends keyof C & string,
>(
  name: N,
  key: K,
  lapsesAt: L,
  columns: C,
  /** The table's other indexes and checks. */
  extra: (
    t: BuildExtraConfigColumns<N, Record<K, ReturnType<typeof textKey>> & C, "pg">,
  ) => PgTableExtraConfigValue[] = () => [],
) =>
  pgTable(name, { ...({ [key]: textKey(key) } as Record<K, ReturnType<typeof textKey>>), ...columns }, (t) => {
    const lapse = (t as unknown as Record<L, AnyPgColumn>)[lapsesAt];
    return [index(`${name}_${lapse.name}_idx`).on(lapse), ...extra(t)];
  });

/** A required link to the row that owns this one: deleting the owner deletes this row too. */
export const ownedBy = (name: string, owner: () => AnyPgColumn) =>
  uuid(name).notNull().references(owner, { onDelete: "cascade" });

/** A block number (`bigint` in SQL and in TypeScript). */
export const blockNumber = (name = "block_number") => bigint(name, { mode: "bigint" });

/** A block as the indexer read it: its number and its hash (a reorg shows as a hash the chain no longer has). */
export const blockRef = () => ({ blockNumber: blockNumber().notNull(), blockHash: text("block_hash").notNull() });

/**
 * An event's place in the chain: the transaction and the log's index in its block, the pair that names it once
 * (`logPlaceKeys`).
 */
export const logPlace = () => ({ txHash: text("tx_hash").notNull(), logIndex: integer("log_index").notNull() });

/**
 * A pending re-scan of an indexer's history from `chain_events`: `backfill_cursor` walks from the start block to
 * `backfill_to`; both are NULL when none is pending.
 */
export const backfillRange = () => ({
  backfillTo: blockNumber("backfill_to"),
  backfillCursor: blockNumber("backfill_cursor"),
});

/** `created_at` and `updated_at` of a row that changes after it is written. */
export const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });

/**
 * The head of a row named by a random UUID that belongs to an owner row (deleted with it): `id` and the owner's key,
 * e.g. `ownedRow("artworkId", "artwork_id", () => artworks.id)`.
 */
export const ownedRow = <K extends string>(key: K, name: string, owner: () => AnyPgColumn) =>
  ({ id: uuidId(), [key]: ownedBy(name, owner) }) as { id: ReturnType<typeof uuidId> } & Record<
    K,
    ReturnType<typeof ownedBy>
  >;

/** When and by whom (a lowercase wallet) a request was decided; both NULL while it waits. */
export const decision = () => ({ decidedAt: timestamptz("decided_at"), decidedBy: text("decided_by") });

/** Four eyes: the first officer's pre-approval (who, lowercase, and when), before a different officer decides. */
export const preApproval = () => ({
  preApprovedBy: text("pre_approved_by"),
  preApprovedAt: timestamptz("pre_approved_at"),
});

/** A note an officer left on an application under review. */
export type ReviewNote = { by: string; at: string; text: string };

/** The officers' working state of an application under review: the ticked checklist items and their notes. */
export const reviewWorkspace = () => ({
  checklist: jsonb("checklist").$type<Record<string, boolean>>().notNull().default({}),
  notes: jsonb("notes").$type<ReviewNote[]>().notNull().default([]),
});

/**
 * A stored file: its path relative to the files folder, the MIME type detected from its content (magic bytes, never
 * from the name), its size and the 0x-prefixed hex SHA-256 of its content (of the plaintext when it is sealed).
 */
export const storedFile = () => ({
  filePath: text("file_path").notNull(),
  mime: text("mime").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  sha256: text("sha256").notNull(),
});

/**
 * An application's sealed document (KYC, KYB), after its owner and kind: the file's name as uploaded, the stored
 * file (sealed with AES-256-GCM; the SHA-256 is of the plaintext), who uploaded it and when.
 */
export const sealedDocument = () => ({
  originalName: text("original_name").notNull(),
  ...storedFile(),
  uploadedBy: text("uploaded_by").notNull(),
  createdAt: createdAt(),
});

/** An application documents table's index by application and its SHA-256 format check (`<table>_…`). */
const sealedDocumentChecks = (table: string, t: { applicationId: AnyPgColumn; sha256: AnyPgColumn }) => [
  index(`${table}_application_idx`).on(t.applicationId),
  check(`${table}_sha256_format`, isBytes32(t.sha256)),
];

/**
 * The sealed documents of an application (an investor's KYC, an issuer's KYB): one row per document, owned by the
 * application (`owner`), of one of its `kind`s, with the sealed file's columns, indexed by application.
 */
export const applicationDocumentsTable = <N extends string, K extends [string, ...string[]]>(
  name: N,
  owner: () => AnyPgColumn,
  kind: PgEnum<K>,
) =>
  pgTable(
    name,
    { ...ownedRow("applicationId", "application_id", owner), kind: kind("kind").notNull(), ...sealedDocument() },
    (t) => sealedDocumentChecks(name, t),
  );

/**
 * The index by block of an indexer projection's rows (`<table>_block_idx`): a reorg rolls back the rows of the blocks
 * it removed.
 */
export const rollbackIndex = (table: string, column: AnyPgColumn) => index(`${table}_block_idx`).on(column);

/**
 * The keys of a table with a row per event log (`logPlace` and a `block_number`): one row per transaction and log
 * index (`<table>_tx_log_idx`), rolled back by block (`rollbackIndex`).
 */
export const logPlaceKeys = (
  table: string,
  t: { txHash: AnyPgColumn; logIndex: AnyPgColumn; blockNumber: AnyPgColumn },
) => [uniqueIndex(`${table}_tx_log_idx`).on(t.txHash, t.logIndex), rollbackIndex(table, t.blockNumber)];

/** A projection of a token's state at a block: one row per key at each block (`<table>_pk`), rolled back by block. */
export const atBlockKeys = (table: string, blockColumn: AnyPgColumn, ...keys: [AnyPgColumn, ...AnyPgColumn[]]) => [
  uniqueIndex(`${table}_pk`).on(...keys, blockColumn),
  rollbackIndex(table, blockColumn),
];

/**
 * The constraints of a Merkle tree the server built and then anchored on-chain (a distribution, a sale vote): by token,
 * once per on-chain id of its contract, lowercase addresses, 32-byte root, tree hash and anchoring transaction, a
 * positive amount, and the on-chain id set with its transaction. Named `<table>_…`; `tx` names the transaction's check.
 */
export const anchoredTreeConstraints = (
  table: string,
  t: { chainId: AnyPgColumn; token: AnyPgColumn; onChainId: AnyPgColumn; root: AnyPgColumn; treeHash: AnyPgColumn },
  anchor: { contract: AnyPgColumn; tx: AnyPgColumn; txCheck: string; amount: AnyPgColumn; amountCheck: string },
  addresses: AnyPgColumn[],
) => [
  index(`${table}_token_idx`).on(t.token),
  uniqueIndex(`${table}_on_chain_idx`).on(t.chainId, anchor.contract, t.onChainId),
  ...addressChecks(table, ...addresses),
  bytes32Check(`${table}_root_format`, t.root),
  bytes32Check(`${table}_tree_hash_format`, t.treeHash),
  bytes32Check(`${table}_${anchor.txCheck}_format`, anchor.tx),
  check(`${table}_${anchor.amountCheck}_positive`, sql`${anchor.amount} > 0`),
  check(`${table}_on_chain_with_tx`, sql`(${t.onChainId} IS NULL) = (${anchor.tx} IS NULL)`),
];

const requiredText = (name: string) => text(name).notNull();

/** A contract's address column (lowercase) under the key the table names it by (`distributor`, `saleContract`). */
const contractColumn = <K extends string>(key: K, name: string) =>
  ({ [key]: requiredText(name) }) as Record<K, ReturnType<typeof requiredText>>;

/**
 * The head of a Merkle tree the server builds and then anchors on a contract (a distribution, a sale vote): its id,
 * the chain, the contract (`contractKey`, column `contractName`) and the share token (addresses lowercase).
 */
export const anchoredTreeHead = <K extends string>(contractKey: K, contractName: string) => ({
  id: uuidId(),
  chainId: integer("chain_id").notNull(),
  ...contractColumn(contractKey, contractName),
  token: requiredText("token"),
});

/** What a published tree's document tells of it: its SHA-256 (`tree_hash`) and how many leaves it has. */
export const publishedTree = () => ({
  treeHash: requiredText("tree_hash"),
  leafCount: integer("leaf_count").notNull(),
});

/**
 * What the server keeps of a Merkle tree it built and then anchored on-chain, before the anchoring transaction's hash:
 * the root, the exact tree document (JSON text) whose SHA-256 is `tree_hash`, its leaf count, the issuer wallet that
 * built it (lowercase) and the contract's id for it, set once that transaction is mined.
 */
export const anchoredTreeRecord = () => ({
  root: requiredText("root"),
  ...publishedTree(),
  document: requiredText("document"),
  createdBy: requiredText("created_by"),
  onChainId: numeric("on_chain_id"),
});

/**
 * The head of the indexer's projection of a record a contract keeps by id (a distribution, a sale), rebuilt from
 * `chain_events`: the contract (`contractKey`, column `contractName`), the record's id there, its token and the
 * token's issuer (addresses lowercase).
 */
export const projectedRecordHead = <K extends string>(contractKey: K, contractName: string) => ({
  ...contractColumn(contractKey, contractName),
  onChainId: numeric("on_chain_id").notNull(),
  token: requiredText("token"),
  issuer: requiredText("issuer"),
});

/**
 * A projected record's keys (`<table>_…`): one row per contract and id, by token; the contract, token, issuer and
 * `moreAddresses` in lowercase hex.
 */
export const projectedRecordConstraints = (
  table: string,
  contract: AnyPgColumn,
  t: { onChainId: AnyPgColumn; token: AnyPgColumn; issuer: AnyPgColumn },
  ...moreAddresses: AnyPgColumn[]
) => [
  primaryKey({ name: `${table}_pk`, columns: [contract, t.onChainId] }),
  index(`${table}_token_idx`).on(t.token),
  ...addressChecks(table, contract, t.token, t.issuer, ...moreAddresses),
];

/** A leaf of an anchored tree, after its owner's key: its index, the wallet (lowercase) and, last, its proof. */
export const treeLeaf = () => ({ leafIndex: integer("leaf_index").notNull(), wallet: text("wallet").notNull() });
export const leafProof = () => jsonb("proof").$type<string[]>().notNull();

/** A leaf table's keys: one row per owner and index, one per owner and wallet, by wallet; the wallet's format. */
export const treeLeafConstraints = (
  table: string,
  owner: AnyPgColumn,
  t: { leafIndex: AnyPgColumn; wallet: AnyPgColumn },
) => [
  primaryKey({ name: `${table}_pk`, columns: [owner, t.leafIndex] }),
  uniqueIndex(`${table}_wallet_idx`).on(owner, t.wallet),
  index(`${table}_by_wallet_idx`).on(t.wallet),
  ...addressChecks(table, t.wallet),
];
