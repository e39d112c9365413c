CREATE TABLE "session_sign_outs" (
	"address" text PRIMARY KEY NOT NULL,
	"signed_out_at" timestamp with time zone NOT NULL,
	CONSTRAINT "session_sign_outs_address_format" CHECK ("session_sign_outs"."address" IS NULL OR "session_sign_outs"."address" ~ '^0x[0-9a-f]{40}$')
);
