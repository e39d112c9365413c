import "server-only";

/**
 * The server's distribution calls for the actions and routes: the domain calls of `issuer.ts` bound to the server's
 * chain client and deployments. The tree document is served at `/api/distributions/<id>/tree` (its URI anchored
 * on-chain with its SHA-256).
 */
import type { Address, Hex, PublicClient } from "viem";
import { getDeployments, getPublicClient } from "@/lib/chain/server";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/connect";
import { recordClaim } from "./claims";
import { claimsOf, planDistribution, recordDistributionCreated } from "./issuer";
import { listTokenDistributionStates, recordDistributionClose, recordDistributionHold } from "./lifecycle";
import { getDistribution } from "./store";

export const treeDocumentPath = (id: string) => `/api/distributions/${id}/tree`;

/**
 * How long to wait for a transaction's receipt: up to 15 s when the node knows it (the wallet's node may be a moment
 * ahead of ours), not at all for a hash it has never seen (answered at once: tx_not_found).
 */
async function waitFor(txHash: Hex): Promise<number> {
  const known = await (getPublicClient() as PublicClient).getTransaction({ hash: txHash }).then(
    () => true,
    (error: unknown) => {
      // By name: the bundled viem's error class is not always the one `instanceof` sees. Anything else (the node
      // does not answer) is thrown, never reported as an unknown hash.
      if (error instanceof Error && error.name === "TransactionNotFoundError") return false;
      throw error;
    },
  );
  return known ? 15_000 : 0;
}

/** The server's chain client and deployments, which the domain calls take as arguments. */
const serverChain = () => ({ client: getPublicClient() as PublicClient, deployments: getDeployments() });

type PlanArgs = Omit<Parameters<typeof planDistribution>[1], "client" | "deployments" | "treeURI">;

/** Plans as the issuer asked; `origin` is the portal's address the tree document is served from. */
export function planIssuerDistribution(db: Database, args: PlanArgs & { origin: string }) {
  const { origin, ...rest } = args;
  return planDistribution(db, {
    ...rest,
    ...serverChain(),
    treeURI: (id) => new URL(treeDocumentPath(id), origin).toString(),
  });
}

export async function recordIssuerDistribution(db: Database, args: { issuer: Address; id: string; txHash: Hex }) {
  return recordDistributionCreated(db, {
    ...args,
    ...serverChain(),
    waitMs: await waitFor(args.txHash),
  });
}

/** A record of a transaction the node knows, on the server's chain; one it has never seen is `tx_not_found` at once. */
async function recordKnownTx<R>(
  txHash: Hex,
  record: (chain: ReturnType<typeof serverChain> & { waitMs: number }) => Promise<R>,
) {
  const waitMs = await waitFor(txHash);
  if (waitMs === 0) return { ok: false as const, code: "tx_not_found" as const };
  return record({ ...serverChain(), waitMs });
}

export function recordIssuerClose(db: Database, args: { issuer: Address; onChainId: bigint; txHash: Hex }) {
  return recordKnownTx(args.txHash, (chain) => recordDistributionClose(db, { ...args, ...chain }));
}

export function recordAgentHold(db: Database, args: { agent: Address; onChainId: bigint; txHash: Hex }) {
  return recordKnownTx(args.txHash, (chain) => recordDistributionHold(db, { ...args, ...chain }));
}

/**
 * A token's distributions for the issuer's and compliance's pages (the indexer's projection), with the distributor's
 * address (null: none deployed on this chain) and the chain's latest block time (the close opens after the deadline).
 */
export async function loadTokenDistributions(token: Address) {
  const distributor = getDeployments().distributor ?? null;
  const [rows, head] = await Promise.all([
    listTokenDistributionStates(await getDb(), token),
    getPublicClient().getBlock(),
  ]);
  const items = rows.map((r) => ({
    onChainId: r.onChainId,
    serverId: r.serverId,
    kind: r.kind,
    amount: r.amount,
    recordBlock: r.recordBlock.toString(),
    claimDeadline: r.claimDeadline.toISOString(),
    claimedAmount: r.claimedAmount,
    claimCount: r.claimCount,
    leafCount: r.leafCount,
    status: r.status,
    holdReason: r.holdReason,
    returnedAmount: r.returnedAmount,
    issuer: r.issuer,
  }));
  return { distributor, chainTime: Number(head.timestamp), items };
}
export type TokenDistribution = Awaited<ReturnType<typeof loadTokenDistributions>>["items"][number];

export const claimsOfWallet = (db: Database, wallet: Address) => claimsOf(db, wallet);

/** After the investor's claim transaction: verified on the server and audited (see `claims.ts`). */
export function recordInvestorClaim(db: Database, args: { wallet: Address; txHash: Hex }) {
  return recordClaim(db, {
    ...args,
    ...serverChain(),
    waitMs: 15_000,
  });
}

/**
 * The exact tree document text (its SHA-256 is the anchored tree hash) and whether a distribution on-chain anchors it
 * yet (a plan the issuer has not signed may never be); null when there is none.
 */
export async function loadTreeDocument(id: string): Promise<{ document: string; anchored: boolean } | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const row = await getDistribution(await getDb(), id);
  return row ? { document: row.document, anchored: row.onChainId !== null } : null;
}
