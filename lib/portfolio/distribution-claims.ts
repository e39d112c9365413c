import "server-only";

/*
 * The portfolio's "Distributions" section for the signed-in wallet (the wallet that signs a claim): its entitlements
 * (its own and those of wallets recovered to it) with the chain's `claimCode` for each, read at the latest block
 * with this wallet as the payee, and the payments it received. Strings only (props of a client component).
 */
import { type Address, getAddress, type Hex } from "viem";
import { distributorAbi } from "@/lib/chain/abis";
import { getDeployments, getMulticallOptions, getPublicClient } from "@/lib/chain/server";
import { getDb, schema } from "@/lib/db";
import { claimState, type ClaimState } from "@/lib/distributions/client";
import { listWalletClaims, distributionsByOnChainIds, type DistributionKind } from "@/lib/distributions";
import { isNotNull } from "drizzle-orm";
import { readDistributionPayments } from "./distribution-events";
import { blockTime } from "./events";

type Artwork = { slug: string | null; title: string; titleZh: string | null };

export type ClaimRow = Artwork & {
  key: string;
  onChainId: string;
  token: Address;
  kind: DistributionKind;
  amount: string;
  /** ISO time. */
  claimDeadline: string;
  index: number;
  holder: Address;
  proof: Hex[];
  recovered: boolean;
  status: ClaimState;
};

export type PaymentRow = Artwork & {
  key: string;
  onChainId: string;
  kind: DistributionKind | null;
  holder: Address;
  amount: string;
  /** ISO time. */
  at: string;
  txHash: Hex;
};

export type DistributionClaimsView = {
  distributor: Address | null;
  wallet: Address;
  /** Entitlements not yet paid: payable now, waiting (money reserved), or lapsed. */
  claims: ClaimRow[];
  /** Payments received, newest first. */
  payments: PaymentRow[];
};

async function artworksByToken(): Promise<Map<string, Artwork>> {
  const db = await getDb();
  const rows = await db
    .select({
      token: schema.artworks.tokenAddress,
      slug: schema.artworks.slug,
      title: schema.artworks.title,
      titleZh: schema.artworks.titleZh,
    })
    .from(schema.artworks)
    .where(isNotNull(schema.artworks.tokenAddress));
  return new Map(
    rows.map((r) => [r.token!.toLowerCase(), { slug: r.slug, title: r.title, titleZh: r.titleZh ?? null }]),
  );
}

export async function loadDistributionClaims(wallet: Address): Promise<DistributionClaimsView> {
  const d = getDeployments();
  wallet = getAddress(wallet);
  if (!d.distributor) return { distributor: null, wallet, claims: [], payments: [] };
  const distributor = d.distributor;
  const client = getPublicClient();
  const db = await getDb();
  const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
  const [entitlements, paid, artworks] = await Promise.all([
    listWalletClaims(db, wallet),
    readDistributionPayments({ wallets: [wallet], toBlock: blockNumber }),
    artworksByToken(),
  ]);
  const codes = entitlements.length
    ? await client.multicall({
        contracts: entitlements.map(
          (e) =>
            ({
              address: distributor,
              abi: distributorAbi,
              functionName: "claimCode",
              args: [BigInt(e.onChainId), BigInt(e.index), e.holder, wallet, BigInt(e.amount), e.proof],
            }) as const,
        ),
        // One distribution the distributor does not know (another deployment's record) must not hide the others.
        allowFailure: true,
        blockNumber,
        ...getMulticallOptions(),
      })
    : [];
  const artworkOf = (token: string): Artwork =>
    artworks.get(token.toLowerCase()) ?? { slug: null, title: getAddress(token), titleZh: null };
  const claims = entitlements
    .map((e, i) => ({
      ...artworkOf(e.token),
      key: `${e.onChainId}:${e.index}`,
      onChainId: e.onChainId,
      token: e.token,
      kind: e.kind,
      amount: e.amount,
      claimDeadline: e.claimDeadline.toISOString(),
      index: e.index,
      holder: e.holder,
      proof: e.proof,
      recovered: e.recovered,
      status: codes[i]?.status === "success" ? claimState(Number(codes[i]!.result)) : claimState(-1),
    }))
    .filter((c) => c.status.state !== "claimed");
  const infoOf = await distributionsByOnChainIds(db, {
    chainId: d.chainId,
    distributor,
    ids: [...new Set(paid.map((p) => p.onChainId.toString()))],
  });
  const payments = await Promise.all(
    paid
      .sort((a, b) =>
        a.blockNumber === b.blockNumber ? b.logIndex - a.logIndex : a.blockNumber < b.blockNumber ? 1 : -1,
      )
      .map(async (p) => {
        const info = infoOf.get(p.onChainId.toString());
        return {
          ...(info ? artworkOf(info.token) : { slug: null, title: distributor, titleZh: null }),
          key: `${p.transactionHash}:${p.logIndex}`,
          onChainId: p.onChainId.toString(),
          kind: info?.kind ?? null,
          holder: p.holder,
          amount: p.amount.toString(),
          at: (await blockTime(p.blockNumber)).toISOString(),
          txHash: p.transactionHash,
        };
      }),
  );
  return { distributor, wallet, claims, payments };
}
