import "server-only";

/**
 * Holder registers for the compliance console: the chain's register (see register-chain.ts) joined to the
 * off-chain identities (investors, investor_wallets), cached per block. A past block's register comes from the
 * indexer's register snapshots (register-history.ts) once the indexer has reached that block, so it does not depend
 * on the node keeping old state; before that, from the node's archive (historical eth_call), when it has one.
 */
import { eq, isNotNull } from "drizzle-orm";
import { cache } from "react";
import { type Address, getAddress } from "viem";
import { artworkShareTokenAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import { getDeployments, getMulticallOptions, getPublicClient, readAtLatestBlock } from "@/lib/chain/server";
import type { Database } from "@/lib/db/connect";
import { artworks } from "@/lib/db/schema";
import { getIndexerCoverage } from "@/lib/indexer/coverage";
import { type ChainHolder, type ChainRegister, readChainRegister } from "./register-chain";
import { type IndexedRegister, readIndexedRegister } from "./register-history";
import { loadIdentities } from "./register-identities";
import { joinRegister, type RegisterRow } from "./register-query";

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
      const count = await client.readContract({
        address: d.shareTokenFactory,
        abi: shareTokenFactoryAbi,
        functionName: "tokenCount",
        blockNumber,
      });
      const list =
        count > 0n
          ? await client.readContract({
              address: d.shareTokenFactory,
              abi: shareTokenFactoryAbi,
              functionName: "tokens",
              args: [0n, count],
              blockNumber,
            })
          : [];
      const fields = ["name", "symbol", "totalSupply", "holderCount", "holderWalletCount", "rules", "paused"] as const;
      const results = await client.multicall({
        ...getMulticallOptions(),
        blockNumber,
        allowFailure: false,
        contracts: list.flatMap((address) =>
          fields.map((functionName) => ({ address, abi: artworkShareTokenAbi, functionName })),
        ),
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
  const rows = await db
    .select({ token: artworks.tokenAddress, title: artworks.title, slug: artworks.slug })
    .from(artworks)
    .where(isNotNull(artworks.tokenAddress));
  const byToken = new Map(rows.map((r) => [r.token!.toLowerCase(), r]));
  return tokens.map((t) => ({
    ...t,
    title: byToken.get(t.token.toLowerCase())?.title ?? null,
    slug: byToken.get(t.token.toLowerCase())?.slug ?? null,
  }));
}

export async function getTokenTitle(db: Database, token: Address): Promise<{ title: string; slug: string } | null> {
  const [row] = await db
    .select({ title: artworks.title, slug: artworks.slug })
    .from(artworks)
    .where(eq(artworks.tokenAddress, token.toLowerCase()))
    .limit(1);
  return row ?? null;
}

/**
 * Where a register came from: the chain at the latest block; the indexer's events (a past block it has reached); the
 * node's historical state (a past block the indexer has not reached yet).
 */
export type RegisterSource = "chain" | "indexer" | "archive";

export type TokenRegister = Omit<ChainRegister, "holders" | "maxHolders"> & {
  rows: RegisterRow[];
  atLatest: boolean;
  /** Null when unknown at that block (the rules changed later and the node no longer keeps that block's state). */
  maxHolders: number | null;
  source: RegisterSource;
  /** The block through which the indexer's record is complete (null: no indexer, or not yet for any block). */
  indexedThrough: bigint | null;
};

export type RegisterData = Omit<ChainRegister, "maxHolders"> & { maxHolders: number | null };

async function load(
  db: Database,
  chain: RegisterData,
  extra: Pick<TokenRegister, "atLatest" | "source" | "indexedThrough">,
): Promise<TokenRegister> {
  const identities = await loadIdentities(db, {
    investorIds: chain.holders.map((h) => h.investorId),
    wallets: chain.holders.map((h) => h.wallet),
  });
  const { holders, ...header } = chain;
  return { ...header, rows: joinRegister(holders, chain.totalSupply, identities), ...extra };
}

/** Name, symbol and current holder limit of a token (they do not depend on the block, except the limit). */
function readTokenHeader(address: Address) {
  const client = getPublicClient();
  return readAtLatestBlock({
    key: `compliance:header:${address}`,
    read: async (blockNumber) => {
      const [name, symbol, rules] = await client.multicall({
        ...getMulticallOptions(),
        blockNumber,
        allowFailure: false,
        contracts: (["name", "symbol", "rules"] as const).map((functionName) => ({
          address,
          abi: artworkShareTokenAbi,
          functionName,
        })),
      });
      return {
        name: name as string,
        symbol: symbol as string,
        maxHolders: Number((rules as { maxHolders: number }).maxHolders),
      };
    },
  });
}

/**
 * Past registers built from the indexer, kept per (token, block, block hash): a past block does not change (a reorg
 * changes its hash), so paging, sorting and exporting one re-use the read. Identities are joined afresh each time.
 */
const globalForHistory = globalThis as unknown as { __atelierIndexedRegisters?: Map<string, Promise<IndexedRegister>> };
const KEPT_REGISTERS = 16;
function cachedIndexedRegister(key: string, build: () => Promise<IndexedRegister>): Promise<IndexedRegister> {
  const cache = (globalForHistory.__atelierIndexedRegisters ??= new Map());
  let hit = cache.get(key);
  if (hit) cache.delete(key);
  else {
    hit = build();
    hit.catch(() => cache.delete(key));
  }
  cache.set(key, hit);
  while (cache.size > KEPT_REGISTERS) cache.delete(cache.keys().next().value!);
  return hit;
}

/** The register at a past block from the indexer's snapshots, with the token's header. */
async function readRegisterFromIndexer(db: Database, address: Address, blockNumber: bigint): Promise<RegisterData> {
  const client = getPublicClient();
  const [block, header] = await Promise.all([client.getBlock({ blockNumber }), readTokenHeader(address)]);
  const built = await cachedIndexedRegister(`${address}:${blockNumber}:${block.hash}`, () =>
    readIndexedRegister({
      db,
      token: address,
      registry: getDeployments().identityRegistry,
      blockNumber,
      blockTime: Number(block.timestamp),
    }),
  );
  // The indexer read the holder limit with every register change; before the token's first event (it did not
  // exist yet) only the node's state at that block can say.
  let maxHolders = built.maxHolders;
  if (maxHolders === null) {
    maxHolders = await client
      .readContract({ address, abi: artworkShareTokenAbi, functionName: "rules", blockNumber })
      .then((r) => Number(r.maxHolders))
      .catch(() => null);
  }
  return {
    token: address,
    blockNumber,
    blockTime: built.blockTime,
    name: header.name,
    symbol: header.symbol,
    totalSupply: built.totalSupply,
    holderCount: built.holderCount,
    holderWalletCount: built.holderWalletCount,
    maxHolders,
    paused: built.paused,
    holders: built.holders,
  };
}

/** A register as read from the chain or the indexer, before identities are joined, and where it came from. */
export type RegisterRead = {
  data: RegisterData;
  extra: Pick<TokenRegister, "atLatest" | "source" | "indexedThrough">;
};

/**
 * The register now (cached per block across requests) or at a past block: from the indexer when its record is
 * complete through that block, else from the node's archive; identities not joined yet. Throws
 * `RegisterUnavailableError` when neither has that block, or the address is not one of the factory's tokens.
 */
export const readRegister = cache(async (db: Database, token: string, block?: string): Promise<RegisterRead> => {
  const address = getAddress(token);
  const client = getPublicClient();
  const isToken = await readAtLatestBlock({
    key: `factory.isToken:${address}`,
    read: (blockNumber) =>
      client.readContract({
        address: getDeployments().shareTokenFactory,
        abi: shareTokenFactoryAbi,
        functionName: "isToken",
        args: [address],
        blockNumber,
      }),
  });
  if (!isToken) throw new RegisterUnavailableError("not_a_token");
  const coverage = await getIndexerCoverage(db);
  const indexedThrough = coverage?.completeThrough ?? null;
  if (block !== undefined) {
    const latest = await client.getBlockNumber({ cacheTime: 1_000 });
    const n = BigInt(block);
    if (n > latest) throw new RegisterUnavailableError("future_block");
    if (indexedThrough !== null && n <= indexedThrough) {
      const data = await readRegisterFromIndexer(db, address, n);
      return { data, extra: { atLatest: n === latest, source: "indexer", indexedThrough } };
    }
    try {
      const data = await readChainRegister({
        client,
        token: address,
        blockNumber: n,
        multicall: getMulticallOptions(),
      });
      return { data, extra: { atLatest: n === latest, source: "archive", indexedThrough } };
    } catch (error) {
      console.error(
        "[compliance] past register unavailable:",
        error instanceof Error ? error.message.split("\n")[0] : error,
      );
      throw new RegisterUnavailableError(
        indexedThrough === null ? "state_unavailable" : "not_indexed_yet",
        indexedThrough,
      );
    }
  }
  // Only the chain part is cached per block: identities (KYC status, names) change without a new block.
  const data = await readAtLatestBlock({
    key: `compliance:register:${address}`,
    read: (blockNumber) => readChainRegister({ client, token: address, blockNumber, multicall: getMulticallOptions() }),
  });
  return { data, extra: { atLatest: true, source: "chain", indexedThrough } };
});

/** The whole register with every holder's identity joined (see `readRegister`). */
export const getTokenRegister = cache(async (db: Database, token: string, block?: string): Promise<TokenRegister> => {
  const { data, extra } = await readRegister(db, token, block);
  return load(db, data, extra);
});

/**
 * The same past block read from the node's archive, compared with the indexer's register (the console's
 * cross-check): the wallets whose row differs, or `unavailable` when the node no longer keeps that block's state.
 */
export async function crossCheckRegister(
  register: Pick<TokenRegister, "token" | "blockNumber"> & Parameters<typeof compareRegisters>[0],
): Promise<{ ok: true; differences: string[] } | { ok: false; code: "unavailable" }> {
  let chain: ChainRegister;
  try {
    chain = await readChainRegister({
      client: getPublicClient(),
      token: register.token,
      blockNumber: register.blockNumber,
      multicall: getMulticallOptions(),
    });
  } catch {
    return { ok: false, code: "unavailable" };
  }
  return { ok: true, differences: compareRegisters(register, chain) };
}

/** Wallets (and header fields) on which two registers of the same block differ. Pure. */
export function compareRegisters(
  a: Pick<TokenRegister, "totalSupply" | "holderCount" | "holderWalletCount" | "paused"> & {
    rows: readonly ChainHolder[];
  },
  b: ChainRegister,
): string[] {
  const out: string[] = [];
  for (const k of ["totalSupply", "holderCount", "holderWalletCount", "paused"] as const)
    if (a[k] !== b[k]) out.push(k);
  const key = (h: ChainHolder) =>
    [h.shares, h.frozen, h.frozenAmount, h.lockedAmount, h.lockedUntil, h.investorId.toLowerCase(), h.verified].join(
      "|",
    );
  const mine = new Map(a.rows.map((r) => [r.wallet.toLowerCase(), key(r)]));
  const theirs = new Map(b.holders.map((h) => [h.wallet.toLowerCase(), key(h)]));
  for (const w of new Set([...mine.keys(), ...theirs.keys()])) if (mine.get(w) !== theirs.get(w)) out.push(w);
  return out;
}

export type RegisterUnavailableCode = "not_a_token" | "future_block" | "state_unavailable" | "not_indexed_yet";

export class RegisterUnavailableError extends Error {
  constructor(
    readonly code: RegisterUnavailableCode,
    /** For `not_indexed_yet`: the block through which the indexer's record is complete. */
    readonly indexedThrough: bigint | null = null,
  ) {
    super(code);
    this.name = "RegisterUnavailableError";
  }
}
