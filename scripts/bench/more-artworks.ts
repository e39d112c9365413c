/**
 * Adds extra listed artworks for the "does the RPC cost grow with the catalogue?" measurement: for each,
 * a real share token (ShareTokenFactory.deployToken) and a live primary offering
 * (PrimaryOffering.createOffering) on chain, and an artwork + offering row in the database copied from
 * one of the seeded artworks (same images and texts, new slug and title).
 * Run it only while `next start` is stopped (PGlite is single-process).
 */
import { asc } from "drizzle-orm";
import { createPublicClient, createWalletClient, http, parseEventLogs, type Address, type Hash, type Hex } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { getAtelierChain } from "../../lib/chain/config";
import { hKDStablecoinAbi, primaryOfferingAbi, shareTokenFactoryAbi } from "../../lib/chain/abis";
import type { Deployments } from "../../lib/chain/deployments";
import type { Database } from "../../lib/db/connect";
import * as schema from "../../lib/db/schema";

const DEV_MNEMONIC = "test test test test test test test test test test test junk";
/** Seeded issuer "Lumen Art Partners Ltd" (anvil dev account #3), granted ISSUER_ROLE by the seed. */
const ISSUER_ACCOUNT = 3;
const DAY = 86_400;
const ALL_CATEGORIES = (1 << 1) | (1 << 2) | (1 << 3);

export async function addBenchArtworks(opts: {
  db: Database;
  rpcUrl: string;
  deployment: Deployments;
  count: number;
  log?: (msg: string) => void;
}): Promise<{ added: number; slugs: string[] }> {
  const { db, deployment, count } = opts;
  const log = opts.log ?? (() => {});
  const chain = getAtelierChain({ chainId: 31337, rpcUrls: [opts.rpcUrl] });
  const transport = http(opts.rpcUrl);
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 25 });
  const account = mnemonicToAccount(DEV_MNEMONIC, { addressIndex: ISSUER_ACCOUNT });
  const issuer = createWalletClient({ account, chain, transport });

  const templates = await db.select().from(schema.artworks).orderBy(asc(schema.artworks.createdAt));
  if (templates.length === 0) throw new Error("no seeded artworks to copy");
  const decimals = await publicClient.readContract({
    address: deployment.paymentToken,
    abi: hKDStablecoinAbi,
    functionName: "decimals",
  });

  const mined = async (hash: Promise<Hash>) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash, pollingInterval: 25 });
    if (receipt.status !== "success") throw new Error(`transaction ${receipt.transactionHash} reverted`);
    return receipt;
  };

  const slugs: string[] = [];
  for (let i = 0; i < count; i++) {
    const t = templates[i % templates.length]!;
    const n = i + 1;
    const slug = `bench-${String(n).padStart(3, "0")}-${t.slug}`;
    const title = `${t.title} (bench ${n})`;
    const metadataUri = `${t.metadataUri ?? "http://127.0.0.1/media/bench"}#bench-${n}`;
    const metadataHash = (t.metadataHash ?? `0x${"00".repeat(32)}`) as Hex;

    const deployReceipt = await mined(
      issuer.writeContract({
        address: deployment.shareTokenFactory,
        abi: shareTokenFactoryAbi,
        functionName: "deployToken",
        args: [
          `Atelier ${title}`,
          `BN${n}`,
          1_000_000n,
          {
            allowedCountries: [],
            eligibleCategories: ALL_CATEGORIES,
            maxHolders: 500,
            maxBalancePerInvestor: 1_000n,
            lockupSeconds: 0n,
          },
          metadataUri,
          metadataHash,
        ],
      } as never),
    );
    const [deployed] = parseEventLogs({
      abi: shareTokenFactoryAbi,
      logs: deployReceipt.logs,
      eventName: "TokenDeployed",
    });
    const token = (deployed!.args as { token: Address }).token;

    const block = await publicClient.getBlock();
    const now = Number(block.timestamp);
    const createReceipt = await mined(
      issuer.writeContract({
        address: deployment.primaryOffering,
        abi: primaryOfferingAbi,
        functionName: "createOffering",
        args: [
          token,
          {
            pricePerShare: 1_000n * 10n ** BigInt(decimals),
            supplyCap: 1_000n,
            minTicket: 1n,
            maxTicket: 500n,
            start: BigInt(now - DAY),
            end: BigInt(now + 30 * DAY),
            eligibleCategories: ALL_CATEGORIES,
            treasury: account.address,
          },
        ],
      } as never),
    );
    const created = parseEventLogs({
      abi: primaryOfferingAbi,
      logs: createReceipt.logs,
      eventName: "OfferingCreated",
    })[0]!;
    const offeringId = (created.args as { id: bigint }).id;

    const rest: Partial<typeof t> = { ...t };
    delete rest.id;
    delete rest.createdAt;
    delete rest.updatedAt;
    const [row] = await db
      .insert(schema.artworks)
      .values({
        ...(rest as Omit<typeof t, "id" | "createdAt" | "updatedAt">),
        slug,
        title,
        issuerAddress: account.address.toLowerCase(),
        status: "offering",
        tokenAddress: token.toLowerCase(),
        metadataUri,
      })
      .returning({ id: schema.artworks.id });
    await db.insert(schema.offerings).values({ artworkId: row!.id, onChainId: offeringId.toString() });
    slugs.push(slug);
    if (n % 10 === 0 || n === count) log(`added ${n}/${count} bench artworks`);
  }
  return { added: count, slugs };
}
