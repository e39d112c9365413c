import "server-only";
import { auditKnownWalletRead } from "@/lib/auth";
import { type Database, getDb } from "@/lib/db";
import { listTradePrices } from "@/lib/market";
import { enforceRateLimits } from "@/lib/rate-limit";
import { hkDateStamp } from "@/lib/format/date";
import { buildStatementCsv } from "@/lib/portfolio/csv";
import { getPortfolio, getPortfolioWallets, type Portfolio } from "@/lib/portfolio/queries";
import { type PdfTranslate, renderStatementPdf } from "@/lib/portfolio/pdf";
import { withSales } from "@/lib/portfolio/sold";
import { yearlyStatement } from "@/lib/portfolio/yearly";
import { loadPortfolioSales } from "@/lib/sale";

type Caller = { address: `0x${string}`; investorId: string | null; ip: string | null };

/**
 * The one loader of both statements (CSV and PDF): the caller's own portfolio (all their wallets, never anyone
 * else's), after counting the download against the signed-in wallet's rate limit (the wallet is proven by the
 * session; the IP is not counted, so that people behind one office address do not lock each other out). As the
 * portfolio page: a sold artwork's holding is valued at what redeeming pays, a redemption carries the sale's payout.
 */
async function loadStatement({ address, investorId }: Caller) {
  const db = await getDb();
  await enforceRateLimits(db, { name: "statement", subjects: { address } });
  const wallets = await getPortfolioWallets({ address, investorId });
  const [read, sold] = await Promise.all([getPortfolio({ wallets }), loadPortfolioSales(db, { wallets })]);
  return { db, portfolio: withSales(read, sold), sales: sold.sales, generatedAt: new Date() };
}

/** The audit entry of a download (a wallet the portal does not know leaves no permanent row). */
async function auditStatement(
  db: Database,
  { address, investorId, ip }: Caller,
  portfolio: Portfolio,
  details: Record<string, unknown>,
) {
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
        ...details,
      },
      ip,
    },
  });
}

/**
 * The CSV statement of an investor's holdings and transactions (all their wallets), audited. Returns the CSV and its
 * file name.
 */
export async function exportStatement(caller: Caller): Promise<{ csv: string; filename: string }> {
  const { db, portfolio, generatedAt } = await loadStatement(caller);
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
  await auditStatement(db, caller, portfolio, { format: "csv" });
  return { csv, filename: `atelier-statement-${hkDateStamp(generatedAt)}.csv` };
}

/**
 * The yearly statement of a Hong Kong calendar year as a PDF in `locale` (holdings at the year's end, trades,
 * distributions, fees), audited. Throws `StatementFontMissingError` when the Chinese font is missing.
 */
export async function exportYearlyStatementPdf(
  caller: Caller,
  { year, locale, t }: { year: number; locale: string; t: PdfTranslate },
): Promise<{ pdf: Buffer; filename: string }> {
  const { db, portfolio, sales, generatedAt } = await loadStatement(caller);
  const tokens = portfolio.references.map((r) => r.token);
  const statement = yearlyStatement({
    year,
    now: generatedAt,
    decimals: portfolio.decimals,
    holdings: portfolio.holdings,
    history: portfolio.history,
    references: portfolio.references,
    trades: await listTradePrices(db, { tokens }),
    sales,
  });
  const pdf = await renderStatementPdf({
    statement,
    wallets: portfolio.wallets,
    decimals: portfolio.decimals,
    generatedAt,
    locale,
    t,
  });
  await auditStatement(db, caller, portfolio, { format: "pdf", year, locale });
  return { pdf, filename: `atelier-statement-${year}${locale === "en" ? "" : `-${locale}`}.pdf` };
}
