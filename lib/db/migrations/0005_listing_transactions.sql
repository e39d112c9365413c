CREATE TYPE "public"."listing_tx_kind" AS ENUM('deploy', 'anchor', 'offering', 'close', 'withdraw', 'update_anchor');--> statement-breakpoint
CREATE TYPE "public"."listing_tx_status" AS ENUM('pending', 'confirmed', 'failed');--> statement-breakpoint
CREATE TABLE "listing_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"artwork_id" uuid NOT NULL,
	"kind" "listing_tx_kind" NOT NULL,
	"tx_hash" text NOT NULL,
	"sender" text NOT NULL,
	"status" "listing_tx_status" DEFAULT 'pending' NOT NULL,
	"failure" text,
	"nonce" integer,
	"block_number" bigint,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "listing_transactions_tx_hash_unique" UNIQUE("tx_hash"),
	CONSTRAINT "listing_transactions_sender_format" CHECK ("listing_transactions"."sender" IS NULL OR "listing_transactions"."sender" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "listing_transactions_tx_hash_format" CHECK ("listing_transactions"."tx_hash" ~ '^0x[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "listing_transactions" ADD CONSTRAINT "listing_transactions_artwork_id_artworks_id_fk" FOREIGN KEY ("artwork_id") REFERENCES "public"."artworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listing_transactions_artwork_idx" ON "listing_transactions" USING btree ("artwork_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "listing_transactions_one_pending_idx" ON "listing_transactions" USING btree ("artwork_id","kind") WHERE "listing_transactions"."status" = 'pending';