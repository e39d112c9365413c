CREATE TABLE "issuer_profiles" (
	"address" text PRIMARY KEY NOT NULL,
	"name_en" text,
	"name_zh" text,
	"about_en" text,
	"about_zh" text,
	"logo_src" text,
	"logo_width" integer,
	"logo_height" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "issuer_profiles_address_format" CHECK ("issuer_profiles"."address" IS NULL OR "issuer_profiles"."address" ~ '^0x[0-9a-f]{40}$')
);
