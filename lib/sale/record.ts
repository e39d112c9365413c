/**
 * A holder's (or anyone's) signed step of a sale after the vote opened — `vote`, `finalize`, `redeem` — and the
 * issuer's `sweepDust`, recorded once per transaction: the server reads the transaction itself (sent by the signed-in
 * wallet to the sale contract, mined, not reverted) and audits what the contract's events say happened. Plain module.
 */
import { and, eq } from "drizzle-orm";
import { type Address, type Hex, type PublicClient } from "viem";
import { writeAudit } from "@/lib/audit";
import type { Deployments } from "@/lib/chain/deployments";
import type { TxRefusal } from "@/lib/chain/verify-tx";
import type { Database } from "@/lib/db/connect";
import { anyRowWhere } from "@/lib/db/rows";
import { lockForTransaction } from "@/lib/db/locks";
import { auditLog } from "@/lib/db/schema";
import { readSaleCall, type SaleFunction } from "./sale-call";
import { getSaleByOnChainId } from "./store";

export type SaleStep = Exclude<SaleFunction, "openSale">;
export type SaleStepRefusal = "no_sale_contract" | "nothing_happened" | TxRefusal;

export type RecordedSaleStep = {
  step: SaleStep;
  onChainId: string;
  /** What the step did, from the contract's events (decimal strings). */
  detail: Record<string, string | boolean>;
  already: boolean;
};

const ROLE: Record<SaleStep, "investor" | "issuer"> = {
  vote: "investor",
  finalize: "investor",
  redeem: "investor",
  sweepDust: "issuer",
};

export async function recordSaleStep(
  db: Database,
  a: {
    client: PublicClient;
    deployments: Deployments;
    wallet: Address;
    step: SaleStep;
    txHash: Hex;
    waitMs?: number;
  },
): Promise<{ ok: true; recorded: RecordedSaleStep } | { ok: false; code: SaleStepRefusal }> {
  const read = await readSaleCall({
    ...a,
    sender: a.wallet,
    functions: [a.step],
    eventName: ["VoteCast", "SaleFinalized", "Redeemed", "DustSwept"],
  });
  if (!read.ok) return read;
  const [event] = read.events;
  if (!event) return { ok: false, code: "nothing_happened" };
  const onChainId = String(event.args.saleId);
  const detail = Object.fromEntries(
    Object.entries(event.args as Record<string, unknown>).map(([k, v]) => [
      k,
      typeof v === "boolean" ? v : typeof v === "string" ? v.toLowerCase() : String(v),
    ]),
  );
  const row = await getSaleByOnChainId(db, { saleContract: read.contract, onChainId: BigInt(onChainId) });
  const action = `sale.${a.step}`;
  const already = await db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    await lockForTransaction(t, `${action}:${a.txHash.toLowerCase()}`);
    const existing = await anyRowWhere(
      t,
      auditLog,
      and(eq(auditLog.action, action), eq(auditLog.txHash, a.txHash.toLowerCase())),
    );
    if (existing) return true;
    await writeAudit(t, {
      actor: a.wallet.toLowerCase(),
      actorRole: ROLE[a.step],
      action,
      subjectType: "sale",
      subjectId: row?.id ?? `${read.contract.toLowerCase()}:${onChainId}`,
      after: { event: event.eventName, ...detail },
      txHash: a.txHash.toLowerCase(),
    });
    return false;
  });
  return { ok: true, recorded: { step: a.step, onChainId, detail, already } };
}
