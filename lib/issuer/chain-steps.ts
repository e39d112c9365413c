import "server-only";

/**
 * The issuer console's on-chain steps, recorded from the chain's own word. Each transaction the issuer's wallet
 * sends from the console is confirmed here only after its receipt has been read and decoded (`verifyContractCall`:
 * sent by the issuer's wallet, to the expected contract, successful, the call and its arguments matching this
 * listing), and each confirmation writes its audit entry with the transaction hash, in the same database
 * transaction as the change it records.
 *
 * Never twice: a deploy or an offering is recorded as pending as soon as the wallet returns its hash; until
 * that transaction is mined, replaced or dropped, the console waits for it instead of offering the step again.
 * And what the chain shows but the database does not know yet (a tab closed before the client recorded a step,
 * a transaction sent from elsewhere) is found and recorded on the next load.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import {
  type Address,
  getAddress,
  type Hex,
  hexToString,
  parseEventLogs,
  type PublicClient,
  type Transaction,
} from "viem";
import { writeAudit } from "@/lib/audit";
import { artworkShareTokenAbi, primaryOfferingAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import type { Database } from "@/lib/db/connect";
import {
  type Artwork,
  artworkDocuments,
  artworks,
  artworkUpdates,
  type ListingTransaction,
  type ListingTxKind,
  type ListingTxStatus,
  listingTransactions,
  offerings,
} from "@/lib/db/schema";
import { chainAnchorReader } from "./anchors";
import { getOwnedListing, ListingError } from "./listings";
import { findDeployedTokenTxs, type GoOnChainProgress } from "./progress";
import {
  type AllowedCall,
  decodeCall,
  readTxState,
  type VerifiedCall,
  verifyContractCall,
} from "@/lib/chain/verify-tx";

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

const lower = (h: string) => h.toLowerCase() as Hex;
const asDb = (tx: unknown) => tx as Database;

function allowedCalls(deps: ChainDeps, token: Address | null): AllowedCall[] {
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

async function findTx(client: PublicClient, txHash: Hex, waitMs: number): Promise<Transaction | null> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const tx = await client.getTransaction({ hash: txHash }).catch(() => null);
    if (tx || Date.now() + 250 > deadline) return tx;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The issuer's wallet returned `txHash` for a deploy or an offering: record it as pending (and audit it) before
 * anything else happens, so a reload or another tab waits for this transaction instead of sending a second one.
 * When the node already knows the transaction, it must be that step's call, from this wallet, for this listing.
 */
