/**
 * The investor records and their wallets: the only module that reads or writes the `investors` and
 * `investor_wallets` tables. Auth (who is signed in), KYC (applications, approval, wallet links and unlinks),
 * compliance (registers, alerts, the agent audit) and the portfolio call it. Functions take the database first, so
 * a caller's transaction can be passed in and the tests run on PGlite. Wallet addresses are stored lowercase.
 *
 * Plain module (no `server-only`): the indexer worker mirrors registry changes through it.
 */
import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, gt, inArray, lte } from "drizzle-orm";
import type { Hex } from "viem";
import type { Database } from "@/lib/db/connect";
import { rowsWhere } from "@/lib/db/rows";
import { type Investor, type InvestorWallet, investors, investorWallets } from "@/lib/db/schema";

export type { Investor, InvestorCategory, InvestorWallet } from "@/lib/db/schema";

/** Columns of an investor record a domain may set (KYC mirrors its application into these). */
export type InvestorPatch = Partial<typeof investors.$inferInsert>;

const lower = (s: string) => s.toLowerCase();

// --- Finding -------------------------------------------------------------------------------------------------------

export async function getInvestorById(db: Database, id: string): Promise<Investor | null> {
  const [investor] = await db.select().from(investors).where(eq(investors.id, id)).limit(1);
  return investor ?? null;
}

/** The investor record a wallet is linked to, if any. */
export async function getInvestorByWallet(db: Database, { address }: { address: string }): Promise<Investor | null> {
  const [row] = await db
    .select({ investor: investors })
    .from(investorWallets)
    .innerJoin(investors, eq(investors.id, investorWallets.investorId))
    .where(eq(investorWallets.address, lower(address)))
    .limit(1);
  return row?.investor ?? null;
}

/** The investor registered on-chain under this id (compared lowercase). */
export async function getInvestorByOnChainId(db: Database, onChainId: string): Promise<Investor | null> {
  const [investor] = await db
    .select()
    .from(investors)
    .where(eq(investors.onChainId, lower(onChainId)))
    .limit(1);
  return investor ?? null;
}

/** The id of the investor a wallet is linked to, or null (also: whether the portal knows the wallet). */
export async function investorIdOfWallet(db: Database, address: string): Promise<string | null> {
  const [row] = await db
    .select({ investorId: investorWallets.investorId })
    .from(investorWallets)
    .where(eq(investorWallets.address, lower(address)))
    .limit(1);
  return row?.investorId ?? null;
}

/** An investor's wallets, the primary first, then in the order they were linked. */
export async function getInvestorWallets(
  db: Database,
  { investorId }: { investorId: string },
): Promise<InvestorWallet[]> {
  return rowsWhere(
    db,
    investorWallets,
    eq(investorWallets.investorId, investorId),
    desc(investorWallets.isPrimary),
    asc(investorWallets.linkedAt),
  );
}

// --- Many at once (registers, alerts, the audit trail) --------------------------------------------------------------

export async function getInvestorsByIds(db: Database, ids: readonly string[]): Promise<Investor[]> {
  return ids.length === 0 ? [] : rowsWhere(db, investors, inArray(investors.id, [...ids]));
}

/** Investors by on-chain id (ids given lowercase, as stored). */
export async function getInvestorsByOnChainIds(db: Database, onChainIds: readonly string[]): Promise<Investor[]> {
  return onChainIds.length === 0 ? [] : rowsWhere(db, investors, inArray(investors.onChainId, [...onChainIds]));
}

/** Which of these wallets (given lowercase) are linked, and to whom. */
export function getWalletOwners(
  db: Database,
  addresses: readonly string[],
): Promise<{ address: string; investorId: string }[]> {
  return walletPairsWhere(db, investorWallets.address, addresses);
}

/** The wallets of these investors. */
export function getWalletsOfInvestors(
  db: Database,
  investorIds: readonly string[],
): Promise<{ address: string; investorId: string }[]> {
  return walletPairsWhere(db, investorWallets.investorId, investorIds);
}

/** Wallet–investor pairs whose `column` is one of `values` (none asked, none read). */
async function walletPairsWhere(
  db: Database,
  column: typeof investorWallets.address | typeof investorWallets.investorId,
  values: readonly string[],
): Promise<{ address: string; investorId: string }[]> {
  if (values.length === 0) return [];
  return db
    .select({ address: investorWallets.address, investorId: investorWallets.investorId })
    .from(investorWallets)
    .where(inArray(column, [...values]));
}

