/**
 * Batch freeze and unfreeze from the holder register: the modes, the list an officer pastes (one `address,amount`
 * line per holder), and the one token call that carries every row. Pure and isomorphic: the browser parses as the
 * officer types, the server parses the same text again before it computes the preview from the chain.
 *
 * A line is refused in words with its number, never rewritten: amounts go through the shared amount parser
 * (lib/format/amount.ts), so "1,000" is one thousand and "2.5", "-3" or "1,00" are refused as on every other field.
 */
import { type Address, getAddress, isAddress } from "viem";
import { type AmountError, parseShareAmount } from "@/lib/format/amount";

/** Whole-wallet freeze / unfreeze, or a number of shares frozen / released per wallet. */
export const BATCH_MODES = ["freeze", "unfreeze", "freezeShares", "unfreezeShares"] as const;
export type BatchMode = (typeof BATCH_MODES)[number];

/** Whether the mode takes a number of shares per wallet. */
export const modeTakesAmount = (mode: BatchMode): boolean => mode === "freezeShares" || mode === "unfreezeShares";

/** Most rows in one transaction (kept well inside a block's gas; a longer list is split by the officer). */
export const MAX_BATCH_ROWS = 100;

export type BatchRow = { line: number; wallet: Address; amount: bigint | null };

export type BatchLineError =
  | { line: number; code: "address" }
  | { line: number; code: "amount"; error: AmountError }
  | { line: number; code: "missingAmount" }
  | { line: number; code: "amountNotTaken" }
  | { line: number; code: "duplicate"; firstLine: number }
  | { line: number; code: "tooMany"; max: number };

export type BatchListResult = { rows: BatchRow[]; errors: BatchLineError[] };

/**
 * The lines of a pasted list to read, numbered from 1 and NFKC-normalised: empty lines and lines starting with `#`
 * are skipped; the first line past MAX_BATCH_ROWS ends the list and is refused as `tooMany` (after the rows before it).
 */
export function listLines(text: string): {
  lines: { line: number; raw: string }[];
  tooMany: { line: number; code: "tooMany"; max: number } | null;
} {
  const all = text.split(/\r\n|\n|\r/);
  const lines: { line: number; raw: string }[] = [];
  for (let i = 0; i < all.length; i++) {
    const line = i + 1;
    const raw = (all[i] ?? "").normalize("NFKC").trim();
    if (raw === "" || raw.startsWith("#")) continue;
    if (lines.length === MAX_BATCH_ROWS) return { lines, tooMany: { line, code: "tooMany", max: MAX_BATCH_ROWS } };
    lines.push({ line, raw });
  }
  return { lines, tooMany: null };
}

/** A pasted wallet: 0x and 40 hex digits, any case, returned checksummed; null when it is not one. */
export const listWallet = (text: string): Address | null =>
  /^0x[0-9a-fA-F]{40}$/.test(text) && isAddress(text, { strict: false }) ? getAddress(text.toLowerCase()) : null;

type AmountLineError = { line: number; code: "missingAmount" } | { line: number; code: "amount"; error: AmountError };

/** A line's amount through the shared amount parser, or the line's error (`missingAmount` when it is empty). */
export function listAmount(
  line: number,
  text: string,
): { ok: true; value: bigint } | { ok: false; error: AmountLineError } {
  if (text === "") return { ok: false, error: { line, code: "missingAmount" } };
  const parsed = parseShareAmount(text);
  return parsed.ok
    ? { ok: true, value: parsed.value }
    : { ok: false, error: { line, code: "amount", error: parsed.error } };
}

/** The address is everything before the first comma, semicolon, tab or space; the amount is the rest. */
const SPLIT = /^([^,;\s]*)(?:[,;\s]\s*(.*))?$/;

/**
 * Parses a pasted list: one holder per line, `address` or `address,amount` (comma, semicolon, tab or space between
 * them). Empty lines and lines starting with `#` are skipped. Every refused line is reported with its number; the
 * valid rows are returned in order.
 */
