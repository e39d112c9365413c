import "server-only";
import type { Hex } from "viem";
import type { Database } from "@/lib/db/connect";
import {
  getInvestorsByIds,
  getInvestorsByOnChainIds,
  getWalletOwners,
  getWalletsOfInvestors,
  type Investor,
} from "@/lib/investors";
import type { RegisterIdentity } from "./register-query";

const CHUNK = 5_000;
function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/**
 * Identities for a register, keyed by lowercase on-chain investor id and by lowercase wallet (for a holding wallet
 * whose investor is known off-chain by wallet only).
 */
export async function loadIdentities(
  db: Database,
  { investorIds, wallets }: { investorIds: readonly Hex[]; wallets: readonly string[] },
): Promise<Map<string, RegisterIdentity>> {
  const ids = [...new Set(investorIds.map((x) => x.toLowerCase()))];
  const found: Investor[] = [];
  for (const part of chunks(ids)) found.push(...(await getInvestorsByOnChainIds(db, part)));
  const byWallet: { address: string; investorId: string }[] = [];
  const lower = [...new Set(wallets.map((w) => w.toLowerCase()))];
  for (const part of chunks(lower)) byWallet.push(...(await getWalletOwners(db, part)));
  // Maps, not list scans: a 10,000-holder register joins in linear time.
  const byId = new Map(found.map((f) => [f.id, f]));
  const missing = [...new Set(byWallet.map((w) => w.investorId))].filter((id) => !byId.has(id));
  for (const part of chunks(missing)) {
    for (const f of await getInvestorsByIds(db, part)) {
      found.push(f);
      byId.set(f.id, f);
    }
  }
  const walletsOf = new Map<string, string[]>();
  for (const part of chunks(found.map((f) => f.id))) {
    const rows = await getWalletsOfInvestors(db, part);
    for (const r of rows) {
      const list = walletsOf.get(r.investorId);
      if (list) list.push(r.address);
      else walletsOf.set(r.investorId, [r.address]);
    }
  }
  const identity = (i: (typeof found)[number]): RegisterIdentity => ({
    id: i.id,
    name: i.legalName,
    residence: i.residence,
    category: i.category,
    kycStatus: i.kycStatus,
    kycExpiresAt: i.kycExpiresAt,
    wallets: (walletsOf.get(i.id) ?? []).sort(),
  });
  const map = new Map<string, RegisterIdentity>();
  const identities = new Map<string, RegisterIdentity>();
  const identityOf = (i: (typeof found)[number]) => {
    let v = identities.get(i.id);
    if (!v) identities.set(i.id, (v = identity(i)));
    return v;
  };
  for (const i of found) if (i.onChainId) map.set(i.onChainId.toLowerCase(), identityOf(i));
  for (const w of byWallet) {
    const inv = byId.get(w.investorId);
    if (inv) map.set(w.address, identityOf(inv));
  }
  return map;
}
