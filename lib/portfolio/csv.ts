/**
 * The CSV statement: one table, one row per holding then one per transaction, HKD with two decimals.
 * Pure (formatting only); the route handler loads the caller's own portfolio and writes the audit entry.
 */
import { csvField } from "@/lib/format/csv";
import { toHkdString } from "./math";

export type StatementHolding = {
  title: string;
  token: string;
  balance: bigint;
  share: number;
  price: bigint;
  value: bigint;
  costBasis: bigint;
  gain: bigint;
  lockedShares: bigint;
  lockedUntil: Date | null;
};

export type StatementTransaction = {
  at: Date;
  kind: string;
  title: string;
  token: string;
  wallet: string;
  shares: bigint;
  amount: bigint | null;
  /** A market order's limit price per share (order rows); else the price is the amount per share. */
  price?: bigint | null;
  counterparty: string | null;
  txHash: string;
};

export const STATEMENT_COLUMNS = [
  "section",
  "date",
  "type",
  "artwork",
  "token",
  "wallet",
  "shares",
  "share_of_artwork_pct",
  "price_hkd",
  "amount_hkd",
  "value_hkd",
  "cost_basis_hkd",
  "gain_loss_hkd",
  "locked_shares",
  "locked_until",
  "counterparty",
  "tx_hash",
] as const;

const num = (v: string) => v; // numbers are never quoted or prefixed

export function buildStatementCsv({
  generatedAt,
  wallets,
  decimals,
  hkdBalance,
  holdings,
  transactions,
}: {
  generatedAt: Date;
  wallets: readonly string[];
  decimals: number;
  hkdBalance: bigint;
  holdings: readonly StatementHolding[];
  transactions: readonly StatementTransaction[];
}): string {
  const hkd = (v: bigint) => toHkdString(v, decimals);
  const empty = (n: number) => Array<string>(n).fill("");
  const rows: string[][] = [[...STATEMENT_COLUMNS]];
  const date = (d: Date) => d.toISOString();
  rows.push([
    "cash",
    date(generatedAt),
    "hkd_balance",
    "",
    "",
    csvField(wallets.join(" ")),
    "",
    "",
    "",
    "",
    num(hkd(hkdBalance)),
    ...empty(6),
  ]);
  for (const h of holdings) {
    rows.push([
      "holding",
      date(generatedAt),
      "position",
      csvField(h.title),
      csvField(h.token),
      "",
      h.balance.toString(),
      (h.share * 100).toFixed(4),
      num(hkd(h.price)),
      "",
      num(hkd(h.value)),
      num(hkd(h.costBasis)),
      num(hkd(h.gain)),
      h.lockedShares > 0n ? h.lockedShares.toString() : "",
      h.lockedUntil ? date(h.lockedUntil) : "",
      "",
      "",
    ]);
  }
  for (const t of transactions) {
    rows.push([
      "transaction",
      date(t.at),
      // A redemption a sale paid for: the proceeds received for the shares burned (a bare burn stays "redemption").
      csvField(t.kind === "redemption" && t.amount !== null ? "saleRedemption" : t.kind),
      csvField(t.title),
      csvField(t.token),
      csvField(t.wallet),
      t.shares.toString(),
      "",
      t.price != null ? num(hkd(t.price)) : t.amount !== null && t.shares > 0n ? num(hkd(t.amount / t.shares)) : "",
      t.amount !== null ? num(hkd(t.amount)) : "",
      "",
      "",
      "",
      "",
      "",
      csvField(t.counterparty ?? ""),
      csvField(t.txHash),
    ]);
  }
  return rows.map((r) => r.join(",")).join("\r\n") + "\r\n";
}
