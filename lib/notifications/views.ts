/**
 * What the portal's pages read (the header's unread count, the notifications page, the artwork page's follow
 * state), from the process-wide database. The database module is loaded on the first call, not at import: this
 * domain's index is also loaded by the indexer worker, where the server-only database module must not be.
 */
import type { Database } from "@/lib/db/connect";
import { investorIdOfWallet } from "@/lib/investors";
import { isFollowing } from "./follows";
import { countUnread, listNotifications } from "./inbox";
import { getPreferences } from "./preferences";
import type { MailLocale } from "./render";
import type { NotificationItem, PreferencesView } from "./types";

async function db(): Promise<Database> {
  const { getDb } = await import("@/lib/db");
  return getDb();
}

/** The header bell's count; null when it cannot be read (the header must not fail a page). */
export async function loadUnreadCount(address: string): Promise<number | null> {
  try {
    return await countUnread(await db(), { address });
  } catch (error) {
    console.error("[notifications] unread count failed:", error instanceof Error ? error.message : error);
    return null;
  }
}

export async function loadNotificationsView({
  address,
  locale,
}: {
  address: string;
  locale: MailLocale;
}): Promise<{ items: NotificationItem[]; preferences: PreferencesView }> {
  const d = await db();
  const [items, preferences] = await Promise.all([
    listNotifications(d, { address, locale }),
    getPreferences(d, { address, fallbackLocale: locale }),
  ]);
  return { items, preferences };
}

/**
 * The follow button's state for a signed-in wallet: "investor" (may follow) with whether it follows, or "none"
 * (a wallet with no investor record cannot follow).
 */
export async function loadFollowState({
  address,
  artworkId,
}: {
  address: string;
  artworkId: string;
}): Promise<{ canFollow: boolean; following: boolean }> {
  const d = await db();
  const investorId = await investorIdOfWallet(d, address);
  if (!investorId) return { canFollow: false, following: false };
  return { canFollow: true, following: await isFollowing(d, { investorId, artworkId }) };
}
