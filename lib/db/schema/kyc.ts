/** KYC applications and documents, wallet link and unlink requests. */
import type { InferSelectModel } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import {
  addressChecks,
  applicationDocumentsTable,
  decision,
  ownedRow,
  preApproval,
  type ReviewNote,
  reviewWorkspace,
  timestamps,
  timestamptz,
} from "./columns";
import { kycStatus, investors, type KycStatus } from "./people";

// ---------------------------------------------------------------------------------------------
// KYC applications and documents (issue 5: onboarding and the compliance review queue)

export const kycDocumentKinds = ["identity", "address", "professional"] as const;
export type KycDocumentKind = (typeof kycDocumentKinds)[number];
export const kycDocumentKind = pgEnum("kyc_document_kind", kycDocumentKinds);

/** The wizard's answers, saved step by step (validated per step in lib/kyc; complete only at submission). */
export type KycApplicationData = {
  personal?: { legalName: string; dateOfBirth: string; email: string; phone: string; address: string };
  residence?: { nationality: string; residence: string };
  category?: {
    category: "retail" | "professional";
    /** Professional only: declared portfolio in whole HKD, and when the declaration was made. */
    portfolioHkd?: number;
    declaredAt?: string;
  };
  questionnaire?: { answers: Record<string, string>; score: number; total: number; passed: boolean; at: string };
  /**
   * One entry per risk acknowledged: the disclosure version, the language shown and the SHA-256 of the exact
   * title + text the investor read (older entries may lack the last two).
   */
  disclosures?: { key: string; version: string; acknowledgedAt: string; locale?: string; textSha256?: string }[];
};
export type KycNote = ReviewNote;

/** The statuses of the compliance queue's default view ("open"): waiting on compliance or on the investor. */
export const KYC_OPEN_STATUSES = [
  "submitted",
  "in_review",
  "needs_information",
] as const satisfies readonly KycStatus[];

/**
 * One application per attempt (a rejected investor starts a new one). `status` follows lib/kyc/state.ts;
 * `investors.kyc_status` mirrors the latest application's status for the rest of the portal.
 */
export const kycApplications = pgTable(
  "kyc_applications",
  {
    ...ownedRow("investorId", "investor_id", () => investors.id),
    /** The wallet that applied (and is registered on approval). */
    wallet: text("wallet").notNull(),
    status: kycStatus("status").notNull().default("draft"),
    data: jsonb("data").$type<KycApplicationData>().notNull().default({}),
    submittedAt: timestamptz("submitted_at"),
    ...decision(),
    /** Shown to the investor. */
    rejectionReason: text("rejection_reason"),
    /** Compliance's request, shown to the investor; and the investor's answer. */
    infoRequest: text("info_request"),
    infoResponse: text("info_response"),
    /** Four eyes (professional investors): the first officer's pre-approval. */
    ...preApproval(),
    approvalTxHash: text("approval_tx_hash"),
    ...reviewWorkspace(),
    ...timestamps(),
  },
  (t) => [
    index("kyc_applications_investor_idx").on(t.investorId),
    // The review queue, a keyset page at a time (lib/kyc/queue.ts): one status, or the open ones, in queue order.
    index("kyc_applications_status_idx").on(t.status, sql`coalesce(${t.submittedAt}, ${t.createdAt})`, t.id),
    index("kyc_applications_open_queue_idx")
      .on(sql`coalesce(${t.submittedAt}, ${t.createdAt})`, t.id)
      .where(sql`${t.status} IN (${sql.raw(KYC_OPEN_STATUSES.map((s) => `'${s}'`).join(", "))})`),
    ...addressChecks("kyc_applications", t.wallet, t.decidedBy, t.preApprovedBy),
  ],
);
export type KycApplication = InferSelectModel<typeof kycApplications>;

/**
 * A verified investor's request to link another wallet. Both wallets sign (EIP-191) a message that names the
 * request, the investor's current wallet and the new one; then a compliance officer registers the link on-chain
 * (`IdentityRegistry.linkWallet`) from their own wallet. States: awaiting_signatures → submitted → linked, or
 * rejected / cancelled / expired. The signed messages are kept as the proof.
 */
