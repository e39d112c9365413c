"use server";

import { z } from "zod";
import { defineAction, refuse } from "@/lib/actions";
import { BATCH_MODES, type BatchLineError } from "@/lib/compliance/client";
import { previewBatch } from "@/lib/compliance";

/*
 * The preview of a batch freeze or unfreeze: a public POST endpoint through the action pipeline (lib/actions): zod → session with the
 * enforcement agent role (a refusal is audited by requireSession) → the token must be one of the factory's → the preview
 * from the chain. It reads only; the transaction the officer then signs is audited by recordAgentActionAction
 * (one entry for the batch, with every row).
 */

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

const input = z.object({
  token: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  mode: z.string().pipe(z.enum(BATCH_MODES)),
  list: z.string().max(20_000),
});

/** Every row of a batch freeze or unfreeze with its holder, balance, current and new freeze, or its problem. */
export const previewBatchAction = defineAction<
  "not_a_token" | "bad_lines" | "empty",
  { lineErrors: BatchLineError[] }
>()({
  name: "compliance.previewBatch",
  input,
  auth: "enforcementAgent",
  messages: "complianceBatch.errors",
  run: async (input, { db }) => {
    const result = await previewBatch(db, input);
    if (!result.ok) refuse(result.code, result.code === "bad_lines" ? { extra: { lineErrors: result.errors } } : {});
    const { blockNumber, rows } = result.preview;
    return {
      blockNumber: blockNumber.toString(),
      rows: rows.map((r): BatchPreviewRowDto => ({
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
  },
});
