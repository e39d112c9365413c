/**
 * A signed-in person's notifications: listed in their language, counted, marked read. Every query is filtered by
 * the recipient keys of the session's wallet (its own and its investor's), so nobody reads or marks another's.
 */
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { notifications } from "@/lib/db/schema";
import { recipientsOfViewer } from "./recipients";
import { type MailLocale, renderNotification } from "./render";
import type { NotificationItem } from "./types";

export async function countUnread(db: Database, { address }: { address: string }): Promise<number> {
  const recipients = await recipientsOfViewer(db, address);
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(inArray(notifications.recipient, recipients), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export async function listNotifications(
  db: Database,
  { address, locale, limit = 100 }: { address: string; locale: MailLocale; limit?: number },
): Promise<NotificationItem[]> {
  const recipients = await recipientsOfViewer(db, address);
  const rows = await db
    .select()
    .from(notifications)
    .where(inArray(notifications.recipient, recipients))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    ...renderNotification(r.kind, r.params, locale),
    link: r.link,
    createdAt: r.createdAt,
    read: r.readAt !== null,
  }));
}

/** Marks one of this person's notifications read; false when it is not theirs (or does not exist). */
export async function markRead(
  db: Database,
  { address, id, now = new Date() }: { address: string; id: string; now?: Date },
): Promise<boolean> {
  const recipients = await recipientsOfViewer(db, address);
  const [mine] = await db
    .select({ id: notifications.id, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), inArray(notifications.recipient, recipients)))
    .limit(1);
  if (!mine) return false;
  if (!mine.readAt) await db.update(notifications).set({ readAt: now }).where(eq(notifications.id, id));
  return true;
}

export async function markAllRead(db: Database, { address, now = new Date() }: { address: string; now?: Date }) {
  const recipients = await recipientsOfViewer(db, address);
  const marked = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(inArray(notifications.recipient, recipients), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return marked.length;
}
