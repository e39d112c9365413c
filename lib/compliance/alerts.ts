import "server-only";

/**
 * Console alerts, derived from the chain registers (latest block) and the investor records:
 * KYC expired or expiring within 30 days while holding (one alert per investor, naming every holding's artwork), frozen wallets with open market orders (indexer),
 * tokens at 90 % or more of their holder limit, holding wallets the registry does not verify, and wallets the
 * registry verifies whose investor has no valid approval in the database (a registration nobody approved here).
 */
import { and, eq, inArray } from "drizzle-orm";
import { type Address, getAddress, type Hex, zeroHash } from "viem";
import { identityRegistryAbi } from "@/lib/chain/abis";
import { getDeployments, getPublicClient } from "@/lib/chain/server";
import type { Database } from "@/lib/db/connect";
import { chainEvents, marketOrders } from "@/lib/db/schema";
import { getInvestorsOfWallets, listLinkedWallets } from "@/lib/investors";
import type { getInvestorView } from "./investor";
import { getTokenRegister, listTokens, type TokenSummary } from "./register";

export const EXPIRY_WARNING_DAYS = 30;
export const NEAR_MAX_HOLDERS = 0.9;

/** One holding named in an investor's KYC alert: the artwork (title), its token and the wallet. */
export type AlertHolding = { token: Address; symbol: string; title: string | null; wallet: Address; shares: bigint };

/** The token and the holding wallet (with its investor, when linked) an alert about one holder names. */
type HolderAlertSubject = {
  token: Address;
  symbol: string;
  title: string | null;
  wallet: Address;
  investorId: string | null;
  name: string | null;
};

export type Alert =
  | {
      /** One alert per investor, whatever the number of tokens and wallets it holds with. */
      kind: "kyc_expired" | "kyc_expiring";
      investorId: string;
      name: string;
      expiresAt: Date;
      days: number;
      holdings: AlertHolding[];
    }
  | (HolderAlertSubject & { kind: "frozen_open_orders"; orders: number })
  | { kind: "near_max_holders"; token: Address; symbol: string; title: string | null; holders: number; max: number }
  | (HolderAlertSubject & { kind: "unverified_holder"; shares: bigint })
  | VerifiedNotApprovedAlert;

/**
 * A wallet the identity registry verifies (linked, KYC not expired on-chain) whose investor record in the database
 * is not approved: no record, no approval, an approval past its expiry, or another on-chain investor id. Whatever
 * the cause (a registration sent outside the portal, an approval rolled back), the chain lets it trade.
 */
export type VerifiedNotApprovedAlert = {
  kind: "verified_not_approved";
  wallet: Address;
  onChainInvestorId: Hex;
  investorId: string | null;
  name: string | null;
  /** The database's KYC status for the investor (null: no investor record for this wallet). */
  status: string | null;
  /** The KYC expiry the registry holds. */
  expiresAt: Date;
};

type KycAlert = Extract<Alert, { kind: "kyc_expired" | "kyc_expiring" }>;

/** Collects KYC alerts per investor: the first holding opens the alert, the others are added to it. */
class KycAlerts {
  private readonly byInvestor = new Map<string, KycAlert>();
  add(alert: Omit<KycAlert, "holdings">, holding: AlertHolding) {
    const existing = this.byInvestor.get(alert.investorId);
    if (existing) existing.holdings.push(holding);
    else this.byInvestor.set(alert.investorId, { ...alert, holdings: [holding] });
  }
  list(): KycAlert[] {
    return [...this.byInvestor.values()];
  }
}

const DAY = 86_400_000;

/** Expired, or expiring within 30 days (inclusive); null when neither. */
function kycState(
  id: { kycExpiresAt: Date | null; kycStatus: string | null },
  now: Date,
): { kind: "kyc_expired" | "kyc_expiring"; expiresAt: Date; days: number } | null {
  if (!id.kycExpiresAt && id.kycStatus !== "expired") return null;
  const expiresAt = id.kycExpiresAt ?? now;
  const left = expiresAt.getTime() - now.getTime();
  const days = Math.floor(left / DAY);
  if (id.kycStatus === "expired" || left <= 0) return { kind: "kyc_expired", expiresAt, days };
  if (left <= EXPIRY_WARNING_DAYS * DAY) return { kind: "kyc_expiring", expiresAt, days };
  return null;
}

