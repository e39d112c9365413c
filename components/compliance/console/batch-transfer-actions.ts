"use server";

import { z } from "zod";
import { defineAction, refuse } from "@/lib/actions";
import type { TransferLineError } from "@/lib/compliance/client";
import { previewTransferList, previewTransferProposal, type TransferPreviewResult } from "@/lib/compliance";

/*
 * The preview of a batch forced transfer, before it is proposed (from the pasted list) and before a second officer
 * executes it (from the proposal's calldata on the desk). Public POST endpoints through the action pipeline (lib/actions): zod →
 * session with the compliance role (a refusal is audited by requireSession) → the preview from the chain. They read only;
 * the proposal and the execution the officers then sign are audited by recordAgentActionAction, each with every row
 * and the investors behind both wallets.
 */

type TransferPreviewCode = "not_a_token" | "no_desk" | "bad_lines" | "empty" | "not_pending" | "not_a_batch_transfer";

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

/** The preview as plain JSON, or its refusal (a refused list carries its numbered line errors). */
function answer(result: TransferPreviewResult & { proposer?: `0x${string}`; data?: `0x${string}` }) {
  if (!result.ok) refuse(result.code, result.code === "bad_lines" ? { extra: { lineErrors: result.errors } } : {});
  const { preview } = result;
  return {
    token: preview.token,
    blockNumber: preview.blockNumber.toString(),
    /** For a proposal: who proposed it, and its exact calldata (what the executor repeats). */
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

const define = defineAction<TransferPreviewCode, { lineErrors: TransferLineError[] }>();

/** Every row of a pasted batch forced transfer with both investors, the sender's holding, and the token's verdict. */
export const previewBatchTransferAction = define({
  name: "compliance.previewBatchTransfer",
  input: z.object({ token: z.string().regex(/^0x[0-9a-fA-F]{40}$/), list: z.string().max(40_000) }),
  auth: "compliance",
  messages: "complianceBatchTransfer.errors",
  run: async (input, { db }) => answer(await previewTransferList(db, input)),
});

/** The rows of pending proposal `id` decoded from the desk's calldata, previewed against the chain now. */
export const previewTransferProposalAction = define({
  name: "compliance.previewTransferProposal",
  input: z.object({ id: z.string().regex(/^[1-9][0-9]{0,30}$/) }),
  auth: "compliance",
  messages: "complianceBatchTransfer.errors",
  run: async ({ id }, { db }) => answer(await previewTransferProposal(db, { id: BigInt(id) })),
});
