/**
 * A signed-in person's notifications: listed in their language, counted, marked read. Every query is filtered by
 * the recipient keys of the session's wallet (its own and its investor's), so nobody reads or marks another's.
 */
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { tablePage, timeKeyset, type Page, type PageCursor } from "@/lib/paging";
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

/** Notifications on one page of the notifications page. */
export const NOTIFICATIONS_PAGE = 25;

/** Newest first; the id breaks ties (served by notifications_recipient_created_idx). */
export const NOTIFICATIONS_KEYSET = timeKeyset(notifications.createdAt, notifications.id, "uuid", "desc");

/** One page of this person's notifications, newest first, in their language, with how many there are in all. */
export async function listNotificationsPage(
  db: Database,
  {
    address,
    locale,
    cursor = {},
    size = NOTIFICATIONS_PAGE,
  }: { address: string; locale: MailLocale; cursor?: PageCursor; size?: number },
): Promise<Page<NotificationItem>> {
  const recipients = await recipientsOfViewer(db, address);
  const page = await tablePage(db, {
    table: notifications,
    keyset: NOTIFICATIONS_KEYSET,
    filter: inArray(notifications.recipient, recipients),
    cursor,
    size,
  });
  return {
    ...page,
    rows: page.rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      ...renderNotification(r.kind, r.params, locale),
      link: r.link,
      createdAt: r.createdAt,
      read: r.readAt !== null,
    })),
  };
}

/** The newest `limit` of this person's notifications (the first page). */
export async function listNotifications(
  db: Database,
  { address, locale, limit = NOTIFICATIONS_PAGE }: { address: string; locale: MailLocale; limit?: number },
): Promise<NotificationItem[]> {
  return (await listNotificationsPage(db, { address, locale, size: limit })).rows;
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
