import "server-only";
import { auditKnownWalletRead } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { hkDateStamp } from "@/lib/format/date";
import { buildStatementCsv } from "@/lib/portfolio/csv";
import { getPortfolio, getPortfolioWallets } from "@/lib/portfolio/queries";

/**
 * The CSV statement of an investor's holdings and transactions (all their wallets), audited (a wallet the portal
 * does not know leaves no permanent row). Returns the CSV and its file name.
 */
export async function exportStatement({
  address,
  investorId,
  ip,
}: {
  address: `0x${string}`;
  investorId: string | null;
  ip: string | null;
}): Promise<{ csv: string; filename: string }> {
  const wallets = await getPortfolioWallets({ address, investorId });
  const portfolio = await getPortfolio({ wallets });
  const generatedAt = new Date();
  const csv = buildStatementCsv({
    generatedAt,
    wallets: portfolio.wallets,
    decimals: portfolio.decimals,
    hkdBalance: portfolio.hkdBalance,
    holdings: portfolio.holdings.map((h) => ({
      title: h.title,
      token: h.token,
      balance: h.balance,
      share: h.share,
      price: h.price,
      value: h.value,
      costBasis: h.costBasis,
      gain: h.gain,
      lockedShares: h.lockups.reduce((a, l) => a + l.shares, 0n),
      lockedUntil: h.lockups.reduce<Date | null>((a, l) => (a && a > l.until ? a : l.until), null),
    })),
    transactions: portfolio.history.map((t) => ({
      at: t.at,
      kind: t.kind,
      title: t.title,
      token: t.token,
      wallet: t.wallet,
      shares: t.shares,
      amount: t.amount,
      price: t.order?.price ?? null,
      counterparty: t.counterparty,
      txHash: t.txHash,
    })),
  });
  const db = await getDb();
  // A wallet the portal does not know (no investor record, role or registry entry) leaves no permanent row.
  await auditKnownWalletRead(db, {
    entry: {
      actor: address,
      actorRole: "investor",
      action: "portfolio.statement_exported",
      subjectType: "investor",
      subjectId: investorId ?? address.toLowerCase(),
      after: {
        wallets: portfolio.wallets,
        holdings: portfolio.holdings.length,
        transactions: portfolio.history.length,
        blockNumber: portfolio.blockNumber.toString(),
      },
      ip,
    },
  });
  return { csv, filename: `atelier-statement-${hkDateStamp(generatedAt)}.csv` };
}
