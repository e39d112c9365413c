CREATE TYPE "public"."artwork_update_kind" AS ENUM('valuation', 'condition', 'exhibition', 'custody');--> statement-breakpoint
CREATE TABLE "artwork_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"artwork_id" uuid NOT NULL,
	"author" text NOT NULL,
	"kind" "artwork_update_kind" NOT NULL,
	"title" text NOT NULL,
	"body_md" text NOT NULL,
	"value" numeric,
	"appraiser" text,
	"event_date" date NOT NULL,
	"document_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tx_hash" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "artwork_updates_author_format" CHECK ("artwork_updates"."author" IS NULL OR "artwork_updates"."author" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "artwork_updates_valuation_value" CHECK (("artwork_updates"."kind" = 'valuation') = ("artwork_updates"."value" IS NOT NULL)),
	CONSTRAINT "artwork_updates_tx_hash_format" CHECK ("artwork_updates"."tx_hash" IS NULL OR "artwork_updates"."tx_hash" ~ '^0x[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "artwork_updates" ADD CONSTRAINT "artwork_updates_artwork_id_artworks_id_fk" FOREIGN KEY ("artwork_id") REFERENCES "public"."artworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "artwork_updates_artwork_published_idx" ON "artwork_updates" USING btree ("artwork_id","published_at");