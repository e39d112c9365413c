/**
 * Who a recipient key is: the email address the portal knows (an investor's from their KYC application, a wallet's
 * from its profile; never on chain) and the language and kinds they want by email. Plain module.
 */
import { eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { notificationPreferences, profiles, type NotificationPreferences } from "@/lib/db/schema";
import { getInvestorById, getInvestorWallets, investorIdOfWallet } from "@/lib/investors";
import { investorRecipient, type NotificationKind, type Recipient, walletRecipient } from "./kinds";
import { type MailLocale, toMailLocale } from "./render";

export type Contact = { email: string | null; locale: MailLocale; preferences: NotificationPreferences | null };

export async function getPreferencesRow(db: Database, recipient: Recipient): Promise<NotificationPreferences | null> {
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.recipient, recipient))
    .limit(1);
  return row ?? null;
}

async function emailOf(db: Database, recipient: Recipient): Promise<string | null> {
  if (recipient.startsWith("investor:")) {
    const investor = await getInvestorById(db, recipient.slice("investor:".length));
    if (investor?.email) return investor.email;
    // No email on the record yet: a profile of one of the investor's wallets may carry one.
    const wallets = investor ? await getInvestorWallets(db, { investorId: investor.id }) : [];
    if (wallets.length === 0) return null;
    const rows = await db
      .select({ email: profiles.email })
      .from(profiles)
      .where(
        inArray(
          profiles.address,
          wallets.map((w) => w.address),
        ),
      );
    return rows.find((r) => r.email)?.email ?? null;
  }
  const [row] = await db
    .select({ email: profiles.email })
    .from(profiles)
    .where(eq(profiles.address, recipient.slice("wallet:".length)))
    .limit(1);
  return row?.email ?? null;
}

export async function getContact(db: Database, recipient: Recipient): Promise<Contact> {
  const [email, preferences] = await Promise.all([emailOf(db, recipient), getPreferencesRow(db, recipient)]);
  return { email: email?.trim() || null, locale: toMailLocale(preferences?.locale), preferences };
}

/**
 * The one answer to "does this person want this email": where and in which language to send a notification of this
 * kind now, or null when they do not (no address known, unsubscribed from all, or this kind turned off; no preferences
 * row means every kind). Asked when the email is queued (`notify`) and again just before it is sent (the outbox), so
 * a change of mind in between withdraws it and a changed address is the one written to.
 */
export async function emailWanted(
  db: Database,
  recipient: Recipient,
  kind: NotificationKind | string,
): Promise<{ email: string; locale: MailLocale } | null> {
  const { email, locale, preferences } = await getContact(db, recipient);
  if (!email) return null;
  if (preferences && (preferences.unsubscribedAll || preferences.emailOff.includes(kind))) return null;
  return { email, locale };
}

/** The recipient key of a wallet: its investor when it is linked to one, else the wallet itself. */
export async function recipientOfWallet(db: Database, address: string): Promise<Recipient> {
  const investorId = await investorIdOfWallet(db, address);
  return investorId ? investorRecipient(investorId) : walletRecipient(address);
}

/** Every recipient key a signed-in wallet reads: its own, and its investor's when it has one. */
export async function recipientsOfViewer(db: Database, address: string): Promise<Recipient[]> {
  const investorId = await investorIdOfWallet(db, address);
  return investorId ? [investorRecipient(investorId), walletRecipient(address)] : [walletRecipient(address)];
}

/** Whether the portal knows this wallet at all: an investor's, or one with a profile (staff, issuers, the seed's). */
export async function isKnownWallet(db: Database, address: string): Promise<boolean> {
  if (await investorIdOfWallet(db, address)) return true;
  const [row] = await db
    .select({ address: profiles.address })
    .from(profiles)
    .where(eq(profiles.address, address.toLowerCase()))
    .limit(1);
  return row !== undefined;
}