export async function recordSentTx(
  db: Database,
  deps: ChainDeps,
  { id, issuer, kind, txHash }: { id: string; issuer: string; kind: GuardedKind; txHash: Hex },
): Promise<ListingTransaction> {
  const listing = await getOwnedListing(db, { id, issuer });
  const hash = lower(txHash);
  const [known] = await db.select().from(listingTransactions).where(eq(listingTransactions.txHash, hash)).limit(1);
  if (known) {
    if (known.artworkId !== listing.id || known.kind !== kind) throw new ListingError("tx_wrong_call");
    if (known.status !== "failed") return known;
  }
  if (kind === "deploy") {
    if (!listing.metadataHash) throw new ListingError("not_approved");
    if (listing.tokenAddress) throw new ListingError("step_done");
    if (listing.status !== "approved") throw new ListingError("not_approved");
  } else {
    if (!listing.tokenAddress) throw new ListingError("not_on_chain");
    const [offered] = await db
      .select({ id: offerings.id })
      .from(offerings)
      .where(eq(offerings.artworkId, listing.id))
      .limit(1);
    if (offered) throw new ListingError("step_done");
  }

  // The wallet's node and ours are usually the same, so the transaction is visible at once; check it if it is.
  const transaction = await findTx(deps.client, hash, deps.lookupMs ?? 5_000);
  let named: Record<string, unknown> | null = null;
  if (transaction) {
    if (getAddress(transaction.from) !== getAddress(issuer)) throw new ListingError("tx_wrong_sender");
    const decoded = decodeCall({
      transaction,
      allowed:
        kind === "deploy"
          ? [{ address: deps.contracts.shareTokenFactory, abi: shareTokenFactoryAbi, functions: ["deployToken"] }]
          : [{ address: deps.contracts.primaryOffering, abi: primaryOfferingAbi, functions: ["createOffering"] }],
    });
    if (!decoded.ok) throw new ListingError(decoded.code);
    const matches =
      kind === "deploy"
        ? String(decoded.call.named.metadataHash).toLowerCase() === listing.metadataHash!.toLowerCase()
        : decoded.call.named.token === listing.tokenAddress;
    if (!matches) throw new ListingError("tx_wrong_call");
    named = decoded.call.named;
  }

  return db.transaction(async (raw) => {
    const tx = asDb(raw);
    // The same step posted twice at once (a double click, two tabs): the listing's row lock makes the second wait for
    // the first, then it finds the first's record (the same hash: answered with it; another: a deploy is waiting).
    await getOwnedListing(tx, { id, issuer, lock: true });
    const [current] = await tx.select().from(listingTransactions).where(eq(listingTransactions.txHash, hash)).limit(1);
    if (current) {
      if (current.artworkId !== listing.id || current.kind !== kind) throw new ListingError("tx_wrong_call");
      if (current.status !== "failed") return current;
    }
    const [waiting] = await tx
      .select({ id: listingTransactions.id })
      .from(listingTransactions)
      .where(
        and(
          eq(listingTransactions.artworkId, listing.id),
          eq(listingTransactions.kind, kind),
          eq(listingTransactions.status, "pending"),
        ),
      )
      .limit(1);
    if (waiting) throw new ListingError("tx_already_pending");
    const details = kind === "deploy" ? { metadataHash: listing.metadataHash } : { token: listing.tokenAddress };
    const values = {
      artworkId: listing.id,
      kind,
      txHash: hash,
      sender: issuer.toLowerCase(),
      status: "pending" as const,
      nonce: transaction?.nonce ?? null,
      details,
    };
    // The very same transaction sent again (same nonce and fields: the same hash) after it was given up on waits again.
    const [row] = current
      ? await tx
          .update(listingTransactions)
          .set({ ...values, failure: null, settledAt: null, createdAt: new Date() })
          .where(eq(listingTransactions.id, current.id))
          .returning()
      : await tx.insert(listingTransactions).values(values).returning();
    await writeAudit(tx, {
      actor: issuer,
      actorRole: "issuer",
      action: AUDIT_ACTIONS.sent[kind],
      subjectType: "artwork",
      subjectId: listing.id,
      after: {
        ...details,
        ...(named ? { args: named } : {}),
        nonce: transaction?.nonce ?? null,
        seenByNode: !!transaction,
      },
      txHash: hash,
    });
    return row!;
  });
}

async function markFailed(db: Database, row: ListingTransaction, failure: string): Promise<boolean> {
  return db.transaction(async (raw) => {
    const tx = asDb(raw);
    const [updated] = await tx
      .update(listingTransactions)
      .set({ status: "failed", failure, settledAt: new Date() })
      .where(and(eq(listingTransactions.id, row.id), eq(listingTransactions.status, "pending")))
      .returning({ id: listingTransactions.id });
    if (!updated) return false;
    await writeAudit(tx, {
      actor: row.sender,
      actorRole: "issuer",
      action: AUDIT_ACTIONS.failed[row.kind as GuardedKind] ?? `listing.${row.kind}.failed`,
      subjectType: "artwork",
      subjectId: row.artworkId,
      after: { ...row.details, failure },
      txHash: row.txHash,
    });
    return true;
  });
}

type Step = {
  kind: ListingTxKind;
  details: Record<string, unknown>;
  /** The change the step makes to the listing, inside the recording transaction; returns extra audit fields. */
  apply?: (tx: Database) => Promise<Record<string, unknown>>;
};

