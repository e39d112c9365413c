CREATE TABLE "chain_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"block_number" bigint NOT NULL,
	"block_hash" text NOT NULL,
	"block_time" timestamp with time zone NOT NULL,
	"tx_hash" text NOT NULL,
	"log_index" integer NOT NULL,
	"contract" text NOT NULL,
	"event_name" text NOT NULL,
	"args" jsonb NOT NULL,
	"token" text,
	"order_id" numeric,
	CONSTRAINT "chain_events_contract_format" CHECK ("chain_events"."contract" IS NULL OR "chain_events"."contract" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "chain_events_token_format" CHECK ("chain_events"."token" IS NULL OR "chain_events"."token" ~ '^0x[0-9a-f]{40}$')
);
--> statement-breakpoint
CREATE TABLE "indexer_blocks" (
	"name" text NOT NULL,
	"block_number" bigint NOT NULL,
	"block_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_orders" (
	"order_id" numeric PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"maker" text NOT NULL,
	"side" text NOT NULL,
	"price" numeric NOT NULL,
	"size" numeric NOT NULL,
	"filled" numeric NOT NULL,
	"cancelled" numeric NOT NULL,
	"status" text NOT NULL,
	"placed_block" bigint NOT NULL,
	"placed_tx" text NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "market_orders_token_format" CHECK ("market_orders"."token" IS NULL OR "market_orders"."token" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "market_orders_maker_format" CHECK ("market_orders"."maker" IS NULL OR "market_orders"."maker" ~ '^0x[0-9a-f]{40}$')
);
--> statement-breakpoint
CREATE TABLE "market_trades" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tx_hash" text NOT NULL,
	"log_index" integer NOT NULL,
	"block_number" bigint NOT NULL,
	"traded_at" timestamp with time zone NOT NULL,
	"order_id" numeric NOT NULL,
	"token" text NOT NULL,
	"maker_side" text NOT NULL,
	"buyer" text NOT NULL,
	"seller" text NOT NULL,
	"shares" numeric NOT NULL,
	"price" numeric NOT NULL,
	"fee" numeric NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "chain_events_tx_log_idx" ON "chain_events" USING btree ("tx_hash","log_index");--> statement-breakpoint
CREATE INDEX "chain_events_block_idx" ON "chain_events" USING btree ("block_number");--> statement-breakpoint
CREATE INDEX "chain_events_name_token_idx" ON "chain_events" USING btree ("event_name","token");--> statement-breakpoint
CREATE INDEX "chain_events_order_idx" ON "chain_events" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indexer_blocks_pk" ON "indexer_blocks" USING btree ("name","block_number");--> statement-breakpoint
CREATE INDEX "market_orders_token_status_idx" ON "market_orders" USING btree ("token","status");--> statement-breakpoint
CREATE INDEX "market_orders_maker_status_idx" ON "market_orders" USING btree ("maker","status");--> statement-breakpoint
CREATE UNIQUE INDEX "market_trades_tx_log_idx" ON "market_trades" USING btree ("tx_hash","log_index");--> statement-breakpoint
CREATE INDEX "market_trades_token_time_idx" ON "market_trades" USING btree ("token","traded_at");--> statement-breakpoint
CREATE INDEX "market_trades_buyer_idx" ON "market_trades" USING btree ("buyer");--> statement-breakpoint
CREATE INDEX "market_trades_seller_idx" ON "market_trades" USING btree ("seller");--> statement-breakpoint
CREATE INDEX "market_trades_block_idx" ON "market_trades" USING btree ("block_number");