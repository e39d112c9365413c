import "server-only";

/**
 * Console alerts, derived from the chain registers (latest block) and the investor records:
 * KYC expired or expiring within 30 days while holding (one alert per investor, naming every holding's artwork), frozen wallets with open market orders (indexer),
 * tokens at 90 % or more of their holder limit, and holding wallets the registry does not verify.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Address } from "viem";
import type { Database } from "@/lib/db/connect";
import { marketOrders } from "@/lib/db/schema";
import type { getInvestorView } from "./investor";
import { getTokenRegister, listTokens, type TokenSummary } from "./register";

export const EXPIRY_WARNING_DAYS = 30;
export const NEAR_MAX_HOLDERS = 0.9;

/** One holding named in an investor's KYC alert: the artwork (title), its token and the wallet. */
export type AlertHolding = { token: Address; symbol: string; title: string | null; wallet: Address; shares: bigint };

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
  | {
      kind: "frozen_open_orders";
      token: Address;
      symbol: string;
      title: string | null;
      wallet: Address;
      investorId: string | null;
      name: string | null;
      orders: number;
    }
  | { kind: "near_max_holders"; token: Address; symbol: string; title: string | null; holders: number; max: number }
  | {
      kind: "unverified_holder";
      token: Address;
      symbol: string;
      title: string | null;
      wallet: Address;
      investorId: string | null;
      name: string | null;
      shares: bigint;
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
  return { alerts: ranked([...kycAlerts.list(), ...alerts]), tokens, blockNumber };
}

const RANK = {
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
