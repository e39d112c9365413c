CREATE TYPE "public"."distribution_kind" AS ENUM('sale_proceeds', 'income', 'return_of_capital');--> statement-breakpoint
CREATE TABLE "distribution_entitlements" (
	"distribution_id" uuid NOT NULL,
	"leaf_index" integer NOT NULL,
	"wallet" text NOT NULL,
	"shares" numeric NOT NULL,
	"amount" numeric NOT NULL,
	"proof" jsonb NOT NULL,
	CONSTRAINT "distribution_entitlements_pk" PRIMARY KEY("distribution_id","leaf_index"),
	CONSTRAINT "distribution_entitlements_wallet_format" CHECK ("distribution_entitlements"."wallet" IS NULL OR "distribution_entitlements"."wallet" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "distribution_entitlements_amount_positive" CHECK ("distribution_entitlements"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "distributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chain_id" integer NOT NULL,
	"distributor" text NOT NULL,
	"token" text NOT NULL,
	"kind" "distribution_kind" NOT NULL,
	"amount" numeric NOT NULL,
	"record_block" bigint NOT NULL,
	"claim_deadline" timestamp with time zone NOT NULL,
	"root" text NOT NULL,
	"tree_hash" text NOT NULL,
	"leaf_count" integer NOT NULL,
	"total_shares" numeric NOT NULL,
	"document" text NOT NULL,
	"created_by" text NOT NULL,
	"on_chain_id" numeric,
	"create_tx_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "distributions_distributor_format" CHECK ("distributions"."distributor" IS NULL OR "distributions"."distributor" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "distributions_token_format" CHECK ("distributions"."token" IS NULL OR "distributions"."token" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "distributions_created_by_format" CHECK ("distributions"."created_by" IS NULL OR "distributions"."created_by" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "distributions_root_format" CHECK ("distributions"."root" IS NULL OR "distributions"."root" ~ '^0x[0-9a-f]{64}$'),
	CONSTRAINT "distributions_tree_hash_format" CHECK ("distributions"."tree_hash" IS NULL OR "distributions"."tree_hash" ~ '^0x[0-9a-f]{64}$'),
	CONSTRAINT "distributions_create_tx_format" CHECK ("distributions"."create_tx_hash" IS NULL OR "distributions"."create_tx_hash" ~ '^0x[0-9a-f]{64}$'),
	CONSTRAINT "distributions_amount_positive" CHECK ("distributions"."amount" > 0),
	CONSTRAINT "distributions_on_chain_with_tx" CHECK (("distributions"."on_chain_id" IS NULL) = ("distributions"."create_tx_hash" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "distribution_entitlements" ADD CONSTRAINT "distribution_entitlements_distribution_id_distributions_id_fk" FOREIGN KEY ("distribution_id") REFERENCES "public"."distributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "distribution_entitlements_wallet_idx" ON "distribution_entitlements" USING btree ("distribution_id","wallet");--> statement-breakpoint
CREATE INDEX "distribution_entitlements_by_wallet_idx" ON "distribution_entitlements" USING btree ("wallet");--> statement-breakpoint
CREATE INDEX "distributions_token_idx" ON "distributions" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "distributions_on_chain_idx" ON "distributions" USING btree ("chain_id","distributor","on_chain_id");