export function parseBatchList(text: string, mode: BatchMode): BatchListResult {
  const rows: BatchRow[] = [];
  const errors: BatchLineError[] = [];
  const seen = new Map<string, number>();
  const amounts = modeTakesAmount(mode);
  const { lines, tooMany } = listLines(text);
  for (const { line, raw } of lines) {
    const m = SPLIT.exec(raw);
    const addressText = m?.[1] ?? "";
    const amountText = (m?.[2] ?? "").trim();
    const wallet = listWallet(addressText);
    if (!wallet) {
      errors.push({ line, code: "address" });
      continue;
    }
    let amount: bigint | null = null;
    if (amounts) {
      const parsed = listAmount(line, amountText);
      if (!parsed.ok) {
        errors.push(parsed.error);
        continue;
      }
      amount = parsed.value;
    } else if (amountText !== "") {
      errors.push({ line, code: "amountNotTaken" });
      continue;
    }
    const first = seen.get(wallet);
    if (first !== undefined) {
      errors.push({ line, code: "duplicate", firstLine: first });
      continue;
    }
    seen.set(wallet, line);
    rows.push({ line, wallet, amount });
  }
  if (tooMany) errors.push(tooMany);
  return { rows, errors };
}

/** The token's batch function and arguments for these rows (one transaction for the whole list). */
export function batchCall(
  mode: BatchMode,
  rows: readonly { wallet: Address; amount: bigint | null }[],
):
  | { functionName: "batchSetWalletFrozen"; args: readonly [Address[], boolean[]] }
  | { functionName: "batchFreezePartialShares" | "batchUnfreezePartialShares"; args: readonly [Address[], bigint[]] } {
  const wallets = rows.map((r) => r.wallet);
  if (mode === "freeze" || mode === "unfreeze")
    return { functionName: "batchSetWalletFrozen", args: [wallets, rows.map(() => mode === "freeze")] };
  return {
    functionName: mode === "freezeShares" ? "batchFreezePartialShares" : "batchUnfreezePartialShares",
    args: [wallets, rows.map((r) => r.amount ?? 0n)],
  };
}

/** What the chain holds for one wallet, as far as freezing goes. */
export type WalletFreezeState = { balance: bigint; frozen: boolean; frozenAmount: bigint };

/** Why a row cannot go into the transaction as it stands. */
export type BatchProblem = "alreadyFrozen" | "notFrozen" | "exceedsFree" | "exceedsFrozen";

export type BatchPreviewRow = {
  line: number;
  wallet: Address;
  balance: bigint;
  frozen: boolean;
  frozenAmount: bigint;
  amount: bigint | null;
  /** The whole-wallet freeze after the transaction. */
  newFrozen: boolean;
  /** The frozen shares after the transaction. */
  newFrozenAmount: bigint;
  problem: BatchProblem | null;
};

/**
 * Every row's outcome against the chain state read for it: the new freeze, or the reason the row would fail (a
 * partial freeze beyond the shares not yet frozen, a release beyond the frozen shares — the contract would revert
 * the whole batch) or change nothing (freezing a frozen wallet, unfreezing one that is not frozen).
 */
export function computeBatchPreview(
  mode: BatchMode,
  rows: readonly BatchRow[],
  states: ReadonlyMap<string, WalletFreezeState>,
): BatchPreviewRow[] {
  return rows.map((r) => {
    const s = states.get(r.wallet.toLowerCase()) ?? { balance: 0n, frozen: false, frozenAmount: 0n };
    const amount = r.amount ?? 0n;
    let problem: BatchProblem | null = null;
    let newFrozen = s.frozen;
    let newFrozenAmount = s.frozenAmount;
    if (mode === "freeze") {
      if (s.frozen) problem = "alreadyFrozen";
      newFrozen = true;
    } else if (mode === "unfreeze") {
      if (!s.frozen) problem = "notFrozen";
      newFrozen = false;
    } else if (mode === "freezeShares") {
      if (amount > s.balance - s.frozenAmount) problem = "exceedsFree";
      else newFrozenAmount = s.frozenAmount + amount;
    } else if (amount > s.frozenAmount) problem = "exceedsFrozen";
    else newFrozenAmount = s.frozenAmount - amount;
    return { ...r, ...s, newFrozen, newFrozenAmount, problem };
  });
}
