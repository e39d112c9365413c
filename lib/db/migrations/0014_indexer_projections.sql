CREATE TABLE "indexer_projections" (
	"indexer" text NOT NULL,
	"projection" text NOT NULL,
	"version" integer NOT NULL,
	"backfill_to" bigint,
	"backfill_cursor" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "indexer_projections_pk" ON "indexer_projections" USING btree ("indexer","projection");--> statement-breakpoint
-- A database indexed before this table: its projections are complete at their first version (no backfill).
INSERT INTO "indexer_projections" ("indexer", "projection", "version")
SELECT c."name", p."projection", 1
FROM "indexer_cursor" c
CROSS JOIN (VALUES ('market'), ('register-snapshots'), ('compliance-records'), ('holdings-records')) AS p("projection")
ON CONFLICT DO NOTHING;
