CREATE TYPE "public"."wallet_link_status" AS ENUM('awaiting_signatures', 'submitted', 'linked', 'rejected', 'cancelled', 'expired');--> statement-breakpoint
CREATE TABLE "wallet_link_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"investor_id" uuid NOT NULL,
	"current_wallet" text NOT NULL,
	"new_wallet" text,
	"nonce" text NOT NULL,
	"status" "wallet_link_status" DEFAULT 'awaiting_signatures' NOT NULL,
	"current_message" text NOT NULL,
	"current_signature" text,
	"new_message" text,
	"new_signature" text,
	"sign_before" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"rejection_reason" text,
	"link_tx_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wallet_link_requests_current_wallet_format" CHECK ("wallet_link_requests"."current_wallet" IS NULL OR "wallet_link_requests"."current_wallet" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "wallet_link_requests_new_wallet_format" CHECK ("wallet_link_requests"."new_wallet" IS NULL OR "wallet_link_requests"."new_wallet" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "wallet_link_requests_decided_by_format" CHECK ("wallet_link_requests"."decided_by" IS NULL OR "wallet_link_requests"."decided_by" ~ '^0x[0-9a-f]{40}$')
);
--> statement-breakpoint
ALTER TABLE "wallet_link_requests" ADD CONSTRAINT "wallet_link_requests_investor_id_investors_id_fk" FOREIGN KEY ("investor_id") REFERENCES "public"."investors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wallet_link_requests_investor_idx" ON "wallet_link_requests" USING btree ("investor_id");--> statement-breakpoint
CREATE INDEX "wallet_link_requests_status_idx" ON "wallet_link_requests" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_link_requests_one_open_idx" ON "wallet_link_requests" USING btree ("investor_id") WHERE "wallet_link_requests"."status" IN ('awaiting_signatures', 'submitted');--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_link_requests_new_wallet_open_idx" ON "wallet_link_requests" USING btree ("new_wallet") WHERE "wallet_link_requests"."status" = 'submitted';--> statement-breakpoint
-- The audit log is append-only: UPDATE, DELETE and TRUNCATE are refused by the database itself. (An operator with
-- DDL rights can still disable the trigger; the hash chain then shows what was changed.)
CREATE OR REPLACE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
