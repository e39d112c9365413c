/**
 * The demo's paid distribution (issue 15): the issuer of Still Life with Lychees pays HK$40,000 of income (an
 * exhibition loan fee) to the holders at a record block — Mei 60, Alice 140 and David 200 of its 400 shares, so
 * HK$6,000, HK$14,000 and HK$20,000. David has claimed his; Mei's and Alice's wait in their portfolios. Built as the
 * portal builds one (same tree, document and proofs, stored in the database), from the token's Transfer logs at the
 * record block (the indexer has not run yet when the seed does).
 */
import { eq } from "drizzle-orm";
import {
  type Account,
  type Address,
  type Chain,
  type Hash,
  parseEventLogs,
  type PublicClient,
  type Transport,
  type WalletClient,
} from "viem";
import { writeAudit } from "../../lib/audit";
import { distributorAbi, hKDStablecoinAbi } from "../../lib/chain/abis";
import type { Deployments } from "../../lib/chain/deployments";
import type { Database } from "../../lib/db/connect";
import * as schema from "../../lib/db/schema";
import { platformContracts } from "../../lib/distributions/holders";
import { distributionTerms } from "../../lib/distributions/prepare";
import { getClaimProof, recordOnChain, saveDistribution } from "../../lib/distributions/store";
import { buildDistribution } from "../../lib/distributions/tree";
import { balancesFromTransferLogs } from "../../lib/distributions/verify";

export const DEMO_DISTRIBUTION = { slug: "still-life-with-lychees", amountHkd: 40_000, claimed: "david" } as const;
const CLAIM_DAYS = 90;

export async function seedDistribution({
  db,
  publicClient,
  deployment,
  appOrigin,
  walletOf,
  send,
  hkd,
  log,
}: {
  db: Database;
  publicClient: PublicClient;
  deployment: Deployments;
  appOrigin: string;
  walletOf: (key: string) => WalletClient<Transport, Chain, Account>;
  send: (hash: Promise<Hash>) => Promise<Hash>;
  hkd: (amount: number) => bigint;
  log: (msg: string) => void;
}) {
  const distributor = deployment.distributor;
  if (!distributor) return;
  const [art] = await db
    .select({ token: schema.artworks.tokenAddress })
    .from(schema.artworks)
    .where(eq(schema.artworks.slug, DEMO_DISTRIBUTION.slug));
  if (!art?.token) return;
  const token = art.token as Address;
  const issuer = walletOf("lumen");
  const admin = walletOf("admin");
  const amount = hkd(DEMO_DISTRIBUTION.amountHkd);

  const recordBlock = await publicClient.getBlockNumber({ cacheTime: 0 });
  const skip = platformContracts(deployment, token);
  const balances = await balancesFromTransferLogs(publicClient, token, deployment.startBlock, recordBlock);
  const holders = [...balances]
    .filter(([w]) => !skip.has(w))
    .map(([wallet, balance]) => ({ wallet: wallet as Address, balance }));
  const excluded = [...balances]
    .filter(([w]) => skip.has(w))
    .map(([wallet, shares]) => ({ wallet: wallet as Address, shares, reason: skip.get(wallet)! }));
  const head = await publicClient.getBlock();
  const input = {
    chainId: deployment.chainId,
    distributor,
    paymentToken: deployment.paymentToken,
    token,
    recordBlock,
    kind: "income" as const,
    amount,
    claimDeadline: Number(head.timestamp) + CLAIM_DAYS * 86_400,
  };
  const built = buildDistribution({ ...input, holders, excluded });
  const id = await saveDistribution(db, { input, built, createdBy: issuer.account.address });
  const treeURI = new URL(`/api/distributions/${id}/tree`, appOrigin).toString();

  // The issuer's HKD for it (an exhibition loan fee paid to the issuer), approved and deposited with the distributor.
  await send(
    admin.writeContract({
      address: deployment.paymentToken,
      abi: hKDStablecoinAbi,
      functionName: "mint",
      args: [issuer.account.address, amount],
    }),
  );
  await send(
    issuer.writeContract({
      address: deployment.paymentToken,
      abi: hKDStablecoinAbi,
      functionName: "approve",
      args: [distributor, amount],
    }),
  );
  const terms = distributionTerms({ ...input, root: built.root, treeHash: built.treeHash, leafCount: built.leafCount });
  const created = await send(
    issuer.writeContract({
      address: distributor,
      abi: distributorAbi,
      functionName: "createDistribution",
      args: [token, terms, treeURI],
    }),
  );
  const [event] = parseEventLogs({
    abi: distributorAbi,
    logs: (await publicClient.getTransactionReceipt({ hash: created })).logs,
    eventName: "DistributionCreated",
  });
  const onChainId = event!.args.id;
  await recordOnChain(db, id, onChainId, created);
  await writeAudit(db, {
    actor: issuer.account.address.toLowerCase(),
    actorRole: "issuer",
    action: "distribution.create",
    subjectType: "distribution",
    subjectId: id,
    after: { onChainId: onChainId.toString(), token: token.toLowerCase(), amount: amount.toString(), root: built.root },
    txHash: created.toLowerCase(),
  });

  // One holder has claimed; the others' claims wait in their portfolios.
  const claimer = walletOf(DEMO_DISTRIBUTION.claimed);
  const proof = await getClaimProof(db, id, claimer.account.address);
  if (!proof) throw new Error(`seed distribution: ${DEMO_DISTRIBUTION.claimed} has no entitlement`);
  const claimed = await send(
    claimer.writeContract({
      address: distributor,
      abi: distributorAbi,
      functionName: "claim",
      args: [onChainId, BigInt(proof.index), proof.holder, proof.amount, proof.proof],
    }),
  );
  await writeAudit(db, {
    actor: claimer.account.address.toLowerCase(),
    actorRole: "investor",
    action: "distribution.claim",
    subjectType: "distribution",
    subjectId: id,
    after: {
      function: "claim",
      total: proof.amount.toString(),
      claims: [
        {
          onChainId: onChainId.toString(),
          holder: proof.holder.toLowerCase(),
          amount: proof.amount.toString(),
          token: token.toLowerCase(),
        },
      ],
    },
    txHash: claimed.toLowerCase(),
  });
  log(`seeded a paid distribution on ${DEMO_DISTRIBUTION.slug} (${built.leafCount} holders, one claimed)`);
}
