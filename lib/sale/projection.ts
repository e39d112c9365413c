/**
 * The sale contract's projection (`sale_states`): each on-chain sale's terms, running tally, outcome, redemptions and
 * swept dust, rebuilt per sale from its recorded events (`chain_events`, reorg-safe and idempotent); and the holders'
 * notice of a vote's outcome. Registered with the indexer in `lib/indexer/projections.ts`. Plain module.
 */
import { type Address, getAbiItem } from "viem";
import { artworkSaleAbi } from "@/lib/chain/abis";
import type { Database } from "@/lib/db/connect";
import { saleStates } from "@/lib/db/schema";
import { definePerIdProjection } from "@/lib/indexer/per-id";
import { defineProjection, type EventSpec, type IndexedEvent } from "@/lib/indexer/projection";
import { notifyHolders } from "@/lib/notifications";
import { getSaleByOnChainId, listSaleVoters } from "./store";

export const SALE_EVENTS = ["SaleOpened", "VoteCast", "SaleFinalized", "Redeemed", "DustSwept"] as const;
const WITH_TOKEN = new Set<string>(["SaleOpened", "SaleFinalized", "Redeemed"]);

const saleEvent = (name: (typeof SALE_EVENTS)[number]) =>
  ({
    abi: getAbiItem({ abi: artworkSaleAbi, name }),
    from: "artworkSale",
    ...(WITH_TOKEN.has(name) ? { token: "arg" as const } : {}),
  }) satisfies EventSpec;

/** The `Terms` tuple as the record keeps it (JSON text with decimal strings), or as an object. */
function termsOf(value: unknown): Record<string, string> {
  const raw =
    typeof value === "string" ? (JSON.parse(value) as Record<string, unknown>) : (value as Record<string, unknown>);
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));
}

/** The state of one sale from its events, in block and log order; null without its SaleOpened. */
export function saleStateFromEvents(saleContract: string, id: string, events: readonly IndexedEvent[]) {
  const opened = events.find((e) => e.eventName === "SaleOpened");
  if (!opened) return null;
  const t = termsOf(opened.args.terms);
  let forVotes = "0";
  let againstVotes = "0";
  let voters = 0;
  let final: { approved: boolean; supplyAtClose: string; refunded: string; at: Date; tx: string } | null = null;
  let redeemedShares = 0n;
  let redeemedAmount = 0n;
  let redemptions = 0;
  let swept = 0n;
  for (const e of events) {
    const a = e.args;
    if (e.eventName === "VoteCast") {
      forVotes = String(a.forVotes);
      againstVotes = String(a.againstVotes);
      if (Number(a.previous) === 0) voters += 1;
    } else if (e.eventName === "SaleFinalized") {
      final = {
        approved: a.approved === true || a.approved === "true",
        supplyAtClose: String(a.supplyAtClose),
        refunded: String(a.refunded),
        at: e.blockTime,
        tx: e.txHash,
      };
    } else if (e.eventName === "Redeemed") {
      redeemedShares += BigInt(String(a.shares));
      redeemedAmount += BigInt(String(a.payout));
      redemptions += 1;
    } else if (e.eventName === "DustSwept") swept += BigInt(String(a.amount));
  }
  return {
    saleContract,
    onChainId: id,
    token: String(opened.args.token).toLowerCase(),
    issuer: String(opened.args.issuer).toLowerCase(),
    buyer: t.buyer!.toLowerCase(),
    price: t.price!,
    recordBlock: BigInt(t.recordBlock!),
    supply: t.supply!,
    votingEnds: new Date(Number(t.votingEnds) * 1000),
    quorumBps: Number(t.quorumBps),
    approvalBps: Number(t.approvalBps),
    leafCount: Number(t.leafCount),
    offerHash: t.offerHash!.toLowerCase(),
    treeHash: t.treeHash!.toLowerCase(),
    offerURI: String(opened.args.offerURI),
    openedAt: opened.blockTime,
    openTxHash: opened.txHash,
    forVotes,
    againstVotes,
    voters,
    status: final ? (final.approved ? "approved" : "rejected") : "voting",
    supplyAtClose: final?.approved ? final.supplyAtClose : null,
    refunded: final ? final.refunded : null,
    finalizedAt: final?.at ?? null,
    finalizeTxHash: final?.tx ?? null,
    redeemedShares: redeemedShares.toString(),
    redeemedAmount: redeemedAmount.toString(),
    redemptions,
    sweptAmount: swept.toString(),
  } satisfies typeof saleStates.$inferInsert;
}

/** The sale rows from the sale contract's events, one per on-chain sale. */
const saleRows = definePerIdProjection(
  { name: "sales", version: 1, events: SALE_EVENTS.map(saleEvent) },
  {
    eventNames: SALE_EVENTS,
    idArg: "saleId",
    table: saleStates,
    key: {
      contract: saleStates.saleContract,
      contractField: "saleContract",
      id: saleStates.onChainId,
      idField: "onChainId",
    },
    build: saleStateFromEvents,
  },
);

/**
 * A vote finalised (by anyone, through the portal or not): each wallet with a weight in it is told the outcome, once.
 * Sales the portal did not prepare have no weights here and tell no one.
 */
async function tellOutcomes(tx: Database, events: readonly IndexedEvent[]): Promise<void> {
  for (const e of events) {
    if (e.eventName !== "SaleFinalized") continue;
    const row = await getSaleByOnChainId(tx, {
      saleContract: e.contract as Address,
      onChainId: BigInt(String(e.args.saleId)),
    });
    if (!row) continue;
    const approved = e.args.approved === true || e.args.approved === "true";
    await notifyHolders(tx, {
      token: row.token,
      wallets: await listSaleVoters(tx, row.id),
      kind: "sale_decided",
      params: { outcome: approved ? "approved" : "rejected" },
      place: "trade",
      dedupeKey: `sale:${row.id}:decided`,
    });
  }
}

/**
 * Sales from the sale contract's events, one row per on-chain sale; holders are told a vote's outcome as it is mined
 * (not when history is re-read). Version 1: as first built (event set 9).
 */
export const salesProjection = defineProjection({
  ...saleRows,
  async apply(tx, batch) {
    await saleRows.apply(tx, batch);
    if (batch.kind === "live") await tellOutcomes(tx, batch.events);
  },
});
