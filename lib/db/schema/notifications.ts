/**
 * Notifications (issue 16): what a person is told in the portal, the email outbox that carries it by email, each
 * person's email preferences and the artworks an investor follows. Owned by lib/notifications.
 *
 * A recipient is a text key: `investor:<uuid>` for an investor (every wallet linked to them sees it) or
 * `wallet:<0x…>` for a wallet without an investor record (issuers, staff).
 */
import type { InferSelectModel } from "drizzle-orm";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { artworks } from "./artworks";
import { createdAt, serialId, timestamptz, updatedAt } from "./columns";
import { investors } from "./people";

const recipientCheck = (name: string, column: AnyPgColumn) =>
  check(name, sql`${column} ~ '^(investor:[0-9a-f-]{36}|wallet:0x[0-9a-f]{40})$'`);

/** One notification in the portal. `dedupe_key` makes every emitter idempotent (a re-read event notifies once). */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recipient: text("recipient").notNull(),
    kind: text("kind").notNull(),
    /** The message's values (artwork title, shares, comment…), rendered in the reader's language when shown. */
    params: jsonb("params").$type<Record<string, string | number>>().notNull().default({}),
    /** Where to act: a path inside the portal. */
    link: text("link").notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    createdAt: createdAt(),
    readAt: timestamptz("read_at"),
  },
  (t) => [
    uniqueIndex("notifications_dedupe_key_idx").on(t.dedupeKey),
    // A person's notifications, newest first, a keyset page at a time (lib/notifications/inbox.ts).
    index("notifications_recipient_created_idx").on(t.recipient, t.createdAt, t.id),
    index("notifications_recipient_unread_idx")
      .on(t.recipient)
      .where(sql`${t.readAt} IS NULL`),
    recipientCheck("notifications_recipient_format", t.recipient),
    check("notifications_link_path", sql`${t.link} ~ '^/'`),
  ],
);
export type Notification = InferSelectModel<typeof notifications>;

/**
 * Emails waiting to be sent (a transactional outbox: written in the transaction of the event). A worker claims
 * due rows with `FOR UPDATE SKIP LOCKED` and a lease (`claimed_by`, `claimed_until`), so two workers never send one
 * row twice; a failure is retried with backoff (`next_attempt_at`) and `last_error` says why.
 */
export const notificationOutbox = pgTable(
  "notification_outbox",
  {
    id: serialId(),
    notificationId: uuid("notification_id").references(() => notifications.id, { onDelete: "set null" }),
    email: text("email").notNull(),
    locale: text("locale").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamptz("next_attempt_at").notNull().defaultNow(),
    sentAt: timestamptz("sent_at"),
    /** Given up after too many attempts (kept for the record; never retried). */
    failedAt: timestamptz("failed_at"),
    lastError: text("last_error"),
    claimedBy: text("claimed_by"),
    claimedUntil: timestamptz("claimed_until"),
    createdAt: createdAt(),
  },
  (t) => [
    index("notification_outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} IS NULL AND ${t.failedAt} IS NULL`),
  ],
);
export type OutboxRow = InferSelectModel<typeof notificationOutbox>;

/** A person's email preferences and language. No row: every kind by email, in the language last known (English). */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    recipient: text("recipient").primaryKey(),
    locale: text("locale").notNull().default("en"),
    /** Kinds (see lib/notifications/kinds.ts) this person does not want by email. */
    emailOff: jsonb("email_off").$type<string[]>().notNull().default([]),
    /** The unsubscribe link was followed: no email at all until the person turns kinds on again. */
    unsubscribedAll: boolean("unsubscribed_all").notNull().default(false),
    updatedAt: updatedAt(),
  },
  (t) => [
    recipientCheck("notification_preferences_recipient_format", t.recipient),
    check("notification_preferences_locale", sql`${t.locale} IN ('en', 'zh-HK')`),
  ],
);
export type NotificationPreferences = InferSelectModel<typeof notificationPreferences>;

/**
 * Artworks an investor follows (told when an offering for it opens). `settled_through`: the creation time of the
 * newest of the artwork's offerings this follow is done with (the follower was told it opened, or never will be:
 * they followed after it opened, or it ended without opening); only later offerings are still pending for it.
 */
export const artworkFollows = pgTable(
  "artwork_follows",
  {
    investorId: uuid("investor_id")
      .notNull()
      .references(() => investors.id, { onDelete: "cascade" }),
    artworkId: uuid("artwork_id")
      .notNull()
      .references(() => artworks.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    settledThrough: timestamptz("settled_through"),
  },
  (t) => [primaryKey({ columns: [t.investorId, t.artworkId] }), index("artwork_follows_artwork_idx").on(t.artworkId)],
);
export type ArtworkFollow = InferSelectModel<typeof artworkFollows>;
