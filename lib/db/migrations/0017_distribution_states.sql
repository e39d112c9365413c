CREATE TYPE "public"."distribution_status" AS ENUM('open', 'held', 'closed');--> statement-breakpoint
CREATE TABLE "distribution_states" (
	"distributor" text NOT NULL,
	"on_chain_id" numeric NOT NULL,
	"token" text NOT NULL,
	"issuer" text NOT NULL,
	"kind" "distribution_kind" NOT NULL,
	"amount" numeric NOT NULL,
	"record_block" bigint NOT NULL,
	"claim_deadline" timestamp with time zone NOT NULL,
	"tree_hash" text NOT NULL,
	"leaf_count" integer NOT NULL,
	"created_block" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"create_tx_hash" text NOT NULL,
	"claimed_amount" numeric DEFAULT '0' NOT NULL,
	"claim_count" integer DEFAULT 0 NOT NULL,
	"status" "distribution_status" DEFAULT 'open' NOT NULL,
	"hold_reason" text,
	"held_by" text,
	"hold_changed_at" timestamp with time zone,
	"returned_amount" numeric,
	"closed_at" timestamp with time zone,
	"close_tx_hash" text,
	CONSTRAINT "distribution_states_pk" PRIMARY KEY("distributor","on_chain_id"),
	CONSTRAINT "distribution_states_distributor_format" CHECK ("distribution_states"."distributor" IS NULL OR "distribution_states"."distributor" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "distribution_states_token_format" CHECK ("distribution_states"."token" IS NULL OR "distribution_states"."token" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "distribution_states_issuer_format" CHECK ("distribution_states"."issuer" IS NULL OR "distribution_states"."issuer" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "distribution_states_held_by_format" CHECK ("distribution_states"."held_by" IS NULL OR "distribution_states"."held_by" ~ '^0x[0-9a-f]{40}$')
);
--> statement-breakpoint
CREATE INDEX "distribution_states_token_idx" ON "distribution_states" USING btree ("token");