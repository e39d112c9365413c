/**
 * The demo's sale votes (issue 15; see ./sale-data): each recorded as the portal records one — the issuer's plan (the
 * weights tree from the indexer's register at the record block, stored and audited), `approve` + `openSale` from the
 * issuer's wallet with the price escrowed, the server's check of that transaction; holders' votes with the server's
 * proofs; for the sold artwork the close by time, `finalize` and a redemption — each step read back and audited.
 *
 * The sold artwork's vote must have run its full period (at least 7 days) by today, so the seed starts with the
 * chain's clock put back {@link SALE_LEAD_DAYS} days ({@link rewindClock}); the sales are opened in that past, and
 * {@link seedSales} returns the clock to the computer's time before finalising — so everything seeded after it
 * (offerings live, upcoming, sold out; lock-ups; orders; the distribution's claim window; expiries) is dated from
 * today as before.
 */
import { eq } from "drizzle-orm";
import {
  type Account,
  type Address,
  type Chain,
  type Hash,
  type Hex,
  type PublicClient,
  type Transport,
  type WalletClient,
} from "viem";
import { artworkSaleAbi, hKDStablecoinAbi } from "../../lib/chain/abis";
import type { Deployments } from "../../lib/chain/deployments";
import type { Database } from "../../lib/db/connect";
import * as schema from "../../lib/db/schema";
import { sha256Hex } from "../../lib/format/hash";
import { syncToHead } from "../../lib/indexer/projections";
import {
  DEFAULT_APPROVAL_BPS,
  DEFAULT_QUORUM_BPS,
  planSale,
  recordSaleOpened,
  weightsDocumentPath,
} from "../../lib/sale/plan";
import { recordSaleStep, type SaleStep } from "../../lib/sale/record";
import { getVoteProof } from "../../lib/sale/store";
import { simplePdf } from "./pdf";
import { SALE_LEAD_DAYS, saleArtworks, sales, type DemoSale } from "./sale-data";

const DAY = 86_400;
/** How long the server waits for a step's receipt (the seed's transactions are mined already). */
const WAIT_MS = 15_000;

type Wallet = WalletClient<Transport, Chain, Account>;

/** Puts the chain's clock back {@link SALE_LEAD_DAYS} days from the computer's time (anvil's `evm_setTime`). */
export async function rewindClock(publicClient: PublicClient) {
  await setChainTime(publicClient, Math.floor(Date.now() / 1000) - SALE_LEAD_DAYS * DAY);
}

async function setChainTime(publicClient: PublicClient, seconds: number) {
  await publicClient.request({ method: "evm_setTime", params: [seconds] } as never);
  await publicClient.request({ method: "evm_mine", params: [] } as never);
}

