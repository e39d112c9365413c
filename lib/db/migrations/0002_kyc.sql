CREATE TYPE "public"."kyc_document_kind" AS ENUM('identity', 'address', 'professional');--> statement-breakpoint
CREATE TABLE "kyc_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"investor_id" uuid NOT NULL,
	"wallet" text NOT NULL,
	"status" "kyc_status" DEFAULT 'draft' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"rejection_reason" text,
	"info_request" text,
	"info_response" text,
	"pre_approved_by" text,
	"pre_approved_at" timestamp with time zone,
	"approval_tx_hash" text,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kyc_applications_wallet_format" CHECK ("kyc_applications"."wallet" IS NULL OR "kyc_applications"."wallet" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "kyc_applications_decided_by_format" CHECK ("kyc_applications"."decided_by" IS NULL OR "kyc_applications"."decided_by" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "kyc_applications_pre_approved_by_format" CHECK ("kyc_applications"."pre_approved_by" IS NULL OR "kyc_applications"."pre_approved_by" ~ '^0x[0-9a-f]{40}$')
);
--> statement-breakpoint
CREATE TABLE "kyc_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" "kyc_document_kind" NOT NULL,
	"original_name" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"file_path" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kyc_documents_sha256_format" CHECK ("kyc_documents"."sha256" ~ '^0x[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "kyc_applications" ADD CONSTRAINT "kyc_applications_investor_id_investors_id_fk" FOREIGN KEY ("investor_id") REFERENCES "public"."investors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyc_documents" ADD CONSTRAINT "kyc_documents_application_id_kyc_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."kyc_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kyc_applications_investor_idx" ON "kyc_applications" USING btree ("investor_id");--> statement-breakpoint
CREATE INDEX "kyc_applications_status_idx" ON "kyc_applications" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "kyc_documents_application_idx" ON "kyc_documents" USING btree ("application_id");