/** Which of this listing's steps a verified call is, with what it records. Refuses a call about something else. */
async function describeStep(db: Database, deps: ChainDeps, listing: Artwork, call: VerifiedCall): Promise<Step> {
  const token = listing.tokenAddress ? getAddress(listing.tokenAddress) : null;
  const logs = call.receipt.logs;
  switch (call.functionName) {
    case "deployToken": {
      if (!listing.metadataHash || String(call.named.metadataHash).toLowerCase() !== listing.metadataHash.toLowerCase())
        throw new ListingError("tx_wrong_call");
      const [event] = parseEventLogs({ abi: shareTokenFactoryAbi, logs, eventName: "TokenDeployed" }).filter(
        (l) => getAddress(l.address) === getAddress(deps.contracts.shareTokenFactory),
      );
      if (!event?.args.token) throw new ListingError("tx_wrong_call");
      const deployed = event.args.token.toLowerCase();
      return {
        kind: "deploy",
        details: {
          token: deployed,
          name: call.named.name,
          symbol: call.named.symbol,
          maxSupply: call.named.maxSupply,
          rules: call.named.rules,
          metadataHash: listing.metadataHash,
        },
        apply: async (tx) => {
          const moved = await tx
            .update(artworks)
            .set({ tokenAddress: deployed, status: "deployed" })
            .where(
              and(eq(artworks.id, listing.id), eq(artworks.status, "approved"), sql`${artworks.tokenAddress} IS NULL`),
            )
            .returning({ id: artworks.id });
          // A second token for the same listing (two tabs racing) is audited, but the first one stays the listing's.
          return { recorded: moved.length > 0 || listing.tokenAddress === deployed };
        },
      };
    }
    case "setDocument": {
      const [docName, uri, documentHash] = call.args as [Hex, string, Hex];
      const name = hexToString(docName, { size: 32 });
      const [doc] = await db
        .select()
        .from(artworkDocuments)
        .where(and(eq(artworkDocuments.artworkId, listing.id), eq(artworkDocuments.name, name)))
        .limit(1);
      if (!doc || doc.sha256.toLowerCase() !== documentHash.toLowerCase()) throw new ListingError("tx_wrong_call");
      const [update] = await db
        .select({ id: artworkUpdates.id })
        .from(artworkUpdates)
        .where(
          and(
            eq(artworkUpdates.artworkId, listing.id),
            sql`${artworkUpdates.documentIds} @> jsonb_build_array(${doc.id}::text)`,
          ),
        )
        .limit(1);
      return {
        kind: update ? "update_anchor" : "anchor",
        details: {
          token: token!.toLowerCase(),
          documentId: doc.id,
          name,
          sha256: doc.sha256,
          uri,
          ...(update ? { updateId: update.id } : {}),
        },
      };
    }
    case "createOffering": {
      if (!token || call.named.token !== token.toLowerCase()) throw new ListingError("tx_wrong_call");
      const [event] = parseEventLogs({ abi: primaryOfferingAbi, logs, eventName: "OfferingCreated" }).filter(
        (l) => getAddress(l.address) === getAddress(deps.contracts.primaryOffering),
      );
      if (event?.args.id === undefined) throw new ListingError("tx_wrong_call");
      const offeringId = event.args.id.toString();
      return {
        kind: "offering",
        details: { token: token.toLowerCase(), offeringId, terms: call.named.terms },
        apply: async (tx) => {
          const inserted = await tx
            .insert(offerings)
            .values({ artworkId: listing.id, onChainId: offeringId })
            .onConflictDoNothing()
            .returning({ id: offerings.id });
          await tx
            .update(artworks)
            .set({ status: "offering" })
            .where(and(eq(artworks.id, listing.id), sql`${artworks.status} IN ('approved', 'deployed')`));
          return { recorded: inserted.length > 0 };
        },
      };
    }
    case "closeOffering":
    case "withdrawProceeds": {
      const [offeringId] = call.args as [bigint];
      if (!token) throw new ListingError("tx_wrong_call");
      const ids = await deps.client.readContract({
        address: deps.contracts.primaryOffering,
        abi: primaryOfferingAbi,
        functionName: "offeringsOf",
        args: [token],
      });
      if (!ids.includes(offeringId)) throw new ListingError("tx_wrong_call");
      if (call.functionName === "closeOffering") {
        return { kind: "close", details: { token: token.toLowerCase(), offeringId: offeringId.toString() } };
      }
      const [event] = parseEventLogs({ abi: primaryOfferingAbi, logs, eventName: "ProceedsWithdrawn" }).filter(
        (l) => getAddress(l.address) === getAddress(deps.contracts.primaryOffering),
      );
      return {
        kind: "withdraw",
        details: {
          token: token.toLowerCase(),
          offeringId: offeringId.toString(),
          amount: event?.args.amount?.toString() ?? "0",
          treasury: event?.args.treasury?.toLowerCase() ?? null,
        },
      };
    }
    default:
      throw new ListingError("tx_wrong_call");
  }
}

export type ConfirmResult = { kind: ListingTxKind; recorded: boolean; details: Record<string, unknown> };

