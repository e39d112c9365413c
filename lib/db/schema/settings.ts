/**
 * Platform settings the portal enforces or offers (the KYC validity period, the token rules a new listing starts
 * from): one row per setting, its value as JSON, who changed it last and when. A setting with no row has its default
 * (lib/settings). Every change is also in the audit log with its before and after.
 */
import { jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";

export const platformSettings = pgTable("platform_settings", {
  /** "kycValidityMonths" | "tokenRuleDefaults". */
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  /** Lowercase wallet of the admin who set it. */
  updatedBy: text("updated_by").notNull(),
  updatedAt: timestamptz("updated_at").notNull().defaultNow(),
});

export type PlatformSetting = typeof platformSettings.$inferSelect;
