ALTER TABLE "indexer_cursor" ADD COLUMN "events_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "indexer_cursor" ADD COLUMN "backfill_to" bigint;--> statement-breakpoint
ALTER TABLE "indexer_cursor" ADD COLUMN "backfill_cursor" bigint;--> statement-breakpoint
ALTER TABLE "indexer_cursor" ADD COLUMN "reconciled_block" bigint;--> statement-breakpoint
CREATE INDEX "audit_log_tx_idx" ON "audit_log" USING btree (lower("tx_hash"));