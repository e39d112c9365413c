import { z } from "zod";
import { auditKnownWalletRead } from "@/lib/auth/known-wallet";
import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { contentDisposition } from "@/lib/format/csv";
import { requestIp } from "@/lib/http/request-ip";
import { buildStatementCsv } from "@/lib/portfolio/csv";
import { getPortfolio, getPortfolioWallets } from "@/lib/portfolio/queries";
import { hkDateStamp } from "@/lib/format/date";

export const dynamic = "force-dynamic";

/** No parameters are accepted: the statement is always the caller's own. */
const Query = z.object({}).strict();

/** CSV statement of the signed-in investor's holdings and transactions (all their wallets). Audited. */
export async function GET(request: Request) {
  const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return new Response("Unexpected parameters.\n", { status: 400 });
  let ctx;
  try {
    ctx = await requireSession();
  } catch (error) {
    if (error instanceof AuthError)
      return new Response("Sign in to download your statement.\n", {
        status: error.code === "unauthenticated" ? 401 : 403,
      });
    throw error;
  }
  const wallets = await getPortfolioWallets({ address: ctx.address, investorId: ctx.investor?.id ?? null });
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
      actor: ctx.address,
      actorRole: "investor",
      action: "portfolio.statement_exported",
      subjectType: "investor",
      subjectId: ctx.investor?.id ?? ctx.address.toLowerCase(),
      after: {
        wallets: portfolio.wallets,
        holdings: portfolio.holdings.length,
        transactions: portfolio.history.length,
        blockNumber: portfolio.blockNumber.toString(),
      },
      ip: requestIp(request),
    },
  });
  const day = hkDateStamp(generatedAt);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": contentDisposition("attachment", `atelier-statement-${day}.csv`),
      "cache-control": "private, no-store",
    },
  });
}
