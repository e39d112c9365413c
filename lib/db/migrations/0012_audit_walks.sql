CREATE TABLE "audit_walks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"ok" boolean NOT NULL,
	"count" bigint NOT NULL,
	"broken_at_id" bigint,
	"reason" text
);
