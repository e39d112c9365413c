CREATE TABLE "token_states" (
	"token" text NOT NULL,
	"block_number" bigint NOT NULL,
	"total_supply" numeric NOT NULL,
	"holder_count" integer NOT NULL,
	"holder_wallet_count" integer NOT NULL,
	"paused" boolean NOT NULL,
	"max_holders" integer NOT NULL,
	CONSTRAINT "token_states_token_format" CHECK ("token_states"."token" IS NULL OR "token_states"."token" ~ '^0x[0-9a-f]{40}$')
);
--> statement-breakpoint
CREATE TABLE "token_wallet_states" (
	"token" text NOT NULL,
	"wallet" text NOT NULL,
	"block_number" bigint NOT NULL,
	"balance" numeric NOT NULL,
	"frozen" boolean NOT NULL,
	"frozen_amount" numeric NOT NULL,
	"lots" jsonb NOT NULL,
	"investor_id" text NOT NULL,
	CONSTRAINT "token_wallet_states_token_format" CHECK ("token_wallet_states"."token" IS NULL OR "token_wallet_states"."token" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "token_wallet_states_wallet_format" CHECK ("token_wallet_states"."wallet" IS NULL OR "token_wallet_states"."wallet" ~ '^0x[0-9a-f]{40}$')
);
--> statement-breakpoint
CREATE UNIQUE INDEX "token_states_pk" ON "token_states" USING btree ("token","block_number");--> statement-breakpoint
CREATE INDEX "token_states_block_idx" ON "token_states" USING btree ("block_number");--> statement-breakpoint
CREATE UNIQUE INDEX "token_wallet_states_pk" ON "token_wallet_states" USING btree ("token","wallet","block_number");--> statement-breakpoint
CREATE INDEX "token_wallet_states_block_idx" ON "token_wallet_states" USING btree ("block_number");