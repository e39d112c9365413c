/**
 * Emitting a notification: one row in `notifications` (idempotent by its dedupe key) and, when the person wants it
 * by email and the portal knows their address, one row in the outbox with the email already in their language.
 * Called inside the transaction of the event itself (a KYC decision, an indexed fill…), so the notification and its
 * email exist exactly when the event does; nothing is sent here (the outbox worker sends). Plain module.
 */
import type { Database } from "@/lib/db/connect";
import { notificationOutbox, notifications } from "@/lib/db/schema";
import { getServerEnv } from "@/lib/env";
import type { NotificationKind, Recipient } from "./kinds";
import { emailWanted } from "./recipients";
import { renderEmail } from "./render";
import { unsubscribeUrl } from "./token";

/** Where links point, and the secret the unsubscribe links are signed from (UNSUBSCRIBE_SECRET, see ./token). */
export type MailSettings = { appOrigin: string; unsubscribeSecret: string };

export function defaultMailSettings(): MailSettings {
  const env = getServerEnv();
  return { appOrigin: env.appOrigin, unsubscribeSecret: env.unsubscribeSecret };
}

export type NotifyInput = {
  recipient: Recipient;
  kind: NotificationKind;
  params?: Record<string, string | number>;
  /** A path in the portal where the person can act. */
  link: string;
  /** Unique per event and recipient: the same event notifies once, however often it is seen. */
  dedupeKey: string;
  now?: Date;
};

/** Returns the new notification's id, or null when this event had already notified this person. */
export async function notify(
  db: Database,
  { recipient, kind, params = {}, link, dedupeKey, now = new Date() }: NotifyInput,
  settings: MailSettings = defaultMailSettings(),
): Promise<string | null> {
  // A path inside the portal, never another site ("//host" is a link to another origin).
  if (!/^\/(?![/\\])/.test(link))
    throw new Error(`notify: the link must be a path in the portal: ${JSON.stringify(link)}`);
  const [row] = await db
    .insert(notifications)
    .values({ recipient, kind, params, link, dedupeKey, createdAt: now })
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  if (!row) return null;
  const to = await emailWanted(db, recipient, kind);
  if (to) {
    const email = renderEmail({
      kind,
      params,
      locale: to.locale,
      actionUrl: `${settings.appOrigin}${link}`,
      unsubscribeUrl: unsubscribeUrl(settings.appOrigin, recipient, settings.unsubscribeSecret),
      preferencesUrl: `${settings.appOrigin}/notifications#preferences`,
    });
    await db.insert(notificationOutbox).values({
      notificationId: row.id,
      email: to.email,
      locale: to.locale,
      ...email,
      nextAttemptAt: now,
      createdAt: now,
    });
  }
  return row.id;
}
