/**
 * What the portal's pages read (the header's unread count, the notifications page, the artwork page's follow
 * state), from the process-wide database. The database module is loaded on the first call, not at import: this
 * domain's index is also loaded by the indexer worker, where the server-only database module must not be.
 */
import type { Database } from "@/lib/db/connect";
import { investorIdOfWallet } from "@/lib/investors";
import { isFollowing } from "./follows";
import type { Page, PageCursor } from "@/lib/paging";
import { countUnread, listNotificationsPage } from "./inbox";
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

/** The notifications page: one page of the list, the unread count of the whole list, and the preferences. */
export async function loadNotificationsView({
  address,
  locale,
  cursor = {},
}: {
  address: string;
  locale: MailLocale;
  cursor?: PageCursor;
}): Promise<{ items: Page<NotificationItem>; unread: number; preferences: PreferencesView }> {
  const d = await db();
  const [items, unread, preferences] = await Promise.all([
    listNotificationsPage(d, { address, locale, cursor }),
    countUnread(d, { address }),
    getPreferences(d, { address, fallbackLocale: locale }),
  ]);
  return { items, unread, preferences };
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
