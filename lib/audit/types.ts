/** An audit log entry as the UI shows it (components do not import the database schema). */
export type { AuditLogEntry } from "@/lib/db/schema";