export async function getAlerts(
  db: Database,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ alerts: Alert[]; tokens: TokenSummary[]; blockNumber: bigint | null }> {
  const tokens = await listTokens(db);
  const alerts: Alert[] = [];
  const kycAlerts = new KycAlerts();
  let blockNumber: bigint | null = null;
  for (const tk of tokens) {
    if (tk.maxHolders > 0 && tk.holderCount >= Math.ceil(tk.maxHolders * NEAR_MAX_HOLDERS)) {
      alerts.push({
        kind: "near_max_holders",
        token: tk.token,
        symbol: tk.symbol,
        title: tk.title,
        holders: tk.holderCount,
        max: tk.maxHolders,
      });
    }
    if (tk.holderWalletCount === 0) continue;
    const reg = await getTokenRegister(db, tk.token);
    blockNumber = reg.blockNumber;
    const frozen: Map<string, (typeof reg.rows)[number]> = new Map();
    for (const r of reg.rows) {
      const id = r.identity;
      const kyc = id ? kycState(id, now) : null;
      if (kyc && id)
        kycAlerts.add(
          { kind: kyc.kind, investorId: id.id, name: id.name ?? "", expiresAt: kyc.expiresAt, days: kyc.days },
          { token: tk.token, symbol: tk.symbol, title: tk.title, wallet: r.wallet, shares: r.shares },
        );
      const kycAlert = kyc?.kind === "kyc_expired";
      if (!r.verified && !kycAlert) {
        alerts.push({
          kind: "unverified_holder",
          token: tk.token,
          symbol: tk.symbol,
          title: tk.title,
          wallet: r.wallet,
          investorId: id?.id ?? null,
          name: id?.name ?? null,
          shares: r.shares,
        });
      }
      if (r.frozen) frozen.set(r.wallet.toLowerCase(), r);
    }
    if (frozen.size > 0) {
      const open = await db
        .select({ maker: marketOrders.maker })
        .from(marketOrders)
        .where(
          and(
            eq(marketOrders.token, tk.token.toLowerCase()),
            eq(marketOrders.status, "open"),
            inArray(marketOrders.maker, [...frozen.keys()]),
          ),
        );
      const counts = new Map<string, number>();
      for (const o of open) counts.set(o.maker, (counts.get(o.maker) ?? 0) + 1);
      for (const [maker, orders] of counts) {
        const r = frozen.get(maker)!;
        alerts.push({
          kind: "frozen_open_orders",
          token: tk.token,
          symbol: tk.symbol,
          title: tk.title,
          wallet: r.wallet,
          investorId: r.identity?.id ?? null,
          name: r.identity?.name ?? null,
          orders,
        });
      }
    }
  }
  const unapproved = await verifiedNotApproved(db, { now });
  return { alerts: ranked([...unapproved, ...kycAlerts.list(), ...alerts]), tokens, blockNumber };
}

export type IdentityReader = (wallets: Address[]) => Promise<Map<string, { investorId: Hex; expiry: bigint }>>;

/** Reads identityOf for each wallet from the registry (one multicall batch through the server's client). */
const readIdentities: IdentityReader = async (wallets) => {
  const client = getPublicClient();
  const registry = getDeployments().identityRegistry;
  const rows = await Promise.all(
    wallets.map((w) =>
      client.readContract({ address: registry, abi: identityRegistryAbi, functionName: "identityOf", args: [w] }),
    ),
  );
  return new Map(wallets.map((w, i) => [w.toLowerCase(), { investorId: rows[i]![0], expiry: BigInt(rows[i]![3]) }]));
};

/**
 * Wallets verified on-chain whose investor is not approved in the database. The wallets looked at: every wallet the
 * indexer saw registered or linked on the registry, and every wallet of an investor record.
 */
