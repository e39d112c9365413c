import { getAddress, type Address } from "viem";
import { describe, expect, it } from "vitest";
import { buildStatementCsv } from "./csv";
import { distributionEntries, withSalePayouts } from "./history";
import type { HistoryEntry } from "./types";

const addr = (n: number) => getAddress(`0x${n.toString(16).padStart(40, "0")}`) as Address;
const [me, lost, token, distributor] = [addr(0xa1), addr(0xb2), addr(0x7a), addr(0xd15)];
const hash = `0x${"12".repeat(32)}` as const;

describe("distribution payments in the history", () => {
  const payments = [
    {
      onChainId: 1n,
      holder: me,
      payee: me,
      amount: 6_000_000_000n,
      transactionHash: hash,
      blockNumber: 50n,
      logIndex: 2,
    },
    {
      onChainId: 9n,
      holder: lost,
      payee: me,
      amount: 1_500_000n,
      transactionHash: hash,
      blockNumber: 51n,
      logIndex: 0,
    },
  ];
  const rows = distributionEntries(payments, new Map([["1", { token, kind: "income" as const }]]), distributor);

  it("are HKD received with no shares and nothing for the cost basis", () => {
    expect(rows[0]).toMatchObject({
      token,
      ledger: null,
      entry: { kind: "distributionReceived", wallet: me, shares: 0n, amount: 6_000_000_000n, counterparty: null },
    });
    expect(rows[0]!.entry.distributionKind).toBe("income");
  });

  it("name the wallet that held when a recovered wallet's claim was paid, and the distributor when unknown", () => {
    expect(rows[1]!.entry.counterparty).toBe(lost);
    expect(rows[1]!.token).toBe(distributor);
    expect(rows[1]!.entry.distributionKind).toBeNull();
  });

  it("appear in the CSV statement as distributionReceived with their HKD amount", () => {
    const csv = buildStatementCsv({
      generatedAt: new Date("2026-12-06T00:00:00Z"),
      wallets: [me],
      decimals: 6,
      hkdBalance: 0n,
      holdings: [],
      transactions: rows.slice(0, 1).map((r) => ({
        at: new Date("2026-12-05T00:00:00Z"),
        kind: r.entry.kind,
        title: "Still Life with Lychees",
        token: r.token,
        wallet: r.entry.wallet,
        shares: r.entry.shares,
        amount: r.entry.amount,
        counterparty: r.entry.counterparty,
        txHash: r.entry.txHash,
      })),
    });
    const line = csv.split("\r\n").find((l) => l.startsWith("transaction,"))!;
    expect(line.split(",")).toEqual([
      "transaction",
      "2026-12-05T00:00:00.000Z",
      "distributionReceived",
      "Still Life with Lychees",
      token,
      me,
      "0",
      "",
      "",
      "6000.00",
      "",
      "",
      "",
      "",
      "",
      "",
      hash,
    ]);
  });
});

describe("sale redemptions in the history", () => {
  const other = `0x${"34".repeat(32)}` as const;
  const row = (kind: HistoryEntry["kind"], txHash: `0x${string}`, wallet: Address): HistoryEntry => ({
    kind,
    at: new Date("2026-12-01T00:00:00Z"),
    slug: "art",
    title: "Art",
    titleZh: null,
    token,
    wallet,
    shares: 333n,
    amount: null,
    counterparty: null,
    order: null,
    txHash,
    blockNumber: 60n,
    logIndex: 1,
  });

  it("the burn of a redeem transaction carries the payout; other rows and other wallets' burns do not", () => {
    const history = [row("redemption", hash, me), row("redemption", other, me), row("transferOut", hash, me)];
    const paid = withSalePayouts(history, [
      { txHash: hash.toUpperCase().replace("0X", "0x"), wallet: me, payout: 33_300_333_000n },
      { txHash: other, wallet: lost, payout: 1n },
    ]);
    expect(paid.map((h) => h.amount)).toEqual([33_300_333_000n, null, null]);
    expect(history[0]!.amount).toBeNull();
  });
});
