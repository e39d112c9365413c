/** Issuer onboarding (know your business): a company's application to list artworks, and its documents. */
import type { InferSelectModel } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import {
  addressChecks,
  applicationDocumentsTable,
  createdAt,
  preApproval,
  type ReviewNote,
  reviewWorkspace,
  timestamptz,
  updatedAt,
  uuidId,
} from "./columns";

/**
 * The states of an issuer application (lib/kyb/state.ts): draft → submitted → (needs_information ↔ resubmitted) →
 * approved (waiting for the issuer role on-chain) → active | rejected.
 */
export const kybStatuses = [
  "draft",
  "submitted",
  "needs_information",
  "resubmitted",
  "approved",
  "active",
  "rejected",
] as const;
export type KybStatus = (typeof kybStatuses)[number];
/** The compliance queue's default view: applications waiting for a decision. */
export const KYB_WAITING_STATUSES = ["submitted", "resubmitted"] as const satisfies readonly KybStatus[];
export const kybStatus = pgEnum("kyb_status", kybStatuses);

export const kybDocumentKinds = ["certificate_of_incorporation", "business_registration", "board_resolution"] as const;
export type KybDocumentKind = (typeof kybDocumentKinds)[number];
export const kybDocumentKind = pgEnum("kyb_document_kind", kybDocumentKinds);

/** A director or authorised signatory of the company, as the applicant names them. */
export type KybPerson = { name: string; role: string };

/** The company's answers (validated in lib/kyb; complete only at submission). */
export type KybApplicationData = {
  legalNameEn?: string;
  legalNameZh?: string;
  /** Companies Registry number (7–8 digits) and/or Business Registration number (8 digits), as typed. */
  crNumber?: string;
  brNumber?: string;
  registeredAddress?: string;
  people?: KybPerson[];
  /** Checksummed addresses of the wallets that will hold the issuer role. */
  signatoryWallets?: string[];
  listingPlan?: string;
};
export type KybNote = ReviewNote;

export const issuerApplications = pgTable(
  "issuer_applications",
  {
    id: uuidId(),
    /** The wallet that applied (lowercase); it alone reads and edits the application. */
    applicant: text("applicant").notNull(),
    status: kybStatus("status").notNull().default("draft"),
    data: jsonb("data").$type<KybApplicationData>().notNull().default({}),
    submittedAt: timestamptz("submitted_at"),
    /** Compliance's request and the applicant's answer; the reason of a rejection. */
    infoRequest: text("info_request"),
    infoResponse: text("info_response"),
    rejectionReason: text("rejection_reason"),
    /** Four eyes: the first officer's pre-approval, then a different officer's approval. */
    ...preApproval(),
    decidedBy: text("decided_by"),
    decidedAt: timestamptz("decided_at"),
    /** When every signatory wallet was seen holding the issuer role on-chain. */
    activatedAt: timestamptz("activated_at"),
    ...reviewWorkspace(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The compliance queue, a keyset page at a time, in queue order (lib/kyb/review.ts).
    index("issuer_applications_status_idx").on(t.status, sql`coalesce(${t.submittedAt}, ${t.createdAt})`, t.id),
    index("issuer_applications_waiting_idx")
      .on(sql`coalesce(${t.submittedAt}, ${t.createdAt})`, t.id)
      .where(sql`${t.status} IN (${sql.raw(KYB_WAITING_STATUSES.map((s) => `'${s}'`).join(", "))})`),
    // One open application per wallet (a rejected applicant may start again).
    uniqueIndex("issuer_applications_open_applicant_uq")
      .on(t.applicant)
      .where(sql`${t.status} <> 'rejected'`),
    ...addressChecks("issuer_applications", t.applicant, t.preApprovedBy, t.decidedBy),
  ],
);
export type IssuerApplication = InferSelectModel<typeof issuerApplications>;

/** A company document, sealed like KYC documents (lib/kyc/documents: checked by content, AES-256-GCM at rest). */
export const issuerApplicationDocuments = applicationDocumentsTable(
  "issuer_application_documents",
  () => issuerApplications.id,
  kybDocumentKind,
);
export type IssuerApplicationDocument = InferSelectModel<typeof issuerApplicationDocuments>;
