import "server-only";

/**
 * Console alerts, derived from the chain registers (latest block) and the investor records:
 * KYC expired or expiring within 30 days while holding, frozen wallets with open market orders (indexer),
 * tokens at 90 % or more of their holder limit, and holding wallets the registry does not verify.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Address } from "viem";
import type { Database } from "@/lib/db/connect";
import { marketOrders } from "@/lib/db/schema";
import { getTokenRegister, listTokens, type TokenSummary } from "./register";

export const EXPIRY_WARNING_DAYS = 30;
export const NEAR_MAX_HOLDERS = 0.9;

export type Alert =
  | { kind: "kyc_expired" | "kyc_expiring"; token: Address; symbol: string; wallet: Address; investorId: string; name: string; shares: bigint; expiresAt: Date; days: number }
  | { kind: "frozen_open_orders"; token: Address; symbol: string; wallet: Address; investorId: string | null; name: string | null; orders: number }
  | { kind: "near_max_holders"; token: Address; symbol: string; holders: number; max: number }
  | { kind: "unverified_holder"; token: Address; symbol: string; wallet: Address; investorId: string | null; name: string | null; shares: bigint };

const DAY = 86_400_000;

export async function getAlerts(db: Database, { now = new Date() }: { now?: Date } = {}): Promise<{ alerts: Alert[]; tokens: TokenSummary[]; blockNumber: bigint | null }> {
  const tokens = await listTokens(db);
  const alerts: Alert[] = [];
  let blockNumber: bigint | null = null;
  for (const tk of tokens) {
    if (tk.maxHolders > 0 && tk.holderCount >= Math.ceil(tk.maxHolders * NEAR_MAX_HOLDERS)) {
      alerts.push({ kind: "near_max_holders", token: tk.token, symbol: tk.symbol, holders: tk.holderCount, max: tk.maxHolders });
    }
    if (tk.holderWalletCount === 0) continue;
    const reg = await getTokenRegister(db, tk.token);
    blockNumber = reg.blockNumber;
    const frozen: Map<string, (typeof reg.rows)[number]> = new Map();
    for (const r of reg.rows) {
      const id = r.identity;
      let kycAlert = false;
      if (id?.kycExpiresAt || id?.kycStatus === "expired") {
        const expiresAt = id.kycExpiresAt ?? now;
        const days = Math.floor((expiresAt.getTime() - now.getTime()) / DAY);
        if (id.kycStatus === "expired" || expiresAt <= now) {
          alerts.push({ kind: "kyc_expired", token: tk.token, symbol: tk.symbol, wallet: r.wallet, investorId: id.id, name: id.name ?? "", shares: r.shares, expiresAt, days });
          kycAlert = true;
        } else if (days < EXPIRY_WARNING_DAYS) {
          alerts.push({ kind: "kyc_expiring", token: tk.token, symbol: tk.symbol, wallet: r.wallet, investorId: id.id, name: id.name ?? "", shares: r.shares, expiresAt, days });
        }
      }
      if (!r.verified && !kycAlert) {
        alerts.push({ kind: "unverified_holder", token: tk.token, symbol: tk.symbol, wallet: r.wallet, investorId: id?.id ?? null, name: id?.name ?? null, shares: r.shares });
      }
      if (r.frozen) frozen.set(r.wallet.toLowerCase(), r);
    }
    if (frozen.size > 0) {
      const open = await db
        .select({ maker: marketOrders.maker })
        .from(marketOrders)
        .where(and(eq(marketOrders.token, tk.token.toLowerCase()), eq(marketOrders.status, "open"), inArray(marketOrders.maker, [...frozen.keys()])));
      const counts = new Map<string, number>();
      for (const o of open) counts.set(o.maker, (counts.get(o.maker) ?? 0) + 1);
      for (const [maker, orders] of counts) {
        const r = frozen.get(maker)!;
        alerts.push({ kind: "frozen_open_orders", token: tk.token, symbol: tk.symbol, wallet: r.wallet, investorId: r.identity?.id ?? null, name: r.identity?.name ?? null, orders });
      }
    }
  }
  const rank = { kyc_expired: 0, frozen_open_orders: 1, unverified_holder: 2, kyc_expiring: 3, near_max_holders: 4 } as const;
  alerts.sort((a, b) => rank[a.kind] - rank[b.kind]);
  return { alerts, tokens, blockNumber };
}
