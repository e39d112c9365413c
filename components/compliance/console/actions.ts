"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth/guard";
import { settleConfirmedTx } from "@/lib/sync/settle";
import { decodeAgentTx, recordAgentTx } from "@/lib/compliance/agent";
import { getDb } from "@/lib/db";
import { getRequestIp } from "@/lib/http/request-ip";

/*
 * Compliance console server actions. A public POST endpoint like any other: zod parse → session with the
 * compliance role → the transaction must be the officer's own (sender = session wallet) → verify the receipt and
 * decode the call → audit. Nothing here signs anything: the officer's wallet already did.
 */

export type ConsoleActionCode =
  | "invalid_input"
  | "unauthenticated"
  | "forbidden"
  | "tx_not_found"
  | "tx_failed"
  | "tx_wrong_sender"
  | "tx_not_agent_call"
  | "already_recorded"
  | "unavailable";

export type ConsoleActionResult =
  | { ok: true; auditId: number }
  | { ok: false; code: ConsoleActionCode; message: string; fieldErrors?: Record<string, string[]> };

const input = z.object({
  txHash: z.string().regex(/^0x[0-9a-fA-F]{64}$/),
  reason: z.string().trim().min(5).max(500),
});

async function fail(code: ConsoleActionCode, fieldErrors?: Record<string, string[]>): Promise<ConsoleActionResult> {
  const t = await getTranslations("complianceConsole.errors");
  return { ok: false, code, message: t(code), ...(fieldErrors ? { fieldErrors } : {}) };
}

/** Records a confirmed agent transaction (token or registry) with the officer's reason in the audit log. */
export async function recordAgentActionAction(raw: { txHash: string; reason: string }): Promise<ConsoleActionResult> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) {
    const t = await getTranslations("complianceConsole.errors");
    const fe = parsed.error.flatten().fieldErrors;
    return fail("invalid_input", fe.reason ? { reason: [t("reasonLength")] } : undefined);
  }
  try {
    const ctx = await requireSession({ role: "compliance" });
    const txHash = parsed.data.txHash.toLowerCase() as `0x${string}`;
    const decoded = await decodeAgentTx({ txHash, actor: ctx.address });
    if (!decoded.ok) return fail(decoded.code);
    const db = await getDb();
    const ip = await getRequestIp();
    const result = await recordAgentTx(db, {
      tx: decoded.tx,
      txHash,
      actor: ctx.address,
      reason: parsed.data.reason,
      ip,
    });
    if (!result.ok) return fail(result.code);
    // The register the officer returns to must show this block, not the one before it.
    await settleConfirmedTx({ txHash, receipt: { status: "success", blockNumber: decoded.tx.blockNumber } });
    revalidatePath("/compliance", "layout");
    return { ok: true, auditId: result.auditId };
  } catch (error) {
    if (error instanceof AuthError) return fail(error.code === "unauthenticated" ? "unauthenticated" : "forbidden");
    console.error("[compliance] record agent action failed:", error instanceof Error ? error.message : error);
    return fail("unavailable");
  }
}
