"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth/guard";
import type { TransferLineError } from "@/lib/compliance/batch-transfer";
import {
  previewTransferList,
  previewTransferProposal,
  type TransferPreviewResult,
} from "@/lib/compliance/batch-transfer-preview";
import { getDb } from "@/lib/db";

/*
 * The preview of a batch forced transfer, before it is proposed (from the pasted list) and before a second officer
 * executes it (from the proposal's calldata on the desk). Public POST endpoints like any other: zod parse → session
 * with the compliance role (a refusal is audited by requireSession) → the preview from the chain. They read only;
 * the proposal and the execution the officers then sign are audited by recordAgentActionAction, each with every row
 * and the investors behind both wallets.
 */

export type TransferPreviewCode =
  | "invalid_input"
  | "unauthenticated"
  | "forbidden"
  | "not_a_token"
  | "no_desk"
  | "bad_lines"
  | "empty"
  | "not_pending"
  | "not_a_batch_transfer"
  | "unavailable";

type PartyDto = { name: string | null; investorId: string | null };

/** A preview row as plain JSON (bigints as decimal strings). */
export type TransferPreviewRowDto = {
  line: number;
  from: `0x${string}`;
  to: `0x${string}`;
  amount: string;
  fromParty: PartyDto;
  toParty: PartyDto;
  fromBalance: string;
  fromFrozen: boolean;
  fromFrozenAmount: string;
  fromLockedAmount: string;
  toBalance: string;
  toVerified: boolean;
  problem:
    | { kind: "rule"; code: number; together: boolean }
    | { kind: "balance"; balance: string; together: boolean }
    | { kind: "other"; error: string; together: boolean }
    | null;
};

export type TransferPreviewActionResult =
  | {
      ok: true;
      token: `0x${string}`;
      blockNumber: string;
      rows: TransferPreviewRowDto[];
      /** For a proposal: who proposed it, and its exact calldata (what the executor repeats). */
      proposer?: `0x${string}`;
      data?: `0x${string}`;
    }
  | { ok: false; code: TransferPreviewCode; message: string; lineErrors?: TransferLineError[] };

const listInput = z.object({ token: z.string().regex(/^0x[0-9a-fA-F]{40}$/), list: z.string().max(40_000) });
const proposalInput = z.object({ id: z.string().regex(/^[1-9][0-9]{0,30}$/) });

async function fail(code: TransferPreviewCode, lineErrors?: TransferLineError[]): Promise<TransferPreviewActionResult> {
  const t = await getTranslations("complianceBatchTransfer.errors");
  return { ok: false, code, message: t(code), ...(lineErrors ? { lineErrors } : {}) };
}

async function answer(
  result: TransferPreviewResult & { proposer?: `0x${string}`; data?: `0x${string}` },
): Promise<TransferPreviewActionResult> {
  if (!result.ok) return fail(result.code, result.code === "bad_lines" ? result.errors : undefined);
  const { preview } = result;
  return {
    ok: true as const,
    token: preview.token,
    blockNumber: preview.blockNumber.toString(),
    ...(result.proposer ? { proposer: result.proposer } : {}),
    ...(result.data ? { data: result.data } : {}),
    rows: preview.rows.map((r): TransferPreviewRowDto => ({
      line: r.line,
      from: r.from,
      to: r.to,
      amount: r.amount.toString(),
      fromParty: r.fromParty,
      toParty: r.toParty,
      fromBalance: r.fromBalance.toString(),
      fromFrozen: r.fromFrozen,
      fromFrozenAmount: r.fromFrozenAmount.toString(),
      fromLockedAmount: r.fromLockedAmount.toString(),
      toBalance: r.toBalance.toString(),
      toVerified: r.toVerified,
      problem:
        r.problem === null
          ? null
          : r.problem.kind === "balance"
            ? { ...r.problem, balance: r.problem.balance.toString() }
            : r.problem,
    })),
  };
}

async function guarded(run: () => Promise<TransferPreviewActionResult>): Promise<TransferPreviewActionResult> {
  try {
    await requireSession({ role: "compliance" });
    return await run();
  } catch (error) {
    if (error instanceof AuthError) return fail(error.code === "unauthenticated" ? "unauthenticated" : "forbidden");
    console.error("[compliance] batch transfer preview failed:", error instanceof Error ? error.message : error);
    return fail("unavailable");
  }
}

/** Every row of a pasted batch forced transfer with both investors, the sender's holding, and the token's verdict. */
export async function previewBatchTransferAction(raw: {
  token: string;
  list: string;
}): Promise<TransferPreviewActionResult> {
  const parsed = listInput.safeParse(raw);
  if (!parsed.success) return fail("invalid_input");
  return guarded(async () => answer(await previewTransferList(await getDb(), parsed.data)));
}

/** The rows of pending proposal `id` decoded from the desk's calldata, previewed against the chain now. */
export async function previewTransferProposalAction(raw: { id: string }): Promise<TransferPreviewActionResult> {
  const parsed = proposalInput.safeParse(raw);
  if (!parsed.success) return fail("invalid_input");
  return guarded(async () => answer(await previewTransferProposal(await getDb(), { id: BigInt(parsed.data.id) })));
}
