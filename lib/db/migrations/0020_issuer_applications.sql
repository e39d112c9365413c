CREATE TYPE "public"."kyb_document_kind" AS ENUM('certificate_of_incorporation', 'business_registration', 'board_resolution');--> statement-breakpoint
CREATE TYPE "public"."kyb_status" AS ENUM('draft', 'submitted', 'needs_information', 'resubmitted', 'approved', 'active', 'rejected');--> statement-breakpoint
CREATE TABLE "issuer_application_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" "kyb_document_kind" NOT NULL,
	"original_name" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"file_path" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "issuer_application_documents_sha256_format" CHECK ("issuer_application_documents"."sha256" ~ '^0x[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "issuer_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"applicant" text NOT NULL,
	"status" "kyb_status" DEFAULT 'draft' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"info_request" text,
	"info_response" text,
	"rejection_reason" text,
	"pre_approved_by" text,
	"pre_approved_at" timestamp with time zone,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"activated_at" timestamp with time zone,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "issuer_applications_applicant_format" CHECK ("issuer_applications"."applicant" IS NULL OR "issuer_applications"."applicant" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "issuer_applications_pre_approved_by_format" CHECK ("issuer_applications"."pre_approved_by" IS NULL OR "issuer_applications"."pre_approved_by" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "issuer_applications_decided_by_format" CHECK ("issuer_applications"."decided_by" IS NULL OR "issuer_applications"."decided_by" ~ '^0x[0-9a-f]{40}$')
);
--> statement-breakpoint
ALTER TABLE "issuer_application_documents" ADD CONSTRAINT "issuer_application_documents_application_id_issuer_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."issuer_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "issuer_application_documents_application_idx" ON "issuer_application_documents" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "issuer_applications_status_idx" ON "issuer_applications" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "issuer_applications_open_applicant_uq" ON "issuer_applications" USING btree ("applicant") WHERE "issuer_applications"."status" <> 'rejected';