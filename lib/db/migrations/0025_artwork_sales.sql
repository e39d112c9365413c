CREATE TYPE "public"."sale_status" AS ENUM('voting', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "sale_states" (
	"sale_contract" text NOT NULL,
	"on_chain_id" numeric NOT NULL,
	"token" text NOT NULL,
	"issuer" text NOT NULL,
	"buyer" text NOT NULL,
	"price" numeric NOT NULL,
	"record_block" bigint NOT NULL,
	"supply" numeric NOT NULL,
	"voting_ends" timestamp with time zone NOT NULL,
	"quorum_bps" integer NOT NULL,
	"approval_bps" integer NOT NULL,
	"leaf_count" integer NOT NULL,
	"offer_hash" text NOT NULL,
	"tree_hash" text NOT NULL,
	"offer_uri" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"open_tx_hash" text NOT NULL,
	"for_votes" numeric DEFAULT '0' NOT NULL,
	"against_votes" numeric DEFAULT '0' NOT NULL,
	"voters" integer DEFAULT 0 NOT NULL,
	"status" "sale_status" DEFAULT 'voting' NOT NULL,
	"supply_at_close" numeric,
	"refunded" numeric,
	"finalized_at" timestamp with time zone,
	"finalize_tx_hash" text,
	"redeemed_shares" numeric DEFAULT '0' NOT NULL,
	"redeemed_amount" numeric DEFAULT '0' NOT NULL,
	"redemptions" integer DEFAULT 0 NOT NULL,
	"swept_amount" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "sale_states_pk" PRIMARY KEY("sale_contract","on_chain_id"),
	CONSTRAINT "sale_states_sale_contract_format" CHECK ("sale_states"."sale_contract" IS NULL OR "sale_states"."sale_contract" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "sale_states_token_format" CHECK ("sale_states"."token" IS NULL OR "sale_states"."token" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "sale_states_issuer_format" CHECK ("sale_states"."issuer" IS NULL OR "sale_states"."issuer" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "sale_states_buyer_format" CHECK ("sale_states"."buyer" IS NULL OR "sale_states"."buyer" ~ '^0x[0-9a-f]{40}$')
);
--> statement-breakpoint
CREATE TABLE "sale_weights" (
	"sale_id" uuid NOT NULL,
	"leaf_index" integer NOT NULL,
	"wallet" text NOT NULL,
	"weight" numeric NOT NULL,
	"proof" jsonb NOT NULL,
	CONSTRAINT "sale_weights_pk" PRIMARY KEY("sale_id","leaf_index"),
	CONSTRAINT "sale_weights_wallet_format" CHECK ("sale_weights"."wallet" IS NULL OR "sale_weights"."wallet" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "sale_weights_weight_positive" CHECK ("sale_weights"."weight" > 0)
);
--> statement-breakpoint
CREATE TABLE "sales" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chain_id" integer NOT NULL,
	"sale_contract" text NOT NULL,
	"token" text NOT NULL,
	"buyer" text NOT NULL,
	"price" numeric NOT NULL,
	"record_block" bigint NOT NULL,
	"supply" numeric NOT NULL,
	"voting_ends" timestamp with time zone NOT NULL,
	"quorum_bps" integer NOT NULL,
	"approval_bps" integer NOT NULL,
	"root" text NOT NULL,
	"tree_hash" text NOT NULL,
	"offer_hash" text NOT NULL,
	"offer_name" text NOT NULL,
	"leaf_count" integer NOT NULL,
	"document" text NOT NULL,
	"created_by" text NOT NULL,
	"on_chain_id" numeric,
	"open_tx_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_sale_contract_format" CHECK ("sales"."sale_contract" IS NULL OR "sales"."sale_contract" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "sales_token_format" CHECK ("sales"."token" IS NULL OR "sales"."token" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "sales_buyer_format" CHECK ("sales"."buyer" IS NULL OR "sales"."buyer" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "sales_created_by_format" CHECK ("sales"."created_by" IS NULL OR "sales"."created_by" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "sales_root_format" CHECK ("sales"."root" IS NULL OR "sales"."root" ~ '^0x[0-9a-f]{64}$'),
	CONSTRAINT "sales_tree_hash_format" CHECK ("sales"."tree_hash" IS NULL OR "sales"."tree_hash" ~ '^0x[0-9a-f]{64}$'),
	CONSTRAINT "sales_offer_hash_format" CHECK ("sales"."offer_hash" IS NULL OR "sales"."offer_hash" ~ '^0x[0-9a-f]{64}$'),
	CONSTRAINT "sales_open_tx_format" CHECK ("sales"."open_tx_hash" IS NULL OR "sales"."open_tx_hash" ~ '^0x[0-9a-f]{64}$'),
	CONSTRAINT "sales_price_positive" CHECK ("sales"."price" > 0),
	CONSTRAINT "sales_on_chain_with_tx" CHECK (("sales"."on_chain_id" IS NULL) = ("sales"."open_tx_hash" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "sale_weights" ADD CONSTRAINT "sale_weights_sale_id_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sales"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sale_states_token_idx" ON "sale_states" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "sale_weights_wallet_idx" ON "sale_weights" USING btree ("sale_id","wallet");--> statement-breakpoint
CREATE INDEX "sale_weights_by_wallet_idx" ON "sale_weights" USING btree ("wallet");--> statement-breakpoint
CREATE INDEX "sales_token_idx" ON "sales" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_on_chain_idx" ON "sales" USING btree ("chain_id","sale_contract","on_chain_id");