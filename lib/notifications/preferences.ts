/**
 * Email preferences (which kinds by email, in which language) and the unsubscribe link. A signed-in person's are
 * kept under their recipient key (their investor's when the wallet is linked to one).
 */
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { notificationPreferences } from "@/lib/db/schema";
import { type PreferenceGroup, preferenceGroupNames, preferenceGroups, type Recipient } from "./kinds";
import { getContact, getPreferencesRow, isKnownWallet, recipientOfWallet } from "./recipients";
import type { MailLocale } from "./render";
import { verifyUnsubscribeToken } from "./token";
import type { PreferencesView } from "./types";

export async function getPreferences(
  db: Database,
  { address, fallbackLocale }: { address: string; fallbackLocale: MailLocale },
): Promise<PreferencesView> {
  const recipient = await recipientOfWallet(db, address);
  const contact = await getContact(db, recipient);
  const row = contact.preferences;
  const off = new Set(row?.emailOff ?? []);
  const email = Object.fromEntries(
    preferenceGroupNames.map((g) => [g, !row?.unsubscribedAll && !preferenceGroups[g].some((kind) => off.has(kind))]),
  ) as PreferencesView["email"];
  return {
    locale: row ? contact.locale : fallbackLocale,
    email,
    unsubscribedAll: row?.unsubscribedAll ?? false,
    hasEmail: Boolean(contact.email),
  };
}

export async function savePreferences(
  db: Database,
  { address, locale, email }: { address: string; locale: MailLocale; email: Record<PreferenceGroup, boolean> },
): Promise<{ ok: true } | { ok: false; code: "unknown_wallet" }> {
  // A wallet the portal knows nothing of has no address to write to: nothing is stored for it (no row at all).
  if (!(await isKnownWallet(db, address))) return { ok: false, code: "unknown_wallet" };
  const recipient = await recipientOfWallet(db, address);
  const emailOff = preferenceGroupNames.filter((g) => !email[g]).flatMap((g) => [...preferenceGroups[g]]);
  await db
    .insert(notificationPreferences)
    .values({ recipient, locale, emailOff, unsubscribedAll: false })
    .onConflictDoUpdate({
      target: notificationPreferences.recipient,
      set: { locale, emailOff, unsubscribedAll: false, updatedAt: new Date() },
    });
  // Consent to email is a record a regulated platform keeps: who changed it, when, to what.
  await writeAudit(db, {
    actor: address.toLowerCase(),
    actorRole: "account",
    action: "notifications.preferences_save",
    subjectType: "notification_recipient",
    subjectId: recipient,
    after: { locale, emailOff },
  });
  return { ok: true };
}

/** Follows an unsubscribe link: no email at all for the token's recipient. Null when the token is not valid. */
export async function unsubscribe(
  db: Database,
  { token, secret }: { token: string; secret?: string },
): Promise<{ recipient: Recipient } | null> {
  const recipient = verifyUnsubscribeToken(token, secret);
  if (!recipient) return null;
  const existing = await getPreferencesRow(db, recipient);
  await db
    .insert(notificationPreferences)
    .values({ recipient, locale: existing?.locale ?? "en", unsubscribedAll: true })
    .onConflictDoUpdate({
      target: notificationPreferences.recipient,
      set: { unsubscribedAll: true, updatedAt: new Date() },
    });
  // No session: the signed link is the proof, so the actor is the link, not a wallet.
  await writeAudit(db, {
    actor: "system",
    actorRole: "unsubscribe_link",
    action: "notifications.unsubscribe",
    subjectType: "notification_recipient",
    subjectId: recipient,
    after: { unsubscribedAll: true },
  });
  return { recipient };
}
