import "server-only";

/**
 * The company behind an issuer wallet, as its approved issuer application names it: the legal names (English and
 * Chinese) of the latest approved or active application the wallet applied with or signs for. Null when there is
 * none (a wallet granted the issuer role without an application, as in the demo seed).
 */
import { desc, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { issuerApplications } from "@/lib/db/schema";

export type CompanyNames = { legalNameEn: string | null; legalNameZh: string | null };

export async function getCompanyOfWallet(db: Database, { wallet }: { wallet: string }): Promise<CompanyNames | null> {
  const address = wallet.toLowerCase();
  const rows = await db
    .select({ applicant: issuerApplications.applicant, data: issuerApplications.data })
    .from(issuerApplications)
    .where(inArray(issuerApplications.status, ["approved", "active"]))
    .orderBy(desc(issuerApplications.decidedAt));
  const app = rows.find(
    (r) => r.applicant === address || (r.data.signatoryWallets ?? []).some((w) => w.toLowerCase() === address),
  );
  if (!app) return null;
  return { legalNameEn: app.data.legalNameEn?.trim() || null, legalNameZh: app.data.legalNameZh?.trim() || null };
}
