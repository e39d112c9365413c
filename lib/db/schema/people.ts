/** People: enums for investor category and KYC status, profiles, investors and their wallets. */
import type { InferInsertModel, InferSelectModel } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { boolean, char, index, pgEnum, pgTable, smallint, text, uniqueIndex } from "drizzle-orm/pg-core";
import { bytes32Check, timestamptz, createdAt, timestamps, uuidId, ownedBy, walletTable } from "./columns";

export const investorCategories = ["retail", "professional", "institutional"] as const;
export type InvestorCategory = (typeof investorCategories)[number];
export const investorCategory = pgEnum("investor_category", investorCategories);

export const kycStatuses = [
  "draft",
  "submitted",
  "in_review",
  "needs_information",
  "approved",
  "rejected",
  "expired",
] as const;
export type KycStatus = (typeof kycStatuses)[number];
export const kycStatus = pgEnum("kyc_status", kycStatuses);

// ---------------------------------------------------------------------------------------------
// People

/** People known to the portal by wallet (staff display names, preferences). */
export const profiles = walletTable("profiles", {
  displayName: text("display_name").notNull(),
  email: text("email"),
  locale: text("locale").notNull().default("en"),
  createdAt: createdAt(),
});
export type Profile = InferSelectModel<typeof profiles>;

/**
 * An investor (a person or an entity). Identity fields are nullable while onboarding is a draft;
 * submission validates them. `onChainId` is the opaque bytes32 used in the IdentityRegistry.
 */
export const investors = pgTable(
  "investors",
  {
    id: uuidId(),
    onChainId: text("on_chain_id").unique(),
    legalName: text("legal_name"),
    email: text("email"),
    /** ISO 3166-1 alpha-2. */
    nationality: char("nationality", { length: 2 }),
    /** ISO 3166-1 alpha-2. */
    residence: char("residence", { length: 2 }),
    /** ISO 3166-1 numeric, as registered on chain. */
    residenceNumeric: smallint("residence_numeric"),
    category: investorCategory("category"),
    kycStatus: kycStatus("kyc_status").notNull().default("draft"),
    kycApprovedAt: timestamptz("kyc_approved_at"),
    kycExpiresAt: timestamptz("kyc_expires_at"),
    rejectionReason: text("rejection_reason"),
    ...timestamps(),
  },
  (t) => [index("investors_kyc_status_idx").on(t.kycStatus), bytes32Check("investors_on_chain_id_format", t.onChainId)],
);
export type Investor = InferSelectModel<typeof investors>;
export type NewInvestor = InferInsertModel<typeof investors>;

/** Wallets linked to an investor (several wallets may belong to one investor). */
export const investorWallets = walletTable(
  "investor_wallets",
  {
    investorId: ownedBy("investor_id", () => investors.id),
    linkedAt: timestamptz("linked_at").notNull().defaultNow(),
    isPrimary: boolean("is_primary").notNull().default(false),
  },
  (t) => [
    index("investor_wallets_investor_id_idx").on(t.investorId),
    uniqueIndex("investor_wallets_one_primary_idx")
      .on(t.investorId)
      .where(sql`${t.isPrimary}`),
  ],
);
export type InvestorWallet = InferSelectModel<typeof investorWallets>;
