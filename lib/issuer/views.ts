import "server-only";
import { getLocale } from "next-intl/server";
import { getAddress, type Hex } from "viem";
import { getTokenPowers } from "@/lib/compliance";
import { getPlatformStopControl } from "@/lib/platform";
import { getDb } from "@/lib/db";
import { getServerEnv } from "@/lib/env";
import { pageNumber, parsePageCursor } from "@/lib/paging";
import {
  getListingById,
  getListingDocuments,
  isEditable,
  listSubmittedListings,
  REVIEW_PAGE,
  REVIEW_KEYSET,
} from "@/lib/issuer/listings";
import { chainContracts, getIssuerListing, getIssuerUpdates } from "@/lib/issuer/queries";

/**
 * Server-only view loaders of the issuer's pages and of the listing review: each page calls one and receives plain
 * data; pages and components never reach the database.
 */

/**
 * The listing review queue: submitted listings with their documents, the listing just decided (for the notice), and,
 * for the platform admin who lands here, the emergency stop's state.
 */
export async function getListingReviewView({
  reviewed,
  admin,
  sp = {},
}: {
  reviewed?: string;
  admin: boolean;
  /** The page's search parameters: which page of the queue (`?after=` / `?before=`). */
  sp?: Record<string, string | string[] | undefined>;
}) {
  const cursor = parsePageCursor(sp, REVIEW_KEYSET.parts.length);
  const db = await getDb();
  const [done, listings, stopControl] = await Promise.all([
    reviewed && /^[0-9a-f-]{36}$/i.test(reviewed) ? getListingById(db, { id: reviewed }) : null,
    listSubmittedListings(db, { cursor, locale: await getLocale() }),
    admin ? getPlatformStopControl() : null,
  ]);
  const docs = await Promise.all(listings.rows.map((l) => getListingDocuments(db, { artworkId: l.id })));
  return { done, listings, number: pageNumber(listings, REVIEW_PAGE), docs, stopControl };
}

/**
 * One listing for its issuer: the listing and its go-on-chain progress, the transactions each step sent, the live
 * offering's history, updates, and the token's powers. Null when the listing is not this issuer's.
 */
export async function getIssuerArtworkView({ id, issuer }: { id: string; issuer: string }) {
  const data = await getIssuerListing({ id, issuer });
  if (!data) return null;
  const { artwork, progress, stepTxs, confirmedTxs } = data;
  const txView = (tx: (typeof stepTxs)["deploy"]) =>
    tx ? { status: tx.status, txHash: tx.txHash, failure: tx.failure, sentAt: tx.sentAt.toISOString() } : null;
  const anchorTxs = Object.fromEntries(
    confirmedTxs
      .filter((tx) => tx.kind === "anchor" && typeof tx.details.documentId === "string")
      .map((tx) => [tx.details.documentId as string, tx.txHash as Hex]),
  );
  const offeringTxs = confirmedTxs.filter(
    (tx) =>
      (tx.kind === "close" || tx.kind === "withdraw") && tx.details.offeringId === progress?.offeringId?.toString(),
  );
  const [updates, powers] = await Promise.all([
    getIssuerUpdates({ artworkId: artwork.id, token: artwork.tokenAddress }),
    artwork.tokenAddress ? getTokenPowers(getAddress(artwork.tokenAddress)) : null,
  ]);
  const symbol =
    artwork.title
      .replace(/[^A-Za-z]/g, "")
      .slice(0, 4)
      .toUpperCase()
      .padEnd(2, "X") + "S";
  return {
    ...data,
    deployTx: txView(stepTxs.deploy),
    offeringTx: txView(stepTxs.offering),
    anchorTxs,
    offeringTxs,
    updates,
    powers,
    editable: isEditable(artwork),
    symbol,
    contracts: chainContracts(),
    appOrigin: getServerEnv().appOrigin,
  };
}

export type IssuerArtworkView = NonNullable<Awaited<ReturnType<typeof getIssuerArtworkView>>>;
