import "server-only";

/**
 * Holder registers for the compliance console: the chain's register (see register-chain.ts) joined to the
 * off-chain identities (investors, investor_wallets), cached per block.
 */
import { eq, inArray, isNotNull } from "drizzle-orm";
import { cache } from "react";
import { type Address, getAddress, type Hex } from "viem";
import { artworkShareTokenAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import { getDeployments, getMulticallOptions, getPublicClient, readAtLatestBlock } from "@/lib/chain/server";
import type { Database } from "@/lib/db/connect";
import { artworks, investors, investorWallets } from "@/lib/db/schema";
import { type ChainRegister, readChainRegister } from "./register-chain";
import { joinRegister, type RegisterIdentity, type RegisterRow } from "./register-query";

export type TokenSummary = {
  token: Address;
  name: string;
  symbol: string;
  title: string | null;
  slug: string | null;
  totalSupply: bigint;
  holderCount: number;
  holderWalletCount: number;
  maxHolders: number;
  paused: boolean;
};

/** Every token the factory deployed, with its register header and its listing title. */
export async function listTokens(db: Database): Promise<TokenSummary[]> {
  const d = getDeployments();
  const client = getPublicClient();
  const tokens = await readAtLatestBlock({
    key: "compliance:tokens",
    read: async (blockNumber) => {
      const count = await client.readContract({ address: d.shareTokenFactory, abi: shareTokenFactoryAbi, functionName: "tokenCount", blockNumber });
      const list = count > 0n ? await client.readContract({ address: d.shareTokenFactory, abi: shareTokenFactoryAbi, functionName: "tokens", args: [0n, count], blockNumber }) : [];
      const fields = ["name", "symbol", "totalSupply", "holderCount", "holderWalletCount", "rules", "paused"] as const;
      const results = await client.multicall({
        ...getMulticallOptions(),
        blockNumber,
        allowFailure: false,
        contracts: list.flatMap((address) => fields.map((functionName) => ({ address, abi: artworkShareTokenAbi, functionName }))),
      });
      return list.map((token, i) => {
        const r = results.slice(i * fields.length, (i + 1) * fields.length);
        return {
          token,
          name: r[0] as string,
          symbol: r[1] as string,
          totalSupply: r[2] as bigint,
          holderCount: Number(r[3] as bigint),
          holderWalletCount: Number(r[4] as bigint),
          maxHolders: Number((r[5] as { maxHolders: number }).maxHolders),
          paused: r[6] as boolean,
        };
      });
    },
  });
  const rows = await db.select({ token: artworks.tokenAddress, title: artworks.title, slug: artworks.slug }).from(artworks).where(isNotNull(artworks.tokenAddress));
  const byToken = new Map(rows.map((r) => [r.token!.toLowerCase(), r]));
  return tokens.map((t) => ({ ...t, title: byToken.get(t.token.toLowerCase())?.title ?? null, slug: byToken.get(t.token.toLowerCase())?.slug ?? null }));
}

export async function getTokenTitle(db: Database, token: Address): Promise<{ title: string; slug: string } | null> {
  const [row] = await db.select({ title: artworks.title, slug: artworks.slug }).from(artworks).where(eq(artworks.tokenAddress, token.toLowerCase())).limit(1);
  return row ?? null;
}

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
export async function loadIdentities(db: Database, { investorIds, wallets }: { investorIds: readonly Hex[]; wallets: readonly string[] }): Promise<Map<string, RegisterIdentity>> {
  const ids = [...new Set(investorIds.map((x) => x.toLowerCase()))];
  const found: (typeof investors.$inferSelect)[] = [];
  for (const part of chunks(ids)) found.push(...(await db.select().from(investors).where(inArray(investors.onChainId, part))));
  const byWallet: { address: string; investorId: string }[] = [];
  const lower = [...new Set(wallets.map((w) => w.toLowerCase()))];
  for (const part of chunks(lower)) byWallet.push(...(await db.select({ address: investorWallets.address, investorId: investorWallets.investorId }).from(investorWallets).where(inArray(investorWallets.address, part))));
  const missing = [...new Set(byWallet.map((w) => w.investorId))].filter((id) => !found.some((f) => f.id === id));
  for (const part of chunks(missing)) found.push(...(await db.select().from(investors).where(inArray(investors.id, part))));
  const walletsOf = new Map<string, string[]>();
  for (const part of chunks(found.map((f) => f.id))) {
    const rows = await db.select({ address: investorWallets.address, investorId: investorWallets.investorId }).from(investorWallets).where(inArray(investorWallets.investorId, part));
    for (const r of rows) walletsOf.set(r.investorId, [...(walletsOf.get(r.investorId) ?? []), r.address]);
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
  for (const i of found) if (i.onChainId) map.set(i.onChainId.toLowerCase(), identity(i));
  for (const w of byWallet) {
    const inv = found.find((f) => f.id === w.investorId);
    if (inv) map.set(w.address, identity(inv));
  }
  return map;
}

export type TokenRegister = Omit<ChainRegister, "holders"> & { rows: RegisterRow[]; atLatest: boolean };

async function load(db: Database, chain: ChainRegister, atLatest: boolean): Promise<TokenRegister> {
  const identities = await loadIdentities(db, { investorIds: chain.holders.map((h) => h.investorId), wallets: chain.holders.map((h) => h.wallet) });
  const { holders, ...header } = chain;
  return { ...header, rows: joinRegister(holders, chain.totalSupply, identities), atLatest };
}

/**
 * The register now (cached per block across requests) or at a past block. Throws `RegisterUnavailableError` when
 * the node no longer keeps the state of that block, or the address is not one of the factory's tokens.
 */
export const getTokenRegister = cache(async (db: Database, token: string, block?: string): Promise<TokenRegister> => {
  const address = getAddress(token);
  const client = getPublicClient();
  const isToken = await readAtLatestBlock({
    key: `factory.isToken:${address}`,
    read: (blockNumber) => client.readContract({ address: getDeployments().shareTokenFactory, abi: shareTokenFactoryAbi, functionName: "isToken", args: [address], blockNumber }),
  });
  if (!isToken) throw new RegisterUnavailableError("not_a_token");
  if (block !== undefined) {
    const latest = await client.getBlockNumber({ cacheTime: 1_000 });
    const n = BigInt(block);
    if (n > latest) throw new RegisterUnavailableError("future_block");
    try {
      const chain = await readChainRegister({ client, token: address, blockNumber: n, multicall: getMulticallOptions() });
      return await load(db, chain, n === latest);
    } catch (error) {
      console.error("[compliance] past register unavailable:", error instanceof Error ? error.message.split("\n")[0] : error);
      throw new RegisterUnavailableError("state_unavailable");
    }
  }
  // Only the chain part is cached per block: identities (KYC status, names) change without a new block.
  const chain = await readAtLatestBlock({
    key: `compliance:register:${address}`,
    read: (blockNumber) => readChainRegister({ client, token: address, blockNumber, multicall: getMulticallOptions() }),
  });
  return load(db, chain, true);
});

export class RegisterUnavailableError extends Error {
  constructor(readonly code: "not_a_token" | "future_block" | "state_unavailable") {
    super(code);
    this.name = "RegisterUnavailableError";
  }
}
