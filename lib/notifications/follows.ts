/**
 * Artworks an investor follows, and the "offering opened" notification for them.
 *
 * Trigger: a periodic check (lib/jobs/notifications.ts, every instance, idempotent), not an event handler. For each
 * follow with offerings it is not done with (`settled_through`), it reads the offerings' status from the chain and,
 * when one is live, notifies the follower once (dedupe key per offering and investor) and settles the follow through
 * that offering in the same transaction. This one rule covers an offering created already open and one whose start
 * time is reached later (no transaction happens then: the chain only starts saying "live"), survives restarts and
 * outages (the next check catches up), and runs on any instance. A person who starts following after the offering
 * opened is not told (they saw it open on the artwork's page), and an offering that ended without opening tells
 * nobody: both settle the follow too, so only upcoming offerings stay pending. The follow itself stays: the artwork's
 * next offering is pending for it again. Plain module: the chain read is passed in.
 */
import { and, asc, eq, isNotNull, or, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { artworkFollows, artworks, offerings } from "@/lib/db/schema";
import { emitOfferingOpened } from "./events";
import type { MailSettings } from "./emit";

/** PrimaryOffering.Status as numbered on chain: Upcoming, Live; every later one (sold out, ended, closed) is final. */
const UPCOMING = 0;
const LIVE = 1;
/** Follows read per page (each with all of its pending offerings). */
const PAGE = 200;

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

/** An offering of the followed artwork created after the follow's settled point: still to be decided for it. */
const pendingOffering = and(
  eq(offerings.artworkId, artworkFollows.artworkId),
  isNotNull(offerings.onChainId),
  or(sql`${artworkFollows.settledThrough} IS NULL`, sql`${offerings.createdAt} > ${artworkFollows.settledThrough}`),
);

type FollowKey = { investorId: string; artworkId: string };
const afterKey = (k: FollowKey) =>
  sql`(${artworkFollows.investorId}, ${artworkFollows.artworkId}) > (${k.investorId}::uuid, ${k.artworkId}::uuid)`;

/**
 * The next page of follows with pending offerings (after `after`, in key order), each with those offerings, oldest
 * first, and what the message needs.
 */
async function pendingPage(db: Database, after: FollowKey | null) {
  const keys = await db
    .selectDistinct({ investorId: artworkFollows.investorId, artworkId: artworkFollows.artworkId })
    .from(artworkFollows)
    .innerJoin(offerings, pendingOffering)
    .where(after ? afterKey(after) : undefined)
    .orderBy(asc(artworkFollows.investorId), asc(artworkFollows.artworkId))
    .limit(PAGE);
  if (keys.length === 0) return { keys, rows: [] };
  const [first, last] = [keys[0]!, keys[keys.length - 1]!];
  const rows = await db
    .select({
      investorId: artworkFollows.investorId,
      artworkId: artworkFollows.artworkId,
      followedAt: artworkFollows.createdAt,
      offeringRowId: offerings.id,
      offeringId: offerings.onChainId,
      offeringCreatedAt: offerings.createdAt,
      slug: artworks.slug,
      title: artworks.title,
      titleZh: artworks.titleZh,
    })
    .from(artworkFollows)
    .innerJoin(offerings, pendingOffering)
    .innerJoin(artworks, eq(artworks.id, artworkFollows.artworkId))
    .where(
      sql`(${artworkFollows.investorId}, ${artworkFollows.artworkId}) BETWEEN (${first.investorId}::uuid, ${first.artworkId}::uuid) AND (${last.investorId}::uuid, ${last.artworkId}::uuid)`,
    )
    .orderBy(
      asc(artworkFollows.investorId),
      asc(artworkFollows.artworkId),
      asc(offerings.createdAt),
      asc(offerings.id),
    );
  return { keys, rows };
}
type PendingRow = Awaited<ReturnType<typeof pendingPage>>["rows"][number];

/** This follow is done with the offering (and every earlier one): compared in the database, to the microsecond. */
async function settleFollow(db: Database, p: PendingRow): Promise<void> {
  await db
    .update(artworkFollows)
    .set({
      settledThrough: sql`GREATEST(COALESCE(${artworkFollows.settledThrough}, '-infinity'::timestamptz),
        (SELECT ${offerings.createdAt} FROM ${offerings} WHERE ${offerings.id} = ${p.offeringRowId}))`,
    })
    .where(and(eq(artworkFollows.investorId, p.investorId), eq(artworkFollows.artworkId, p.artworkId)));
}

/**
 * One follow's pending offerings, oldest first: a live one tells the follower (if they followed before it opened)
 * and settles; a final one settles; an upcoming one (or one the chain did not answer for) stops here, so it and
 * every later offering stay pending. Returns how many were told.
 */
async function settleOffers(
  db: Database,
  rows: readonly PendingRow[],
  states: Map<string, OfferingState>,
  settings: MailSettings | undefined,
): Promise<number> {
  let told = 0;
  for (const p of rows) {
    const state = states.get(p.offeringId!);
    if (!state || state.status === UPCOMING) break;
    const opensAt = Number(state.start) * 1000;
    // Followed before it opened (or before this offering was created, when it was created already open).
    const followedFirst = p.followedAt.getTime() <= opensAt || p.followedAt <= p.offeringCreatedAt;
    const tell = state.status === LIVE && followedFirst;
    await db.transaction(async (tx) => {
      const t = tx as unknown as Database;
      if (tell && (await emitOfferingOpened(t, { ...p, offeringId: p.offeringId! }, settings))) told += 1;
      await settleFollow(t, p);
    });
  }
  return told;
}

/** Notifies the followers of every offering that is now live (see the trigger above). Returns how many were told. */
export async function notifyOpenedOfferings(
  db: Database,
  { readOfferings, settings }: { readOfferings: ReadOfferings; settings?: MailSettings },
): Promise<number> {
  let told = 0;
  let after: FollowKey | null = null;
  for (;;) {
    const { keys, rows } = await pendingPage(db, after);
    if (keys.length === 0) return told;
    const ids = [...new Set(rows.map((p) => p.offeringId!))];
    const states = await readOfferings(ids.map((id) => BigInt(id)));
    const byFollow = new Map<string, PendingRow[]>();
    for (const r of rows) {
      const key = `${r.investorId}:${r.artworkId}`;
      byFollow.set(key, [...(byFollow.get(key) ?? []), r]);
    }
    for (const list of byFollow.values()) told += await settleOffers(db, list, states, settings);
    if (keys.length < PAGE) return told;
    after = keys[keys.length - 1]!;
  }
}
