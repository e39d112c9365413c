/**
 * The events that notify, each in one function called where the event happens (inside its transaction): a KYC
 * decision (lib/kyc/transitions.ts), a fill of an order (the market projection, lib/market/projection.ts), a listing
 * review (lib/issuer/listing-review.ts) and an offering opening for followers (./follows). Plain module.
 */
import type { Database } from "@/lib/db/connect";
import { type MailSettings, notify } from "./emit";
import { investorRecipient, type NotificationKind } from "./kinds";
import { hkDateStamp } from "@/lib/format/date";
import { getInvestorsExpiringBetween } from "@/lib/investors";
import { recipientOfWallet } from "./recipients";

const kycKinds: Record<string, NotificationKind> = {
  submit: "kyc_submitted",
  approve: "kyc_approved",
  reject: "kyc_rejected",
  request_information: "kyc_needs_information",
  expire: "kyc_expired",
};

/**
 * A KYC application moved (`event` is the state machine's event). Submission (a receipt), approval, rejection, a
 * request for information and expiry notify the investor; other moves (review, pre-approval) do not. Keyed by the audit entry's
 * application and status change, so a retried transaction does not notify twice.
 */
export async function emitKycDecision(
  db: Database,
  {
    investorId,
    applicationId,
    event,
    message,
    at,
  }: { investorId: string; applicationId: string; event: string; message?: string | null; at: Date },
  settings?: MailSettings,
): Promise<string | null> {
  const kind = kycKinds[event];
  if (!kind) return null;
  const params: Record<string, string> = {};
  if (kind === "kyc_rejected") params.reason = message ?? "";
  if (kind === "kyc_needs_information") params.request = message ?? "";
  return notify(
    db,
    {
      recipient: investorRecipient(investorId),
      kind,
      params,
      link: "/onboarding",
      dedupeKey: `kyc:${applicationId}:${event}:${at.toISOString()}`,
      now: at,
    },
    settings,
  );
}

/** Reminders before an approval runs out: 30 and 7 days ahead (a day counts whole days left, rounded up). */
const REMINDER_DAYS = [30, 7] as const;
const DAY_MS = 24 * 60 * 60_000;

/**
 * Tells each approved investor whose verification runs out within 30 days (and again within 7) to renew. Run by the
 * housekeeping job; once per reminder and expiry date (a renewal with a new expiry reminds again when it is due).
 */
export async function emitExpiryReminders(
  db: Database,
  { now = new Date(), settings }: { now?: Date; settings?: MailSettings } = {},
): Promise<number> {
  const soon = await getInvestorsExpiringBetween(db, {
    now,
    before: new Date(now.getTime() + REMINDER_DAYS[0] * DAY_MS),
  });
  let told = 0;
  for (const investor of soon) {
    const left = investor.kycExpiresAt.getTime() - now.getTime();
    // The nearest reminder this investor has reached (7 inside a week, else 30).
    const reminder = left <= REMINDER_DAYS[1] * DAY_MS ? REMINDER_DAYS[1] : REMINDER_DAYS[0];
    const id = await notify(
      db,
      {
        recipient: investorRecipient(investor.id),
        kind: "kyc_expiring",
        params: { days: Math.ceil(left / DAY_MS), date: hkDateStamp(investor.kycExpiresAt) },
        link: "/onboarding",
        dedupeKey: `kyc_expiring:${investor.id}:${investor.kycExpiresAt.toISOString()}:${reminder}`,
        now,
      },
      settings,
    );
    if (id) told += 1;
  }
  return told;
}

export type OrderFill = {
  txHash: string;
  logIndex: number;
  maker: string;
  side: "ask" | "bid";
  shares: string;
  /** Shares left on the order after this fill. */
  remaining: string;
  slug: string | null;
  title: string | null;
  titleZh: string | null;
};

/** A fill of a maker's order: "filled" when nothing is left, else "partly filled". Once per fill event. */
export async function emitOrderFill(db: Database, fill: OrderFill, settings?: MailSettings): Promise<string | null> {
  const done = BigInt(fill.remaining) === 0n;
  return notify(
    db,
    {
      recipient: await recipientOfWallet(db, fill.maker),
      kind: done ? "order_filled" : "order_partly_filled",
      params: {
        artwork: fill.title ?? "",
        artworkZh: fill.titleZh ?? "",
        side: fill.side,
        shares: Number(fill.shares),
        remaining: Number(fill.remaining),
      },
      link: fill.slug ? `/artworks/${fill.slug}/trade` : "/portfolio",
      dedupeKey: `fill:${fill.txHash}:${fill.logIndex}`,
    },
    settings,
  );
}

/** A reviewer approved or returned an issuer's listing (with the reviewer's comment). */
export async function emitListingReviewed(
  db: Database,
  {
    issuerAddress,
    artworkId,
    title,
    titleZh,
    decision,
    comment,
    at,
  }: {
    issuerAddress: string;
    artworkId: string;
    title: string;
    titleZh: string | null;
    decision: "approve" | "return";
    comment: string | null;
    at: Date;
  },
  settings?: MailSettings,
): Promise<string | null> {
  return notify(
    db,
    {
      // The same key the issuer's preferences are saved under (its investor's when the wallet is also an investor's).
      recipient: await recipientOfWallet(db, issuerAddress),
      kind: decision === "approve" ? "listing_approved" : "listing_returned",
      params: { artwork: title, artworkZh: titleZh ?? "", comment: comment ?? "" },
      link: `/issuer/artworks/${artworkId}`,
      dedupeKey: `listing:${artworkId}:${decision}:${at.toISOString()}`,
      now: at,
    },
    settings,
  );
}

export async function emitOfferingOpened(
  db: Database,
  p: { investorId: string; offeringId: string; slug: string; title: string; titleZh: string | null },
  settings?: MailSettings,
): Promise<string | null> {
  return notify(
    db,
    {
      recipient: investorRecipient(p.investorId),
      kind: "offering_opened",
      params: { artwork: p.title, artworkZh: p.titleZh ?? "" },
      link: `/artworks/${p.slug}`,
      dedupeKey: `offering_open:${p.offeringId}:${p.investorId}`,
    },
    settings,
  );
}
