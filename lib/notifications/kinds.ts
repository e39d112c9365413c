/**
 * The notification kinds the portal sends, and the values each message takes. Plain module (the indexer worker
 * emits order fills). Words are in lib/i18n/messages/<locale>/notifications.json under `notifications.kinds.<kind>`.
 */

/**
 * The groups a person turns email on or off for (one switch per group on the preferences form), each with its
 * kinds: every kind stands in exactly one group.
 */
export const preferenceGroups = {
  // A company's verification (KYB) is told under the same switch as a person's (KYC).
  kyc: [
    "kyc_submitted",
    "kyc_approved",
    "kyc_rejected",
    "kyc_needs_information",
    "kyc_expired",
    "kyc_expiring",
    "kyb_needs_information",
    "kyb_approved",
    "kyb_rejected",
  ],
  orders: ["order_filled", "order_partly_filled"],
  listings: ["listing_approved", "listing_returned"],
  offerings: ["offering_opened"],
  holdings: [
    "wallet_frozen",
    "wallet_unfrozen",
    "shares_frozen",
    "forced_transfer",
    "distribution_to_claim",
    "sale_vote_open",
    "sale_decided",
  ],
  roles: ["role_granted", "role_revoked"],
} as const;
export type PreferenceGroup = keyof typeof preferenceGroups;
export type NotificationKind = (typeof preferenceGroups)[PreferenceGroup][number];
export const notificationKinds: readonly NotificationKind[] = Object.values(preferenceGroups).flat();

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (notificationKinds as readonly string[]).includes(value);
}

export const preferenceGroupNames = Object.keys(preferenceGroups) as PreferenceGroup[];

export function groupOf(kind: NotificationKind): PreferenceGroup {
  return preferenceGroupNames.find((g) => (preferenceGroups[g] as readonly string[]).includes(kind))!;
}

/** A recipient key: an investor (all their wallets) or a wallet with no investor record (issuers, staff). */
export type Recipient = `investor:${string}` | `wallet:0x${string}`;
export const investorRecipient = (investorId: string): Recipient => `investor:${investorId}`;
export const walletRecipient = (address: string): Recipient => `wallet:${address.toLowerCase()}` as Recipient;

export function isRecipient(value: unknown): value is Recipient {
  return typeof value === "string" && /^(investor:[0-9a-f-]{36}|wallet:0x[0-9a-f]{40})$/.test(value);
}
