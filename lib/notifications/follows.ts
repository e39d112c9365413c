/**
 * Artworks an investor follows, and the "offering opened" notification for them.
 *
 * Trigger: a periodic check (lib/jobs/notifications.ts, every instance, idempotent), not an event handler. For each
 * offering of a followed artwork whose followers are not all told yet, it reads the offering's status from the chain
 * and, when it is live, notifies each follower once (dedupe key per offering and investor). This one rule covers an
 * offering created already open and one whose start time is reached later (no transaction happens then: the chain
 * only starts saying "live"), survives restarts and outages (the next check catches up), and runs on any instance.
 * A person who starts following after the offering opened is not told (they saw it open on the artwork's page).
 * Plain module: the chain read is passed in.
 */
import { and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { artworkFollows, artworks, notifications, offerings } from "@/lib/db/schema";
import { emitOfferingOpened } from "./events";
import type { MailSettings } from "./emit";

/** PrimaryOffering.Status.Live as numbered on chain. */
const LIVE = 1;

export async function setFollow(
  db: Database,
  { investorId, artworkId, follow }: { investorId: string; artworkId: string; follow: boolean },
): Promise<void> {
  if (follow) {
    await db.insert(artworkFollows).values({ investorId, artworkId }).onConflictDoNothing();
  } else {
    await db
      .delete(artworkFollows)
      .where(and(eq(artworkFollows.investorId, investorId), eq(artworkFollows.artworkId, artworkId)));
  }
}

/**
 * Follows (or stops following) a listed artwork by its slug: "not_found" when no listed artwork has it,
 * "not_investor" for a wallet with no investor record (`investorId` null).
 */
export async function followArtworkBySlug(
  db: Database,
  { investorId, slug, follow, actor }: { investorId: string | null; slug: string; follow: boolean; actor: string },
): Promise<{ ok: true } | { ok: false; code: "not_found" | "not_investor" }> {
  const [art] = await db
    .select({ id: artworks.id })
    .from(artworks)
    .where(and(eq(artworks.slug, slug), isNotNull(artworks.tokenAddress)))
    .limit(1);
  if (!art) return { ok: false, code: "not_found" };
  if (!investorId) return { ok: false, code: "not_investor" };
  await setFollow(db, { investorId, artworkId: art.id, follow });
  await writeAudit(db, {
    actor: actor.toLowerCase(),
    actorRole: "investor",
    action: follow ? "notifications.follow" : "notifications.unfollow",
    subjectType: "artwork",
    subjectId: art.id,
    after: { slug, investorId },
  });
  return { ok: true };
}

export async function isFollowing(db: Database, { investorId, artworkId }: { investorId: string; artworkId: string }) {
  const [row] = await db
    .select({ at: artworkFollows.createdAt })
    .from(artworkFollows)
    .where(and(eq(artworkFollows.investorId, investorId), eq(artworkFollows.artworkId, artworkId)))
    .limit(1);
  return Boolean(row);
}

export type OfferingState = { status: number; start: bigint };
export type ReadOfferings = (onChainIds: bigint[]) => Promise<Map<string, OfferingState>>;

/** Followers of offerings not yet told, with what the message needs. */
async function pendingFollowers(db: Database) {
  const key = sql`'offering_open:' || ${offerings.onChainId} || ':' || ${artworkFollows.investorId}`;
  return (
    db
      .select({
        investorId: artworkFollows.investorId,
        followedAt: artworkFollows.createdAt,
        offeringId: offerings.onChainId,
        offeringCreatedAt: offerings.createdAt,
        slug: artworks.slug,
        title: artworks.title,
        titleZh: artworks.titleZh,
      })
      .from(artworkFollows)
      .innerJoin(artworks, eq(artworks.id, artworkFollows.artworkId))
      .innerJoin(offerings, eq(offerings.artworkId, artworkFollows.artworkId))
      .leftJoin(notifications, eq(notifications.dedupeKey, key))
      .where(and(isNull(notifications.id), sql`${offerings.onChainId} IS NOT NULL`))
      // Newest offerings first: followers who will never be told (they followed after an offering opened, or it ended
      // without opening) stay pending, and must not crowd a new offering's followers out of the batch.
      .orderBy(desc(offerings.createdAt), asc(artworkFollows.createdAt))
      .limit(500)
  );
}

/** Notifies the followers of every offering that is now live (see the trigger above). Returns how many were told. */
export async function notifyOpenedOfferings(
  db: Database,
  { readOfferings, settings }: { readOfferings: ReadOfferings; settings?: MailSettings },
): Promise<number> {
  const pending = await pendingFollowers(db);
  if (pending.length === 0) return 0;
  const ids = [...new Set(pending.map((p) => p.offeringId!))];
  const states = await readOfferings(ids.map((id) => BigInt(id)));
  let told = 0;
  for (const p of pending) {
    const state = states.get(p.offeringId!);
    if (!state || state.status !== LIVE) continue;
    const opensAt = Number(state.start) * 1000;
    // Followed before it opened (or before this offering was created, when it was created already open).
    const followedFirst = p.followedAt.getTime() <= opensAt || p.followedAt <= p.offeringCreatedAt;
    if (!followedFirst) continue;
    const id = await emitOfferingOpened(db, { ...p, offeringId: p.offeringId! }, settings);
    if (id) told += 1;
  }
  return told;
}
