/**
 * The public page cache's epoch (lib/http/page-cache.ts): one row, moved by the indexer when it records events and by
 * the server actions that change what public pages show; every instance polls it, so a page one instance cached is
 * dropped by all of them within a second of the change.
 */
import { bigint, pgTable, text } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";

export const pageEpochs = pgTable("page_epochs", {
  /** "public": the catalogue and the artwork pages. */
  name: text("name").primaryKey(),
  epoch: bigint("epoch", { mode: "number" }).notNull().default(0),
  changedAt: timestamptz("changed_at").notNull().defaultNow(),
});
