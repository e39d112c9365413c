CREATE TYPE "public"."wallet_unlink_status" AS ENUM('requested', 'unlinked', 'cancelled');--> statement-breakpoint
CREATE TABLE "wallet_unlink_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"investor_id" uuid NOT NULL,
	"wallet" text NOT NULL,
	"requested_by" text NOT NULL,
	"status" "wallet_unlink_status" DEFAULT 'requested' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"tx_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wallet_unlink_requests_wallet_format" CHECK ("wallet_unlink_requests"."wallet" IS NULL OR "wallet_unlink_requests"."wallet" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "wallet_unlink_requests_requested_by_format" CHECK ("wallet_unlink_requests"."requested_by" IS NULL OR "wallet_unlink_requests"."requested_by" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "wallet_unlink_requests_decided_by_format" CHECK ("wallet_unlink_requests"."decided_by" IS NULL OR "wallet_unlink_requests"."decided_by" ~ '^0x[0-9a-f]{40}$')
);
--> statement-breakpoint
ALTER TABLE "wallet_link_requests" ADD COLUMN "initiated_by" text;--> statement-breakpoint
ALTER TABLE "wallet_unlink_requests" ADD CONSTRAINT "wallet_unlink_requests_investor_id_investors_id_fk" FOREIGN KEY ("investor_id") REFERENCES "public"."investors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wallet_unlink_requests_investor_idx" ON "wallet_unlink_requests" USING btree ("investor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_unlink_requests_open_idx" ON "wallet_unlink_requests" USING btree ("wallet") WHERE "wallet_unlink_requests"."status" = 'requested';--> statement-breakpoint
ALTER TABLE "wallet_link_requests" ADD CONSTRAINT "wallet_link_requests_initiated_by_format" CHECK ("wallet_link_requests"."initiated_by" IS NULL OR "wallet_link_requests"."initiated_by" ~ '^0x[0-9a-f]{40}$');