export const walletLinkStatuses = [
  "awaiting_signatures",
  "submitted",
  "linked",
  "rejected",
  "cancelled",
  "expired",
] as const;
export type WalletLinkStatus = (typeof walletLinkStatuses)[number];
export const walletLinkStatus = pgEnum("wallet_link_status", walletLinkStatuses);

export const walletLinkRequests = pgTable(
  "wallet_link_requests",
  {
    ...ownedRow("investorId", "investor_id", () => investors.id),
    /** The signed-in wallet that asked (already linked to the investor). */
    currentWallet: text("current_wallet").notNull(),
    /** Known once the new wallet has signed. */
    newWallet: text("new_wallet"),
    nonce: text("nonce").notNull(),
    status: walletLinkStatus("status").notNull().default("awaiting_signatures"),
    currentMessage: text("current_message").notNull(),
    currentSignature: text("current_signature"),
    newMessage: text("new_message"),
    newSignature: text("new_signature"),
    /** Signatures must be given before this; a submitted request waits for review without a deadline. */
    signBefore: timestamptz("sign_before").notNull(),
    submittedAt: timestamptz("submitted_at"),
    ...decision(),
    rejectionReason: text("rejection_reason"),
    linkTxHash: text("link_tx_hash"),
    /**
     * Set when a compliance officer opened the request from the console (the investor's current wallet does not
     * sign then): the new wallet must still sign in the portal, and another officer registers the link.
     */
    initiatedBy: text("initiated_by"),
    ...timestamps(),
  },
  (t) => [
    index("wallet_link_requests_investor_idx").on(t.investorId),
    index("wallet_link_requests_status_idx").on(t.status, t.submittedAt),
    // At most one open request per investor, and one open request per new wallet.
    uniqueIndex("wallet_link_requests_one_open_idx")
      .on(t.investorId)
      .where(sql`${t.status} IN ('awaiting_signatures', 'submitted')`),
    uniqueIndex("wallet_link_requests_new_wallet_open_idx")
      .on(t.newWallet)
      .where(sql`${t.status} = 'submitted'`),
    ...addressChecks("wallet_link_requests", t.currentWallet, t.newWallet, t.decidedBy, t.initiatedBy),
  ],
);
export type WalletLinkRequest = InferSelectModel<typeof walletLinkRequests>;

/**
 * An investor's request to unlink one of their wallets; a compliance officer unlinks it on-chain
 * (`IdentityRegistry.unlinkWallet`). Refused while the wallet holds shares or has open market orders.
 * States: requested → unlinked, or cancelled.
 */
export const walletUnlinkStatuses = ["requested", "unlinked", "cancelled"] as const;
export const walletUnlinkStatus = pgEnum("wallet_unlink_status", walletUnlinkStatuses);
export const walletUnlinkRequests = pgTable(
  "wallet_unlink_requests",
  {
    ...ownedRow("investorId", "investor_id", () => investors.id),
    wallet: text("wallet").notNull(),
    /** The investor's signed-in wallet that asked (never the wallet to unlink). */
    requestedBy: text("requested_by").notNull(),
    status: walletUnlinkStatus("status").notNull().default("requested"),
    ...decision(),
    txHash: text("tx_hash"),
    ...timestamps(),
  },
  (t) => [
    index("wallet_unlink_requests_investor_idx").on(t.investorId),
    uniqueIndex("wallet_unlink_requests_open_idx")
      .on(t.wallet)
      .where(sql`${t.status} = 'requested'`),
    ...addressChecks("wallet_unlink_requests", t.wallet, t.requestedBy, t.decidedBy),
  ],
);
export type WalletUnlinkRequest = InferSelectModel<typeof walletUnlinkRequests>;

/** Uploaded KYC documents: the file is AES-256-GCM encrypted at `file_path` (relative to the files folder). */
export const kycDocuments = applicationDocumentsTable("kyc_documents", () => kycApplications.id, kycDocumentKind);
export type KycDocument = InferSelectModel<typeof kycDocuments>;
