CREATE TYPE "public"."artwork_status" AS ENUM('draft', 'submitted', 'returned', 'approved', 'deployed', 'offering', 'trading');--> statement-breakpoint
CREATE TYPE "public"."document_kind" AS ENUM('appraisal', 'condition', 'insurance', 'custody', 'provenance', 'prospectus', 'other');--> statement-breakpoint
CREATE TYPE "public"."investor_category" AS ENUM('retail', 'professional', 'institutional');--> statement-breakpoint
CREATE TYPE "public"."kyc_status" AS ENUM('draft', 'submitted', 'in_review', 'needs_information', 'approved', 'rejected', 'expired');--> statement-breakpoint
CREATE TABLE "artwork_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"artwork_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text NOT NULL,
	"kind" "document_kind" NOT NULL,
	"file_path" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "artwork_documents_sha256_format" CHECK ("artwork_documents"."sha256" ~ '^0x[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "artworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"issuer_address" text NOT NULL,
	"title" text NOT NULL,
	"title_zh" text,
	"artist" text NOT NULL,
	"artist_born" integer,
	"artist_died" integer,
	"artist_bio" text,
	"year" integer,
	"medium" text,
	"dimensions" text,
	"description_md" text DEFAULT '' NOT NULL,
	"description_zh" text,
	"story_md" text,
	"story_zh" text,
	"condition_report" text,
	"custodian" text,
	"custodian_location" text,
	"insurer" text,
	"insured_value" numeric,
	"provenance" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"appraisals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"images" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "artwork_status" DEFAULT 'draft' NOT NULL,
	"review_comment" text,
	"token_address" text,
	"metadata_uri" text,
	"metadata_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "artworks_slug_unique" UNIQUE("slug"),
	CONSTRAINT "artworks_token_address_unique" UNIQUE("token_address"),
	CONSTRAINT "artworks_issuer_address_format" CHECK ("artworks"."issuer_address" IS NULL OR "artworks"."issuer_address" ~ '^0x[0-9a-f]{40}$'),
	CONSTRAINT "artworks_token_address_format" CHECK ("artworks"."token_address" IS NULL OR "artworks"."token_address" ~ '^0x[0-9a-f]{40}$')
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"tx_hash" text,
	"ip" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "indexer_cursor" (
	"name" text PRIMARY KEY NOT NULL,
	"block_number" bigint NOT NULL,
	"block_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investor_wallets" (
	"address" text PRIMARY KEY NOT NULL,
	"investor_id" uuid NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	CONSTRAINT "investor_wallets_address_format" CHECK ("investor_wallets"."address" IS NULL OR "investor_wallets"."address" ~ '^0x[0-9a-f]{40}$')
);
--> statement-breakpoint
CREATE TABLE "investors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"on_chain_id" text,
	"legal_name" text,
	"email" text,
	"nationality" char(2),
	"residence" char(2),
	"residence_numeric" smallint,
	"category" "investor_category",
	"kyc_status" "kyc_status" DEFAULT 'draft' NOT NULL,
	"kyc_approved_at" timestamp with time zone,
	"kyc_expires_at" timestamp with time zone,
	"rejection_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "investors_on_chain_id_unique" UNIQUE("on_chain_id"),
	CONSTRAINT "investors_on_chain_id_format" CHECK ("investors"."on_chain_id" IS NULL OR "investors"."on_chain_id" ~ '^0x[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "offerings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"artwork_id" uuid NOT NULL,
	"on_chain_id" numeric,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offerings_on_chain_id_unique" UNIQUE("on_chain_id")
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"address" text PRIMARY KEY NOT NULL,
	"display_name" text NOT NULL,
	"email" text,
	"locale" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profiles_address_format" CHECK ("profiles"."address" IS NULL OR "profiles"."address" ~ '^0x[0-9a-f]{40}$')
);
--> statement-breakpoint
CREATE TABLE "session_revocations" (
	"jti" text PRIMARY KEY NOT NULL,
	"revoked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "siwe_nonces" (
	"nonce" text PRIMARY KEY NOT NULL,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "siwe_nonces_address_format" CHECK ("siwe_nonces"."address" IS NULL OR "siwe_nonces"."address" ~ '^0x[0-9a-f]{40}$')
);
--> statement-breakpoint
ALTER TABLE "artwork_documents" ADD CONSTRAINT "artwork_documents_artwork_id_artworks_id_fk" FOREIGN KEY ("artwork_id") REFERENCES "public"."artworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investor_wallets" ADD CONSTRAINT "investor_wallets_investor_id_investors_id_fk" FOREIGN KEY ("investor_id") REFERENCES "public"."investors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_artwork_id_artworks_id_fk" FOREIGN KEY ("artwork_id") REFERENCES "public"."artworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "artwork_documents_artwork_name_idx" ON "artwork_documents" USING btree ("artwork_id","name");--> statement-breakpoint
CREATE INDEX "artworks_status_idx" ON "artworks" USING btree ("status");--> statement-breakpoint
CREATE INDEX "artworks_issuer_address_idx" ON "artworks" USING btree ("issuer_address");--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "investor_wallets_investor_id_idx" ON "investor_wallets" USING btree ("investor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "investor_wallets_one_primary_idx" ON "investor_wallets" USING btree ("investor_id") WHERE "investor_wallets"."is_primary";--> statement-breakpoint
CREATE INDEX "investors_kyc_status_idx" ON "investors" USING btree ("kyc_status");--> statement-breakpoint
CREATE INDEX "offerings_artwork_id_idx" ON "offerings" USING btree ("artwork_id");--> statement-breakpoint
CREATE INDEX "session_revocations_expires_at_idx" ON "session_revocations" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "siwe_nonces_expires_at_idx" ON "siwe_nonces" USING btree ("expires_at");