/**
 * Confirms one of this listing's on-chain steps from its receipt (read here, never taken from the browser),
 * records what it changed and writes its audit entry with the hash, once per transaction. A reverted deploy or
 * offering that was waiting is marked failed, so the console offers the step again with the reason.
 */
export async function confirmListingTx(
  db: Database,
  deps: ChainDeps,
  { id, issuer, txHash, waitMs = 0 }: { id: string; issuer: string; txHash: Hex; waitMs?: number },
): Promise<ConfirmResult> {
  const listing = await getOwnedListing(db, { id, issuer });
  const hash = lower(txHash);
  const [known] = await db.select().from(listingTransactions).where(eq(listingTransactions.txHash, hash)).limit(1);
  if (known && known.artworkId !== listing.id) throw new ListingError("not_found");
  if (known?.status === "confirmed") return { kind: known.kind, recorded: false, details: known.details };
  const token = listing.tokenAddress ? getAddress(listing.tokenAddress) : null;
  const verified = await verifyContractCall({
    client: deps.client,
    txHash: hash,
    sender: getAddress(issuer),
    allowed: allowedCalls(deps, token),
    waitMs,
  });
  if (!verified.ok) {
    if (verified.code === "tx_failed" && known?.status === "pending") await markFailed(db, known, "reverted");
    throw new ListingError(verified.code);
  }
  const { call } = verified;
  const step = await describeStep(db, deps, listing, call);
  if (known && known.kind !== step.kind) throw new ListingError("tx_wrong_call");

  return db.transaction(async (raw) => {
    const tx = asDb(raw);
    const values = {
      artworkId: listing.id,
      kind: step.kind,
      txHash: hash,
      sender: issuer.toLowerCase(),
      status: "confirmed" as const,
      nonce: call.transaction.nonce,
      blockNumber: call.receipt.blockNumber,
      details: step.details,
      settledAt: new Date(),
    };
    // Once per transaction, even when the client and a page load confirm it at the same moment.
    const [claimed] = await tx
      .insert(listingTransactions)
      .values(values)
      .onConflictDoUpdate({
        target: listingTransactions.txHash,
        set: {
          status: "confirmed",
          failure: null,
          nonce: values.nonce,
          blockNumber: values.blockNumber,
          details: values.details,
          settledAt: values.settledAt,
        },
        setWhere: sql`${listingTransactions.status} <> 'confirmed'`,
      })
      .returning({ id: listingTransactions.id });
    if (!claimed) return { kind: step.kind, recorded: false, details: step.details };
    const applied = step.apply ? await step.apply(tx) : {};
    await writeAudit(tx, {
      actor: issuer,
      actorRole: "issuer",
      action: AUDIT_ACTIONS.confirmed[step.kind],
      subjectType: "artwork",
      subjectId: listing.id,
      after: {
        ...step.details,
        ...applied,
        function: call.functionName,
        blockNumber: call.receipt.blockNumber.toString(),
      },
      txHash: hash,
    });
    return { kind: step.kind, recorded: true, details: step.details };
  });
}

/**
 * Settles this listing's waiting deploy and offering: mined → confirmed (or failed when reverted), replaced or
 * dropped → failed with the reason, otherwise still waiting. `waitMs` waits for a receipt that far.
 * Returns true when anything changed.
 */
export async function resolvePendingTxs(
  db: Database,
  deps: ChainDeps,
  { id, issuer, waitMs = 0 }: { id: string; issuer: string; waitMs?: number },
): Promise<boolean> {
  const listing = await getOwnedListing(db, { id, issuer });
  await adoptFromMempool(db, deps, { listing, issuer });
  const pending = await db
    .select()
    .from(listingTransactions)
    .where(and(eq(listingTransactions.artworkId, listing.id), eq(listingTransactions.status, "pending")));
  let changed = false;
  for (const row of pending) {
    const state = await readTxState({
      client: deps.client,
      txHash: row.txHash as Hex,
      sender: getAddress(row.sender),
      nonce: row.nonce,
      sentAt: row.createdAt,
      now: deps.now?.() ?? Date.now(),
      dropAfterMs: deps.dropAfterMs ?? DROP_AFTER_MS,
      waitMs,
    });
    if (state.state === "mined") {
      try {
        changed = (await confirmListingTx(db, deps, { id, issuer, txHash: row.txHash as Hex })).recorded || changed;
      } catch (error) {
        if (!(error instanceof ListingError)) throw error;
        // Reverted: marked failed by the confirmation. Any other refusal: this hash cannot be this step.
        if (error.code !== "tx_failed") await markFailed(db, row, error.code);
        changed = true;
      }
    } else if (state.state === "dropped") {
      changed = (await markFailed(db, row, state.reason)) || changed;
    } else if (state.nonce !== null && row.nonce === null) {
      await db.update(listingTransactions).set({ nonce: state.nonce }).where(eq(listingTransactions.id, row.id));
    }
  }
  return changed;
}

