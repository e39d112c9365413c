"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth/guard";
import type { BatchLineError } from "@/lib/compliance/batch-list";
import { BATCH_MODES } from "@/lib/compliance/batch-list";
import { previewBatch } from "@/lib/compliance/batch";
import { getDb } from "@/lib/db";

/*
 * The preview of a batch freeze or unfreeze: a public POST endpoint like any other, so zod parse → session with the
 * compliance role (a refusal is audited by requireSession) → the token must be one of the factory's → the preview
 * from the chain. It reads only; the transaction the officer then signs is audited by recordAgentActionAction
 * (one entry for the batch, with every row).
 */

export type BatchPreviewCode =
  "invalid_input" | "unauthenticated" | "forbidden" | "not_a_token" | "bad_lines" | "empty" | "unavailable";

/** A preview row as plain JSON (bigints as decimal strings). */
export type BatchPreviewRowDto = {
  line: number;
  wallet: `0x${string}`;
  name: string | null;
  balance: string;
  frozen: boolean;
  frozenAmount: string;
  amount: string | null;
  newFrozen: boolean;
  newFrozenAmount: string;
  problem: "alreadyFrozen" | "notFrozen" | "exceedsFree" | "exceedsFrozen" | null;
};

export type BatchPreviewActionResult =
  | { ok: true; blockNumber: string; rows: BatchPreviewRowDto[] }
  | { ok: false; code: BatchPreviewCode; message: string; lineErrors?: BatchLineError[] };

const input = z.object({
  token: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  mode: z.enum(BATCH_MODES),
  list: z.string().max(20_000),
});

async function fail(code: BatchPreviewCode, lineErrors?: BatchLineError[]): Promise<BatchPreviewActionResult> {
  const t = await getTranslations("complianceBatch.errors");
  return { ok: false, code, message: t(code), ...(lineErrors ? { lineErrors } : {}) };
}

/** Every row of a batch freeze or unfreeze with its holder, balance, current and new freeze, or its problem. */
export async function previewBatchAction(raw: {
  token: string;
  mode: string;
  list: string;
}): Promise<BatchPreviewActionResult> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return fail("invalid_input");
  try {
    await requireSession({ role: "enforcementAgent" });
    const result = await previewBatch(await getDb(), parsed.data);
    if (!result.ok) return fail(result.code, result.code === "bad_lines" ? result.errors : undefined);
    return {
      ok: true,
      blockNumber: result.preview.blockNumber.toString(),
      rows: result.preview.rows.map((r) => ({
        line: r.line,
        wallet: r.wallet,
        name: r.name,
        balance: r.balance.toString(),
        frozen: r.frozen,
        frozenAmount: r.frozenAmount.toString(),
        amount: r.amount === null ? null : r.amount.toString(),
        newFrozen: r.newFrozen,
        newFrozenAmount: r.newFrozenAmount.toString(),
        problem: r.problem,
      })),
    };
  } catch (error) {
    if (error instanceof AuthError) return fail(error.code === "unauthenticated" ? "unauthenticated" : "forbidden");
    console.error("[compliance] batch preview failed:", error instanceof Error ? error.message : error);
    return fail("unavailable");
  }
}
