DROP INDEX "artworks_status_idx";--> statement-breakpoint
DROP INDEX "kyc_applications_status_idx";--> statement-breakpoint
DROP INDEX "notifications_recipient_created_idx";--> statement-breakpoint
DROP INDEX "issuer_applications_status_idx";--> statement-breakpoint
CREATE INDEX "market_orders_maker_open_idx" ON "market_orders" USING btree ("maker","placed_at","order_id") WHERE "market_orders"."status" = 'open';--> statement-breakpoint
CREATE INDEX "kyc_applications_open_queue_idx" ON "kyc_applications" USING btree (coalesce("submitted_at", "created_at"),"id") WHERE "kyc_applications"."status" IN ('submitted', 'in_review', 'needs_information');--> statement-breakpoint
CREATE INDEX "issuer_applications_waiting_idx" ON "issuer_applications" USING btree (coalesce("submitted_at", "created_at"),"id") WHERE "issuer_applications"."status" IN ('submitted', 'resubmitted');--> statement-breakpoint
CREATE INDEX "artworks_status_idx" ON "artworks" USING btree ("status","updated_at","id");--> statement-breakpoint
CREATE INDEX "kyc_applications_status_idx" ON "kyc_applications" USING btree ("status",coalesce("submitted_at", "created_at"),"id");--> statement-breakpoint
CREATE INDEX "notifications_recipient_created_idx" ON "notifications" USING btree ("recipient","created_at","id");--> statement-breakpoint
CREATE INDEX "issuer_applications_status_idx" ON "issuer_applications" USING btree ("status",coalesce("submitted_at", "created_at"),"id");