/**
 * A deploy or an offering the wallet sent that the console never recorded (the tab closed the moment the wallet
 * returned, or the request to record it failed) is still in the node's pending block: record it as waiting, so it
 * is not sent a second time. Only while that step is still to do; nodes that do not show a pending block are skipped.
 */
async function adoptFromMempool(
  db: Database,
  deps: ChainDeps,
  { listing, issuer }: { listing: Artwork; issuer: string },
) {
  const deploy = listing.status === "approved" && !listing.tokenAddress && !!listing.metadataHash;
  let offering = false;
  if (listing.tokenAddress && (listing.status === "deployed" || listing.status === "approved")) {
    const [offered] = await db
      .select({ id: offerings.id })
      .from(offerings)
      .where(eq(offerings.artworkId, listing.id))
      .limit(1);
    offering = !offered;
  }
  if (!deploy && !offering) return;
  const waiting = await db
    .select({ kind: listingTransactions.kind })
    .from(listingTransactions)
    .where(and(eq(listingTransactions.artworkId, listing.id), eq(listingTransactions.status, "pending")));
  const kind: GuardedKind = deploy ? "deploy" : "offering";
  if (waiting.some((w) => w.kind === kind)) return;
  let block;
  try {
    block = await deps.client.getBlock({ blockTag: "pending", includeTransactions: true });
  } catch {
    return;
  }
  for (const tx of block.transactions) {
    if (typeof tx === "string" || getAddress(tx.from) !== getAddress(issuer)) continue;
    const decoded = decodeCall({
      transaction: tx,
      allowed: deploy
        ? [{ address: deps.contracts.shareTokenFactory, abi: shareTokenFactoryAbi, functions: ["deployToken"] }]
        : [{ address: deps.contracts.primaryOffering, abi: primaryOfferingAbi, functions: ["createOffering"] }],
    });
    if (!decoded.ok) continue;
    const mine = deploy
      ? String(decoded.call.named.metadataHash).toLowerCase() === listing.metadataHash!.toLowerCase()
      : decoded.call.named.token === listing.tokenAddress;
    if (!mine) continue;
    try {
      await recordSentTx(db, deps, { id: listing.id, issuer, kind, txHash: tx.hash });
    } catch (error) {
      if (!(error instanceof ListingError)) throw error;
    }
    return;
  }
}

/**
 * Records what the chain shows about this listing but the database does not know yet, each through the same
 * verified confirmation: the token (found by the factory's TokenDeployed event for this wallet and metadata
 * hash), the offering, and — for a listing that went on-chain through the console — documents anchored, the
 * offering closed and proceeds withdrawn. Nothing is read from the chain when nothing is missing.
 * Returns true when anything was recorded.
 */