export async function seedSales({
  db,
  publicClient,
  deployment,
  appOrigin,
  confirmations,
  walletOf,
  send,
  hkd,
  log,
}: {
  db: Database;
  publicClient: PublicClient;
  deployment: Deployments;
  appOrigin: string;
  confirmations: number;
  walletOf: (key: string) => Wallet;
  send: (hash: Promise<Hash>) => Promise<Hash>;
  hkd: (amount: number) => bigint;
  log: (msg: string) => void;
}) {
  const saleContract = deployment.artworkSale;
  if (!saleContract) {
    await setChainTime(publicClient, Math.floor(Date.now() / 1000));
    return;
  }
  const chain = { client: publicClient, deployments: deployment };
  const admin = walletOf("admin");

  /** A holder's (or anyone's) signed step, recorded by the server as the portal records it. */
  async function step(who: Wallet, s: SaleStep, args: readonly unknown[]) {
    const txHash = await send(
      who.writeContract({ address: saleContract!, abi: artworkSaleAbi, functionName: s, args } as never),
    );
    const recorded = await recordSaleStep(db, {
      ...chain,
      wallet: who.account.address,
      step: s,
      txHash,
      waitMs: WAIT_MS,
    });
    if (!recorded.ok) throw new Error(`seed sale: ${s} refused (${recorded.code})`);
  }

  async function open(sale: DemoSale): Promise<{ id: string; onChainId: bigint }> {
    const [art] = await db
      .select({ token: schema.artworks.tokenAddress })
      .from(schema.artworks)
      .where(eq(schema.artworks.slug, sale.slug));
    if (!art?.token) throw new Error(`seed sale: ${sale.slug} has no token`);
    const issuer = walletOf(saleArtworks.find((a) => a.slug === sale.slug)!.issuer);
    const offer = simplePdf("Offer to purchase", [
      `Object: the artwork behind token ${art.token}`,
      `Buyer: ${walletOf(sale.buyer).account.address}`,
      `Price for the whole work: HKD ${sale.priceHkd.toLocaleString("en")}`,
      "Subject to the approval of the share token holders' vote.",
    ]);
    const price = hkd(sale.priceHkd);
    const plan = await planSale(db, {
      ...chain,
      issuer: issuer.account.address,
      token: art.token as Address,
      buyer: walletOf(sale.buyer).account.address,
      price,
      offerHash: sha256Hex(offer) as Hex,
      offerName: `offer-${sale.slug}.pdf`,
      recordBlock: "now",
      votingDays: sale.votingDays,
      quorumBps: DEFAULT_QUORUM_BPS,
      approvalBps: DEFAULT_APPROVAL_BPS,
      offerURI: (id) => new URL(weightsDocumentPath(id), appOrigin).toString(),
    });
    if (!plan.ok) throw new Error(`seed sale: the plan of ${sale.slug} was refused (${plan.code})`);
    // The buyer's money for it, with the issuer (paid into escrow by `openSale`).
    await send(
      admin.writeContract({
        address: deployment.paymentToken,
        abi: hKDStablecoinAbi,
        functionName: "mint",
        args: [issuer.account.address, price],
      }),
    );
    await send(
      issuer.writeContract({
        address: deployment.paymentToken,
        abi: hKDStablecoinAbi,
        functionName: "approve",
        args: [saleContract!, price],
      }),
    );
    const txHash = await send(
      issuer.writeContract({
        address: saleContract!,
        abi: artworkSaleAbi,
        functionName: "openSale",
        args: [plan.token, plan.terms, plan.offerURI],
      }),
    );
    const recorded = await recordSaleOpened(db, { ...chain, issuer: issuer.account.address, id: plan.id, txHash });
    if (!recorded.ok) throw new Error(`seed sale: the open of ${sale.slug} was refused (${recorded.code})`);
    for (const [key, support] of Object.entries(sale.votes)) {
      const voter = walletOf(key);
      const proof = await getVoteProof(db, plan.id, voter.account.address);
      if (!proof) throw new Error(`seed sale: ${key} has no vote on ${sale.slug}`);
      await step(voter, "vote", [
        recorded.onChainId,
        BigInt(proof.index),
        proof.holder,
        proof.weight,
        support,
        proof.proof,
      ]);
    }
    return { id: plan.id, onChainId: recorded.onChainId };
  }

  // The register the weights are built from is the indexer's: it catches up with the purchases first (one more block
  // so that "now", the block before the head, holds the last of them).
  await publicClient.request({ method: "evm_mine", params: [] } as never);
  await syncToHead({ db, client: publicClient, contracts: deployment, confirmations });
  const opened = [];
  for (const sale of sales) opened.push({ sale, ...(await open(sale)) });

  // Back to the computer's time: the sold artwork's vote has closed.
  await setChainTime(publicClient, Math.floor(Date.now() / 1000));
  for (const { sale, onChainId } of opened) {
    if (!sale.sold) continue;
    await step(walletOf(sale.sold.finalisedBy), "finalize", [onChainId]);
    for (const key of sale.sold.redeemed) await step(walletOf(key), "redeem", [onChainId]);
  }
  log(
    `seeded ${sales.length} sale votes: ${sales
      .map((s) => `${s.slug} (${s.sold ? `sold, ${s.sold.redeemed.length} redeemed` : "open"})`)
      .join(", ")}`,
  );
}
