/**
 * Batch forced transfer: the list an officer pastes (one `from,to,amount` line per row), the one token call that
 * carries every row (proposed on the enforcement desk, executed by a second officer), the rows read back from a
 * proposal's calldata, and each row's outcome in words-ready form. Pure and isomorphic, like batch-list.ts: the
 * browser parses as the officer types, the server parses the same text again before it previews from the chain.
 *
 * A line is refused with its number, never rewritten: amounts go through the shared amount parser, and the
 * separators are those of the batch freeze list (comma, semicolon, tab or space).
 *
 * The token call's calldata (encoded and read back) is in batch-transfer-calldata.ts, with the token's ABI: the
 * browser's list check does not load them.
 */
import type { Address } from "viem";
import type { AmountError } from "@/lib/format/amount";
import { listAmount, listLines, listWallet } from "./batch-list";

export type TransferRow = { line: number; from: Address; to: Address; amount: bigint };

export type TransferLineError =
  | { line: number; code: "from" }
  | { line: number; code: "to" }
  | { line: number; code: "sameWallet" }
  | { line: number; code: "missingAmount" }
  | { line: number; code: "amount"; error: AmountError }
  | { line: number; code: "duplicate"; firstLine: number }
  | { line: number; code: "tooMany"; max: number };

export type TransferListResult = { rows: TransferRow[]; errors: TransferLineError[] };

/** Sender, receiver, then the rest as the amount (which may itself hold grouping commas: "1,000"). */
const SPLIT = /^([^,;\s]*)(?:[,;\s]\s*([^,;\s]*))?(?:[,;\s]\s*(.*))?$/;

const wallet = listWallet;

/**
 * Parses a pasted list: one row per line, `from,to,amount`. Empty lines and lines starting with `#` are skipped.
 * The same sender and receiver twice is refused (one row per pair keeps the preview and the audit readable).
 */
export function parseTransferList(text: string): TransferListResult {
  const rows: TransferRow[] = [];
  const errors: TransferLineError[] = [];
  const seen = new Map<string, number>();
  const { lines, tooMany } = listLines(text);
  for (const { line, raw } of lines) {
    const m = SPLIT.exec(raw);
    const from = wallet(m?.[1] ?? "");
    if (!from) {
      errors.push({ line, code: "from" });
      continue;
    }
    const to = wallet(m?.[2] ?? "");
    if (!to) {
      errors.push({ line, code: "to" });
      continue;
    }
    if (from === to) {
      errors.push({ line, code: "sameWallet" });
      continue;
    }
    const amountText = (m?.[3] ?? "").trim();
    const parsed = listAmount(line, amountText);
    if (!parsed.ok) {
      errors.push(parsed.error);
      continue;
    }
    const key = `${from}>${to}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line, code: "duplicate", firstLine: first });
      continue;
    }
    seen.set(key, line);
    rows.push({ line, from, to, amount: parsed.value });
  }
  if (tooMany) errors.push(tooMany);
  return { rows, errors };
}

/** The rows as list text again (what the preview of a proposal and "leave out" send back to the server). */
export const transferListText = (rows: readonly { from: string; to: string; amount: bigint | string }[]): string =>
  rows.map((r) => `${r.from},${r.to},${r.amount.toString()}`).join("\n");

/** Why a row would make the token refuse the batch (the contract then reverts every row). */
export type TransferProblem =
  /** The token's own reason code (IArtworkShareToken TRANSFER_*), from its receiver rules. */
  | { kind: "rule"; code: number; together: boolean }
  /** The sender holds fewer shares than the rows take from it. */
  | { kind: "balance"; balance: bigint; together: boolean }
  /** Any other refusal, by the token's error name. */
  | { kind: "other"; error: string; together: boolean };

/**
 * The shares each sender would have left after the rows before and including each row (the contract moves the rows
 * in order, so two rows from one sender draw on one balance): a row whose sender runs out is marked.
 */
export function senderShortfalls(
  rows: readonly TransferRow[],
  balances: ReadonlyMap<string, bigint>,
): Map<number, { balance: bigint }> {
  const left = new Map<string, bigint>();
  const out = new Map<number, { balance: bigint }>();
  for (const r of rows) {
    const key = r.from.toLowerCase();
    const have = left.get(key) ?? balances.get(key) ?? 0n;
    if (r.amount > have) out.set(r.line, { balance: balances.get(key) ?? 0n });
    left.set(key, have - r.amount);
    const to = r.to.toLowerCase();
    left.set(to, (left.get(to) ?? balances.get(to) ?? 0n) + r.amount);
  }
  return out;
}
