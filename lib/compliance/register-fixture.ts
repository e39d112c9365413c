import type { Hex } from "viem";
import { investors, investorWallets } from "@/lib/db/schema";
import type { TestDatabase } from "@/lib/db/testing";

type InvestorRow = typeof investors.$inferInsert;

/**
 * The investors behind a synthetic register (test support, not production code): `count` investors, each with the
 * on-chain id `investorOf(k)` and one primary wallet `walletOf(k)`, inserted `batch` at a time. Named "Investor 0001"…,
 * KYC expired for every fifth, resident in HK or SG by turns, retail; `investor(k)` changes what a test needs.
 */
export async function seedRegisterInvestors(
  t: TestDatabase,
  {
    count,
    batch,
    walletOf,
    investorOf,
    investor = () => ({}),
  }: {
    count: number;
    batch: number;
    walletOf: (k: number) => string;
    investorOf: (k: number) => Hex;
    investor?: (k: number) => Partial<InvestorRow>;
  },
) {
  for (let i = 0; i < count; i += batch) {
    const ks = Array.from({ length: Math.min(batch, count - i) }, (_, k) => i + k);
    const inserted = await t.db
      .insert(investors)
      .values(
        ks.map((k) => ({
          legalName: `Investor ${String(k).padStart(4, "0")}`,
          onChainId: investorOf(k),
          kycStatus: k % 5 === 0 ? ("expired" as const) : ("approved" as const),
          residence: k % 2 ? "HK" : "SG",
          category: "retail" as const,
          ...investor(k),
        })),
      )
      .returning({ id: investors.id });
    await t.db
      .insert(investorWallets)
      .values(inserted.map((r, k) => ({ address: walletOf(i + k).toLowerCase(), investorId: r.id, isPrimary: true })));
  }
}
