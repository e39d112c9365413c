import "server-only";

/**
 * What the issuer console's on-chain steps share (`chain-steps.ts`): the chain they read, the steps guarded against
 * running twice, their audit actions, and the checks that a call is this listing's step.
 */
import { and, eq } from "drizzle-orm";
import type { Address, Hex, PublicClient, Transaction } from "viem";
import { artworkShareTokenAbi, primaryOfferingAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import type { AllowedCall } from "@/lib/chain/verify-tx";
import type { Database } from "@/lib/db/connect";
import { anyRowWhere } from "@/lib/db/rows";
import { type Artwork, type ListingTxKind, listingTransactions, offerings } from "@/lib/db/schema";
import { ListingError } from "./listing-core";

export type ChainDeps = {
  client: PublicClient;
  contracts: { shareTokenFactory: Address; primaryOffering: Address; startBlock?: bigint };
  /** A transaction the node has not known for this long since it was sent is taken as dropped. */
  dropAfterMs?: number;
  /** How long to look for a just-sent transaction on the node before recording it unseen (default 5 s). */
  lookupMs?: number;
  now?: () => number;
};

/** Two minutes: far longer than a transaction takes to reach the node, short enough to retry the same day. */
export const DROP_AFTER_MS = 120_000;

/** The steps that must never run twice: recorded as pending from the moment the wallet returns the hash. */
export type GuardedKind = Extract<ListingTxKind, "deploy" | "offering">;

export const AUDIT_ACTIONS = {
  sent: { deploy: "listing.deploy.sent", offering: "listing.offering.sent" },
  failed: { deploy: "listing.deploy.failed", offering: "listing.offering.failed" },
  confirmed: {
    deploy: "listing.token_deployed",
    anchor: "listing.document_anchored",
    offering: "listing.offering_created",
    close: "listing.offering_closed",
    withdraw: "listing.proceeds_withdrawn",
    update_anchor: "update.document_anchored",
  },
} as const satisfies {
  sent: Record<GuardedKind, string>;
  failed: Record<GuardedKind, string>;
  confirmed: Record<ListingTxKind, string>;
};

export const lower = (h: string) => h.toLowerCase() as Hex;
export const asDb = (tx: unknown) => tx as Database;

/** Every call the console's steps make: the factory's deploy, the offering's steps, the token's documents. */
export function allowedCalls(deps: ChainDeps, token: Address | null): AllowedCall[] {
  return [
    { address: deps.contracts.shareTokenFactory, abi: shareTokenFactoryAbi, functions: ["deployToken"] },
    {
      address: deps.contracts.primaryOffering,
      abi: primaryOfferingAbi,
      functions: ["createOffering", "closeOffering", "withdrawProceeds"],
    },
    ...(token ? [{ address: token, abi: artworkShareTokenAbi, functions: ["setDocument"] }] : []),
  ];
}

/** The one call a guarded step may be: the factory's `deployToken` or the offering's `createOffering`. */
export function guardedCalls(deps: ChainDeps, kind: GuardedKind): AllowedCall[] {
  return kind === "deploy"
    ? [{ address: deps.contracts.shareTokenFactory, abi: shareTokenFactoryAbi, functions: ["deployToken"] }]
    : [{ address: deps.contracts.primaryOffering, abi: primaryOfferingAbi, functions: ["createOffering"] }];
}

/** Whether a decoded guarded call is about this listing: its metadata hash (deploy) or its token (offering). */
export function isListingsCall(
  kind: GuardedKind,
  named: Record<string, unknown>,
  listing: Pick<Artwork, "metadataHash" | "tokenAddress">,
): boolean {
  return kind === "deploy"
    ? String(named.metadataHash).toLowerCase() === listing.metadataHash!.toLowerCase()
    : named.token === listing.tokenAddress;
}

/** A guarded transaction's record, when one exists, must be this listing's same step; else the hash is refused. */
export function checkSameStep(
  row: { artworkId: string; kind: ListingTxKind } | undefined,
  artworkId: string,
  kind: GuardedKind,
): void {
  if (row && (row.artworkId !== artworkId || row.kind !== kind)) throw new ListingError("tx_wrong_call");
}

/** Whether the listing's offering is recorded already. */
export const hasOffering = (db: Database, artworkId: string): Promise<boolean> =>
  anyRowWhere(db, offerings, eq(offerings.artworkId, artworkId));

/** The listing's transactions still waiting to be mined. */
export function pendingTxs(db: Database, artworkId: string) {
  return db
    .select()
    .from(listingTransactions)
    .where(and(eq(listingTransactions.artworkId, artworkId), eq(listingTransactions.status, "pending")));
}

export async function findTx(client: PublicClient, txHash: Hex, waitMs: number): Promise<Transaction | null> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const tx = await client.getTransaction({ hash: txHash }).catch(() => null);
    if (tx || Date.now() + 250 > deadline) return tx;
    await new Promise((r) => setTimeout(r, 250));
  }
}
