/**
 * The enforcement desk's history of one share token, from the indexer's record of the desk's events: each two-agent
 * forced transfer, recovery or burn proposed (by whom, what exactly), executed (by which second agent) or cancelled.
 * Shown on the token's compliance register beside the role history; the audit log has the officers' reasons.
 *
 * Plain module (no `server-only`): the db tests import it.
 */
import { eq } from "drizzle-orm";
import { decodeFunctionData, getAddress, type Hex } from "viem";
import { artworkShareTokenAbi } from "@/lib/chain/abis";
import type { Database } from "@/lib/db/connect";
import { type ChainEvent, chainEvents } from "@/lib/db/schema";
import { argIn, recordedEvents } from "@/lib/indexer/recorded";
import { DESK_EVENTS } from "./indexed-events";
import { type EventPlace, placeOf, tokenHistory } from "./token-events";

export type DeskChange = "proposed" | "executed" | "cancelled";

export type DeskHistoryRow = EventPlace & {
  /** The desk's proposal id. */
  proposalId: string;
  change: DeskChange;
  /** The token function proposed (forcedTransfer, recoverWallet, burn or a batch form); null when unknown. */
  action: string | null;
  /** The proposal's arguments by name (addresses checksummed, amounts as decimal strings). */
  args: Record<string, string | string[]>;
  /** Who proposed it. */
  proposer: string | null;
  /** Who did this step: the proposer, the executing second agent, or the cancelling agent. */
  by: string;
};

const plain = (v: unknown): string | string[] =>
  Array.isArray(v)
    ? v.map((x) => String(plain(x)))
    : typeof v === "string" && /^0x[0-9a-fA-F]{40}$/.test(v)
      ? getAddress(v)
      : String(v);

/** Decodes a proposal's calldata into its function and named arguments (null when it is not a token call). */
export function decodeDeskCall(data: string): { action: string; args: Record<string, string | string[]> } | null {
  try {
    const call = decodeFunctionData({ abi: artworkShareTokenAbi, data: data as Hex }) as {
      functionName: string;
      args?: readonly unknown[];
    };
    const item = artworkShareTokenAbi.find((x) => x.type === "function" && x.name === call.functionName) as
      { inputs: readonly { name: string }[] } | undefined;
    const args: Record<string, string | string[]> = {};
    (call.args ?? []).forEach((v, k) => {
      args[item?.inputs[k]?.name || `arg${k}`] = plain(v);
    });
    return { action: call.functionName, args };
  } catch {
    return null;
  }
}

/** The desk's proposals, executions and cancellations on `token`, newest first, and how many there are in all. */
export const listDeskHistory = (db: Database, token: string, options: { limit?: number } = {}) =>
  tokenHistory(db, token, DESK_EVENTS, options, (events) => deskRowsOf(db, token, events));

async function deskRowsOf(db: Database, token: string, events: ChainEvent[]): Promise<DeskHistoryRow[]> {
  // An execution or cancellation names only the proposal: its action and arguments come from the proposal's event.
  const ids = [...new Set(events.map((e) => String((e.args as Record<string, unknown>).id)))];
  const proposed =
    ids.length === 0
      ? []
      : await recordedEvents(
          db,
          eq(chainEvents.token, token.toLowerCase()),
          eq(chainEvents.eventName, "EnforcementProposed"),
          argIn("id", ids),
        );
  const byId = new Map(
    proposed.map((p) => {
      const a = p.args as Record<string, string>;
      return [String(a.id), { proposer: String(a.proposer).toLowerCase(), call: decodeDeskCall(String(a.data)) }];
    }),
  );
  return events.map((e): DeskHistoryRow => {
    const a = e.args as Record<string, string>;
    const id = String(a.id);
    const p = byId.get(id);
    const change: DeskChange =
      e.eventName === "EnforcementProposed"
        ? "proposed"
        : e.eventName === "EnforcementExecuted"
          ? "executed"
          : "cancelled";
    const by = String(change === "proposed" ? a.proposer : change === "executed" ? a.executor : a.by).toLowerCase();
    return {
      ...placeOf(e),
      proposalId: id,
      change,
      action: p?.call?.action ?? null,
      args: p?.call?.args ?? {},
      proposer: p?.proposer ?? (a.proposer ? String(a.proposer).toLowerCase() : null),
      by,
    };
  });
}
