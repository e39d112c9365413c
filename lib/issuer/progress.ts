/**
 * Where a listing stands on chain, derived from the chain alone (so an interrupted go-on-chain sequence
 * resumes where it stopped and never deploys twice): the token is the one this issuer deployed through
 * the factory whose metadata hash is the listing's; a document is anchored when `getDocument(name)`
 * returns its SHA-256; the offering is the token's latest in `offeringsOf(token)`.
 * Plain module taking a client, so it is tested against a real anvil.
 */
import { type Address, getAddress, type Hex, type PublicClient } from "viem";
import { artworkShareTokenAbi, hKDStablecoinAbi, primaryOfferingAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import type { OfferingView } from "@/lib/catalogue/client";
import { documentNameToBytes32Plain } from "./names";

export type ProgressDocument = { id: string; name: string; title: string; sha256: Hex; anchored: boolean };

export type GoOnChainProgress = {
  token: Address | null;
  documents: ProgressDocument[];
  offeringId: bigint | null;
  offering: OfferingView | null;
  decimals: number;
  /** The chain's latest block time, seconds. */
  chainNow: number;
};

type Contracts = { shareTokenFactory: Address; primaryOffering: Address; paymentToken: Address; startBlock?: bigint };

/** Tokens deployed by `issuer` whose on-chain metadata hash equals `metadataHash` (oldest first), with the deploying transaction. */
export async function findDeployedTokenTxs({
  client,
  contracts,
  issuer,
  metadataHash,
}: {
  client: PublicClient;
  contracts: Pick<Contracts, "shareTokenFactory" | "startBlock">;
  issuer: Address;
  metadataHash: Hex;
}): Promise<{ token: Address; txHash: Hex }[]> {
  const logs = await client.getContractEvents({
    address: contracts.shareTokenFactory,
    abi: shareTokenFactoryAbi,
    eventName: "TokenDeployed",
    args: { issuer },
    fromBlock: contracts.startBlock ?? 0n,
    toBlock: "latest",
  });
  const deployed = logs
    .filter((l) => !!l.args.token)
    .map((l) => ({ token: getAddress(l.args.token!), txHash: l.transactionHash }));
  const hashes = await Promise.all(
    deployed.map(({ token }) =>
      client.readContract({ address: token, abi: artworkShareTokenAbi, functionName: "metadataHash" }),
    ),
  );
  return deployed.filter((_, i) => hashes[i]!.toLowerCase() === metadataHash.toLowerCase());
}

/** Tokens deployed by `issuer` whose on-chain metadata hash equals `metadataHash` (oldest first). */
export async function findDeployedTokens(args: Parameters<typeof findDeployedTokenTxs>[0]): Promise<Address[]> {
  return (await findDeployedTokenTxs(args)).map((d) => d.token);
}

export async function deriveGoOnChainProgress({
  client,
  contracts,
  issuer,
  metadataHash,
  knownToken,
  documents,
}: {
  client: PublicClient;
  contracts: Contracts;
  issuer: Address;
  metadataHash: Hex | null;
  knownToken: Address | null;
  documents: { id: string; name: string; title: string; sha256: string }[];
}): Promise<GoOnChainProgress> {
  const block = await client.getBlock({ blockTag: "latest" });
  let token = knownToken;
  if (!token && metadataHash) {
    token = (await findDeployedTokens({ client, contracts, issuer, metadataHash }))[0] ?? null;
  }
  const decimals = Number(
    await client.readContract({ address: contracts.paymentToken, abi: hKDStablecoinAbi, functionName: "decimals" }),
  );
  if (!token) {
    return {
      token: null,
      documents: documents.map((d) => ({
        id: d.id,
        name: d.name,
        title: d.title,
        sha256: d.sha256 as Hex,
        anchored: false,
      })),
      offeringId: null,
      offering: null,
      decimals,
      chainNow: Number(block.timestamp),
    };
  }
  const t = token;
  const [anchored, ids] = await Promise.all([
    Promise.all(
      documents.map((d) =>
        client.readContract({
          address: t,
          abi: artworkShareTokenAbi,
          functionName: "getDocument",
          args: [documentNameToBytes32Plain(d.name)],
        }),
      ),
    ),
    client.readContract({
      address: contracts.primaryOffering,
      abi: primaryOfferingAbi,
      functionName: "offeringsOf",
      args: [t],
    }),
  ]);
  const offeringId = ids.at(-1) ?? null;
  const offering =
    offeringId === null
      ? null
      : ((await client.readContract({
          address: contracts.primaryOffering,
          abi: primaryOfferingAbi,
          functionName: "offering",
          args: [offeringId],
        })) as OfferingView);
  return {
    token: t,
    documents: documents.map((d, i) => ({
      id: d.id,
      name: d.name,
      title: d.title,
      sha256: d.sha256 as Hex,
      anchored: anchored[i]![1].toLowerCase() === d.sha256.toLowerCase(),
    })),
    offeringId,
    offering,
    decimals,
    chainNow: Number(block.timestamp),
  };
}