/** The investor record of each of these wallets (given lowercase) that is linked to one. */
export async function getInvestorsOfWallets(
  db: Database,
  addresses: readonly string[],
): Promise<{ wallet: string; investor: Investor }[]> {
  if (addresses.length === 0) return [];
  return db
    .select({ wallet: investorWallets.address, investor: investors })
    .from(investorWallets)
    .innerJoin(investors, eq(investors.id, investorWallets.investorId))
    .where(inArray(investorWallets.address, [...addresses]));
}

/** Investors whose KYC is approved in the records but whose validity ended by `now`. */
export async function getLapsedInvestorIds(db: Database, { now }: { now: Date }): Promise<string[]> {
  const rows = await db
    .select({ id: investors.id })
    .from(investors)
    .where(and(eq(investors.kycStatus, "approved"), lte(investors.kycExpiresAt, now)));
  return rows.map((r) => r.id);
}

/** Approved investors whose approval runs out after `now` and no later than `before` (renewal reminders). */
export async function getInvestorsExpiringBetween(
  db: Database,
  { now, before }: { now: Date; before: Date },
): Promise<{ id: string; kycExpiresAt: Date }[]> {
  const rows = await db
    .select({ id: investors.id, kycExpiresAt: investors.kycExpiresAt })
    .from(investors)
    .where(
      and(eq(investors.kycStatus, "approved"), gt(investors.kycExpiresAt, now), lte(investors.kycExpiresAt, before)),
    );
  return rows.flatMap((r) => (r.kycExpiresAt ? [{ id: r.id, kycExpiresAt: r.kycExpiresAt }] : []));
}

/** Every linked wallet address. */
export async function listLinkedWallets(db: Database): Promise<string[]> {
  const rows = await db.select({ address: investorWallets.address }).from(investorWallets);
  return rows.map((r) => r.address);
}

// --- Writing ---------------------------------------------------------------------------------------------------------

/** A new investor record (draft KYC) with this wallet as its primary one, both or neither. */
export async function createInvestorWithWallet(db: Database, { address }: { address: string }): Promise<Investor> {
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(investors).values({ kycStatus: "draft" }).returning();
    await tx.insert(investorWallets).values({ address: lower(address), investorId: created!.id, isPrimary: true });
    return created!;
  });
}

/** Sets columns of an investor record (nothing when the patch is empty). */
export async function updateInvestor(db: Database, investorId: string, patch: InvestorPatch): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db.update(investors).set(patch).where(eq(investors.id, investorId));
}

/** Links a wallet to an investor; a wallet already linked (to anyone) stays as it is. */
export async function linkWallet(
  db: Database,
  { investorId, address, isPrimary = false }: { investorId: string; address: string; isPrimary?: boolean },
): Promise<void> {
  await db
    .insert(investorWallets)
    .values({ address: lower(address), investorId, isPrimary })
    .onConflictDoNothing();
}

/**
 * Unlinks a wallet. When it was the primary one, the investor's earliest linked remaining wallet becomes primary.
 * Returns the unlinked wallet, or null when it was not linked.
 */
export async function unlinkWallet(db: Database, { address }: { address: string }): Promise<InvestorWallet | null> {
  const [gone] = await db
    .delete(investorWallets)
    .where(eq(investorWallets.address, lower(address)))
    .returning();
  if (gone?.isPrimary) {
    const [next] = await db
      .select()
      .from(investorWallets)
      .where(eq(investorWallets.investorId, gone.investorId))
      .orderBy(investorWallets.linkedAt)
      .limit(1);
    if (next)
      await db.update(investorWallets).set({ isPrimary: true }).where(eq(investorWallets.address, next.address));
  }
  return gone ?? null;
}

/** A fresh on-chain investor id: 32 random bytes. */
export const newOnChainId = (): Hex => `0x${randomBytes(32).toString("hex")}`;

/** The investor's on-chain id: the one it has, or a new one assigned now (before its first registration). */
export async function assignOnChainId(db: Database, investor: Pick<Investor, "id" | "onChainId">): Promise<Hex> {
  if (investor.onChainId) return investor.onChainId as Hex;
  const onChainId = newOnChainId();
  await db.update(investors).set({ onChainId }).where(eq(investors.id, investor.id));
  return onChainId;
}
