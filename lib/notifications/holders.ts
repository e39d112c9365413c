/**
 * What happens to an artwork as a whole, told to each wallet that holds (or held at a record block) its shares: a
 * distribution to claim, a holders' vote on selling the artwork that opened, and the vote's outcome. Called inside
 * the transaction that records the event (an issuer's verified transaction, or the indexer's live block), once per
 * wallet and event (the dedupe key). Plain module.
 */
import { inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { artworks } from "@/lib/db/schema";
import { hkDateStamp } from "@/lib/format/date";
import { type MailSettings, notify } from "./emit";
import type { NotificationKind } from "./kinds";
import { recipientOfWallet } from "./recipients";

type HolderNotice = {
  token: string;
  wallets: readonly string[];
  kind: NotificationKind;
  params?: Record<string, string | number>;
  /** Where the holder acts: their portfolio, or the artwork's trade page (where votes and redemptions are signed). */
  place: "portfolio" | "trade";
  /** Names the event; the wallet is appended, so each wallet is told once. */
  dedupeKey: string;
};

/** Tells each wallet once; returns how many were told now (a wallet already told is not told again). */
export async function notifyHolders(
  db: Database,
  { token, wallets, kind, params = {}, place, dedupeKey }: HolderNotice,
  settings?: MailSettings,
): Promise<number> {
  if (wallets.length === 0) return 0;
  const [art] = await db
    .select({ slug: artworks.slug, title: artworks.title, titleZh: artworks.titleZh })
    .from(artworks)
    .where(inArray(artworks.tokenAddress, [token.toLowerCase()]))
    .limit(1);
  const link = place === "trade" && art ? `/artworks/${encodeURIComponent(art.slug)}/trade` : "/portfolio";
  let told = 0;
  for (const wallet of new Set(wallets.map((w) => w.toLowerCase()))) {
    const id = await notify(
      db,
      {
        recipient: await recipientOfWallet(db, wallet),
        kind,
        params: { ...params, artwork: art?.title ?? token, artworkZh: art?.titleZh ?? "" },
        link,
        dedupeKey: `${dedupeKey}:${wallet}`,
      },
      settings,
    );
    if (id) told += 1;
  }
  return told;
}

/** A distribution was anchored on-chain: each entitled wallet is told there is something to claim, by when. */
export function emitDistributionToClaim(
  db: Database,
  a: { distributionId: string; token: string; wallets: readonly string[]; claimDeadline: Date },
  settings?: MailSettings,
): Promise<number> {
  return notifyHolders(
    db,
    {
      token: a.token,
      wallets: a.wallets,
      kind: "distribution_to_claim",
      params: { date: hkDateStamp(a.claimDeadline) },
      place: "portfolio",
      dedupeKey: `distribution:${a.distributionId}`,
    },
    settings,
  );
}