export async function verifiedNotApproved(
  db: Database,
  { now = new Date(), read = readIdentities }: { now?: Date; read?: IdentityReader } = {},
): Promise<VerifiedNotApprovedAlert[]> {
  const registry = getDeployments().identityRegistry.toLowerCase();
  const [events, known] = await Promise.all([
    db
      .select({ args: chainEvents.args })
      .from(chainEvents)
      .where(
        and(eq(chainEvents.contract, registry), inArray(chainEvents.eventName, ["WalletLinked", "InvestorRegistered"])),
      ),
    listLinkedWallets(db),
  ]);
  const candidates = new Set<string>(known.map((k) => k.toLowerCase()));
  for (const e of events) if (typeof e.args.wallet === "string") candidates.add(e.args.wallet.toLowerCase());
  if (candidates.size === 0) return [];
  const wallets = [...candidates].map((w) => getAddress(w));
  const identities = await read(wallets);
  const nowSec = BigInt(Math.floor(now.getTime() / 1000));
  const verified = wallets.filter((w) => {
    const id = identities.get(w.toLowerCase());
    return !!id && id.investorId !== zeroHash && id.expiry > nowSec;
  });
  if (verified.length === 0) return [];
  const records = await getInvestorsOfWallets(
    db,
    verified.map((w) => w.toLowerCase()),
  );
  const byWallet = new Map(records.map((r) => [r.wallet.toLowerCase(), r.investor]));
  const out: VerifiedNotApprovedAlert[] = [];
  for (const w of verified) {
    const id = identities.get(w.toLowerCase())!;
    const inv = byWallet.get(w.toLowerCase()) ?? null;
    const approved =
      !!inv &&
      !!inv.kycApprovedAt &&
      !!inv.kycExpiresAt &&
      inv.kycExpiresAt.getTime() > now.getTime() &&
      (inv.onChainId ?? "").toLowerCase() === id.investorId.toLowerCase();
    if (approved) continue;
    out.push({
      kind: "verified_not_approved",
      wallet: w,
      onChainInvestorId: id.investorId,
      investorId: inv?.id ?? null,
      name: inv?.legalName ?? null,
      status: inv?.kycStatus ?? null,
      expiresAt: new Date(Number(id.expiry) * 1000),
    });
  }
  return out;
}

const RANK = {
  verified_not_approved: 0,
  kyc_expired: 0,
  frozen_open_orders: 1,
  unverified_holder: 2,
  kyc_expiring: 3,
  near_max_holders: 4,
} as const;
const ranked = (alerts: Alert[]) => alerts.sort((a, b) => RANK[a.kind] - RANK[b.kind]);

/**
 * The same alerts for one investor, from their own view (holdings and wallets already read at one block), without
 * reading every token's register.
 */
export async function getInvestorAlerts(
  db: Database,
  { view, now = new Date() }: { view: NonNullable<Awaited<ReturnType<typeof getInvestorView>>>; now?: Date },
): Promise<Alert[]> {
  const { investor, wallets, holdings } = view;
  const verified = new Map(wallets.map((w) => [w.address.toLowerCase(), w.verified]));
  const kyc = kycState({ kycExpiresAt: investor.kycExpiresAt, kycStatus: investor.kycStatus }, now);
  const alerts: Alert[] = [];
  const kycAlerts = new KycAlerts();
  const frozenPairs: { token: string; wallet: string; symbol: string; title: string | null; address: Address }[] = [];
  for (const h of holdings) {
    if (h.shares > 0n && kyc)
      kycAlerts.add(
        {
          kind: kyc.kind,
          investorId: investor.id,
          name: investor.legalName ?? "",
          expiresAt: kyc.expiresAt,
          days: kyc.days,
        },
        { token: h.token.token, symbol: h.token.symbol, title: h.token.title, wallet: h.wallet, shares: h.shares },
      );
    if (h.shares > 0n && kyc?.kind !== "kyc_expired" && !verified.get(h.wallet.toLowerCase())) {
      alerts.push({
        kind: "unverified_holder",
        token: h.token.token,
        symbol: h.token.symbol,
        title: h.token.title,
        wallet: h.wallet,
        investorId: investor.id,
        name: investor.legalName,
        shares: h.shares,
      });
    }
    if (h.frozen)
      frozenPairs.push({
        token: h.token.token.toLowerCase(),
        wallet: h.wallet.toLowerCase(),
        symbol: h.token.symbol,
        title: h.token.title,
        address: h.wallet,
      });
  }
  if (frozenPairs.length > 0) {
    const open = await db
      .select({ maker: marketOrders.maker, token: marketOrders.token })
      .from(marketOrders)
      .where(
        and(
          eq(marketOrders.status, "open"),
          inArray(marketOrders.maker, [...new Set(frozenPairs.map((p) => p.wallet))]),
        ),
      );
    for (const p of frozenPairs) {
      const orders = open.filter((o) => o.maker === p.wallet && o.token === p.token).length;
      if (orders > 0)
        alerts.push({
          kind: "frozen_open_orders",
          token: p.token as Address,
          symbol: p.symbol,
          title: p.title,
          wallet: p.address,
          investorId: investor.id,
          name: investor.legalName,
          orders,
        });
    }
  }
  return ranked([...kycAlerts.list(), ...alerts]);
}