export async function recordChainProgress(
  db: Database,
  deps: ChainDeps,
  { id, issuer, progress }: { id: string; issuer: string; progress: GoOnChainProgress },
): Promise<boolean> {
  let listing = await getOwnedListing(db, { id, issuer });
  let changed = false;
  const confirm = async (txHash: Hex) => {
    try {
      changed = (await confirmListingTx(db, deps, { id, issuer, txHash })).recorded || changed;
    } catch (error) {
      // Not this issuer's call for this listing (e.g. sent by another wallet with a role): the page still shows
      // the chain's truth, but nothing is recorded in the issuer's name.
      if (!(error instanceof ListingError)) throw error;
    }
  };
  const from = deps.contracts.startBlock ?? 0n;

  if (progress.token && !listing.tokenAddress && listing.metadataHash) {
    const found = await findDeployedTokenTxs({
      client: deps.client,
      contracts: deps.contracts,
      issuer: getAddress(issuer),
      metadataHash: listing.metadataHash as Hex,
    });
    const deploy = found.find((d) => d.token === progress.token) ?? found[0];
    if (deploy) await confirm(deploy.txHash);
    listing = await getOwnedListing(db, { id, issuer });
  }
  if (!listing.tokenAddress) return changed;

  if (progress.offeringId !== null) {
    const [known] = await db
      .select({ id: offerings.id })
      .from(offerings)
      .where(eq(offerings.onChainId, progress.offeringId.toString()))
      .limit(1);
    if (!known) {
      const logs = await deps.client.getContractEvents({
        address: deps.contracts.primaryOffering,
        abi: primaryOfferingAbi,
        eventName: "OfferingCreated",
        args: { id: progress.offeringId },
        fromBlock: from,
        toBlock: "latest",
      });
      for (const l of logs) await confirm(l.transactionHash);
    }
  }

  const txs = await db
    .select()
    .from(listingTransactions)
    .where(and(eq(listingTransactions.artworkId, listing.id), eq(listingTransactions.status, "confirmed")));
  if (!txs.some((t) => t.kind === "deploy")) return changed;
  const token = getAddress(listing.tokenAddress);

  const unrecordedAnchors = progress.documents.filter(
    (d) => d.anchored && !txs.some((t) => t.kind === "anchor" && t.details.documentId === d.id),
  );
  if (unrecordedAnchors.length > 0) {
    const anchors = await chainAnchorReader({ client: deps.client, fromBlock: from })(
      token,
      unrecordedAnchors.map((d) => d.name),
    );
    for (const a of anchors) if (a.txHash) await confirm(a.txHash);
  }

  const offering = progress.offering;
  if (offering && progress.offeringId !== null) {
    const offeringId = progress.offeringId;
    const mine = txs.filter((t) => t.details.offeringId === offeringId.toString());
    if (offering.closed && !mine.some((t) => t.kind === "close")) {
      const logs = await deps.client.getContractEvents({
        address: deps.contracts.primaryOffering,
        abi: primaryOfferingAbi,
        eventName: "OfferingClosed",
        args: { id: offeringId },
        fromBlock: from,
        toBlock: "latest",
      });
      for (const l of logs) await confirm(l.transactionHash);
    }
    const recorded = mine
      .filter((t) => t.kind === "withdraw")
      .reduce((sum, t) => sum + BigInt(String(t.details.amount ?? "0")), 0n);
    if (offering.withdrawn > recorded) {
      const logs = await deps.client.getContractEvents({
        address: deps.contracts.primaryOffering,
        abi: primaryOfferingAbi,
        eventName: "ProceedsWithdrawn",
        args: { id: offeringId },
        fromBlock: from,
        toBlock: "latest",
      });
      for (const l of logs)
        if (!txs.some((t) => t.txHash === l.transactionHash.toLowerCase())) await confirm(l.transactionHash);
    }
  }
  return changed;
}

export type StepTx = { status: ListingTxStatus; txHash: Hex; failure: string | null; sentAt: Date };

/** The latest deploy and offering transaction of a listing (waiting, confirmed or failed), for the console. */
export async function getStepTxs(
  db: Database,
  { artworkId }: { artworkId: string },
): Promise<Record<GuardedKind, StepTx | null>> {
  const rows = await db
    .select()
    .from(listingTransactions)
    .where(
      and(eq(listingTransactions.artworkId, artworkId), sql`${listingTransactions.kind} IN ('deploy', 'offering')`),
    )
    .orderBy(desc(listingTransactions.createdAt), desc(listingTransactions.id));
  const view = (kind: GuardedKind): StepTx | null => {
    // A confirmed step wins over a later failed attempt; otherwise the latest attempt.
    const row = rows.find((r) => r.kind === kind && r.status === "confirmed") ?? rows.find((r) => r.kind === kind);
    return row ? { status: row.status, txHash: row.txHash as Hex, failure: row.failure, sentAt: row.createdAt } : null;
  };
  return { deploy: view("deploy"), offering: view("offering") };
}

/** Confirmed transactions of a listing by kind, oldest first: the console shows each step's hash. */
export async function getConfirmedTxs(
  db: Database,
  { artworkId }: { artworkId: string },
): Promise<ListingTransaction[]> {
  return db
    .select()
    .from(listingTransactions)
    .where(and(eq(listingTransactions.artworkId, artworkId), eq(listingTransactions.status, "confirmed")))
    .orderBy(listingTransactions.createdAt);
}
