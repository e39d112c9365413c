import "server-only";

import { and, eq, inArray, isNotNull, ne } from "drizzle-orm";
import type { Address, PublicClient } from "viem";
import { artworkShareTokenAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import { getMulticallOptions } from "@/lib/chain/server";
import type { Database } from "@/lib/db/connect";
import { artworks, listingTransactions } from "@/lib/db/schema";
import type { SymbolHolder } from "./symbols";

/**
 * Every symbol in use on the platform: the tokens the factory deployed (read from the chain, the source of truth,
 * with their listing's title) and the deploys of other listings still waiting to be mined.
 */
export async function listPlatformSymbols(
  db: Database,
  deps: { client: PublicClient; factory: Address },
  { exceptArtworkId }: { exceptArtworkId: string },
): Promise<SymbolHolder[]> {
  const count = await deps.client.readContract({
    address: deps.factory,
    abi: shareTokenFactoryAbi,
    functionName: "tokenCount",
  });
  const tokens =
    count > 0n
      ? await deps.client.readContract({
          address: deps.factory,
          abi: shareTokenFactoryAbi,
          functionName: "tokens",
          args: [0n, count],
        })
      : [];
  const symbols = tokens.length
    ? await deps.client.multicall({
        ...getMulticallOptions(),
        allowFailure: false,
        contracts: tokens.map((address) => ({ address, abi: artworkShareTokenAbi, functionName: "symbol" as const })),
      })
    : [];
  const titled = tokens.length
    ? await db
        .select({ token: artworks.tokenAddress, title: artworks.title })
        .from(artworks)
        .where(
          and(
            isNotNull(artworks.tokenAddress),
            inArray(
              artworks.tokenAddress,
              tokens.map((t) => t.toLowerCase()),
            ),
          ),
        )
    : [];
  const titles = new Map(titled.map((r) => [r.token!.toLowerCase(), r.title]));
  const pending = await db
    .select({ details: listingTransactions.details, title: artworks.title, artworkId: listingTransactions.artworkId })
    .from(listingTransactions)
    .innerJoin(artworks, eq(artworks.id, listingTransactions.artworkId))
    .where(
      and(
        eq(listingTransactions.kind, "deploy"),
        eq(listingTransactions.status, "pending"),
        ne(listingTransactions.artworkId, exceptArtworkId),
      ),
    );
  return [
    ...tokens.map((token, i) => ({
      token: token.toLowerCase(),
      symbol: String(symbols[i]),
      title: titles.get(token.toLowerCase()) ?? null,
    })),
    ...pending.flatMap((p) =>
      typeof p.details.symbol === "string"
        ? [{ token: `pending:${p.artworkId}`, symbol: p.details.symbol, title: p.title }]
        : [],
    ),
  ];
}
