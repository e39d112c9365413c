/**
 * The sale contract's projection (`sale_states`): each on-chain sale's terms, running tally, outcome, redemptions and
 * swept dust, rebuilt per sale from its recorded events (`chain_events`, reorg-safe and idempotent). Registered with
 * the indexer in `lib/indexer/projections.ts`. Plain module.
 */
import { and, eq, inArray } from "drizzle-orm";
import { getAbiItem } from "viem";
import { artworkSaleAbi } from "@/lib/chain/abis";
import type { Database } from "@/lib/db/connect";
import { chainEvents, saleStates } from "@/lib/db/schema";
import { defineProjection, type EventSpec, type IndexedEvent } from "@/lib/indexer/projection";
import { argIn, recordedEvents } from "@/lib/indexer/recorded";

export const SALE_EVENTS = ["SaleOpened", "VoteCast", "SaleFinalized", "Redeemed", "DustSwept"] as const;
const WITH_TOKEN = new Set<string>(["SaleOpened", "SaleFinalized", "Redeemed"]);

const saleEvent = (name: (typeof SALE_EVENTS)[number]) =>
  ({
    abi: getAbiItem({ abi: artworkSaleAbi, name }),
    from: "artworkSale",
    ...(WITH_TOKEN.has(name) ? { token: "arg" as const } : {}),
  }) satisfies EventSpec;

type Key = { saleContract: string; id: string };

function keysOf(events: readonly IndexedEvent[]): Key[] {
  const seen = new Map<string, Key>();
  for (const e of events) {
    if (!(SALE_EVENTS as readonly string[]).includes(e.eventName)) continue;
    const id = String(e.args.saleId);
    seen.set(`${e.contract}:${id}`, { saleContract: e.contract, id });
  }
  return [...seen.values()];
}

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

/** Recomputes these sales from `chain_events`; one whose SaleOpened is gone (a reorg) is deleted. */
export async function refreshSales(tx: Database, keys: readonly Key[]): Promise<void> {
  const byContract = new Map<string, string[]>();
  for (const k of keys) byContract.set(k.saleContract, [...(byContract.get(k.saleContract) ?? []), k.id]);
  for (const [saleContract, ids] of byContract) {
    const events = await recordedEvents(
      tx,
      eq(chainEvents.contract, saleContract),
      inArray(chainEvents.eventName, [...SALE_EVENTS]),
      argIn("saleId", ids),
    );
    for (const id of ids) {
      const row = saleStateFromEvents(
        saleContract,
        id,
        events.filter((e) => String(e.args.saleId) === id),
      );
      if (!row) {
        await tx.delete(saleStates).where(and(eq(saleStates.saleContract, saleContract), eq(saleStates.onChainId, id)));
        continue;
      }
      const set: Partial<typeof row> = { ...row };
      delete set.saleContract;
      delete set.onChainId;
      await tx
        .insert(saleStates)
        .values(row)
        .onConflictDoUpdate({ target: [saleStates.saleContract, saleStates.onChainId], set });
    }
  }
}

/** Sales from the sale contract's events. Version 1: as first built (event set 9). */
export const salesProjection = defineProjection({
  name: "sales",
  version: 1,
  events: SALE_EVENTS.map(saleEvent),
  apply: (tx, batch) => refreshSales(tx, keysOf(batch.kind === "rescan" ? batch.inserted : batch.events)),
  rollback: (tx, _ancestor, removed) => refreshSales(tx, keysOf(removed)),
});
