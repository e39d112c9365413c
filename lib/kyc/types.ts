/** The KYC record types the UI shows, owned by lib/kyc (components do not import the database schema). */
export type { KycApplicationData, KycDocumentKind, KycStatus } from "@/lib/db/schema";
