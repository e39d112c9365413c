/**
 * A portfolio's sales read in one go (PGlite, or PostgreSQL with TEST_DATABASE_URL): the latest sale of each token from
 * the indexer's projection, the investor's vote from their leaves and the recorded `VoteCast` events (a changed vote
 * counts as changed, a stranger's vote not at all), and the sale contract's `Redeemed` payments to their wallets only.
 */
import { type Address, getAddress } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainEvents, saleStates, saleWeights, sales } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { loadPortfolioSales, redeemPayout } from "./holdings";

const HKD = 1_000_000n;
const PRICE = 100_001n * HKD;
const SALE = "0x00000000000000000000000000000000000005a1";
const addr = (n: number) => `0x${n.toString(16).padStart(40, "0")}`;
const hash = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;
const [VOTING, SOLD, NOT_YET, NO_LEAF] = [addr(0xa1), addr(0xb2), addr(0xc3), addr(0xd4)];
const [W1, W2, STRANGER] = [addr(0xe1), addr(0xe2), addr(0xf9)];
const ENDS = new Date("2026-12-20T04:00:00Z");

let t: TestDatabase;
let log = 0;

/** A recorded event of the sale contract (addresses lowercase, numbers as decimal strings, as the indexer keeps them). */
const event = (eventName: string, args: Record<string, string | boolean>, token: string | null = null) => ({
  blockNumber: BigInt(100 + log),
  blockHash: hash(0xb000 + log),
  blockTime: new Date("2026-12-01T00:00:00Z"),
  txHash: hash(0x7000 + log),
  logIndex: log++,
  contract: SALE,
  eventName,
  args,
  token,
});

/** The terms the projection and the server's record share (one sale contract, one price, 1,000 shares). */
const terms = (onChainId: string, token: string) => ({
  saleContract: SALE,
  onChainId,
  token,
  buyer: addr(0x16),
  price: PRICE.toString(),
  recordBlock: 10n,
  supply: "1000",
  votingEnds: ENDS,
  quorumBps: 5_000,
  approvalBps: 5_000,
  offerHash: hash(1),
  treeHash: hash(2),
  openTxHash: hash(0x900 + Number(onChainId)),
});

const state = (onChainId: string, token: string, status: "voting" | "approved" | "rejected", openedAt: string) => ({
  ...terms(onChainId, token),
  issuer: addr(0x15),
  leafCount: 3,
  offerURI: "http://portal.test/api/sales/x/weights",
  openedAt: new Date(openedAt),
  status,
  supplyAtClose: status === "approved" ? "1000" : null,
});

/** The server's record of sale `onChainId` with a leaf for each of `wallets`. */
async function server(onChainId: string, token: string, wallets: string[]) {
  const [row] = await t.db
    .insert(sales)
    .values({
      ...terms(onChainId, token),
      chainId: 31337,
      root: hash(3),
      offerName: "offer.pdf",
      leafCount: wallets.length,
      document: "{}",
      createdBy: addr(0x15),
    })
    .returning({ id: sales.id });
  if (wallets.length > 0)
    await t.db
      .insert(saleWeights)
      .values(wallets.map((wallet, i) => ({ saleId: row!.id, leafIndex: i, wallet, weight: "100", proof: [] })));
}

const voteCast = (saleId: string, index: number, holder: string, voter: string, support: boolean) =>
  event("VoteCast", { saleId, holder, voter, index: String(index), weight: "100", support, previous: "0" });
const redeemed = (saleId: string, token: string, wallet: string, shares: bigint) =>
  event(
    "Redeemed",
    { saleId, token, wallet, shares: shares.toString(), payout: redeemPayout(PRICE, shares, 1000n).toString() },
    token,
  );

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.insert(saleStates).values([
    // An earlier, rejected sale of the same token: the latest one is the one shown.
    state("1", VOTING, "rejected", "2026-10-01T00:00:00Z"),
    state("2", VOTING, "voting", "2026-11-01T00:00:00Z"),
    state("3", SOLD, "approved", "2026-11-02T00:00:00Z"),
    state("4", NOT_YET, "voting", "2026-11-03T00:00:00Z"),
    state("5", NO_LEAF, "voting", "2026-11-04T00:00:00Z"),
  ]);
  await server("2", VOTING, [W1, STRANGER]);
  await server("3", SOLD, [W2]);
  await server("4", NOT_YET, [W2]);
  await server("5", NO_LEAF, [STRANGER]);
  await t.db.insert(chainEvents).values([
    voteCast("2", 0, W1, W1, true),
    voteCast("2", 1, STRANGER, STRANGER, true),
    // W1 changes its mind: against counts.
    voteCast("2", 0, W1, W1, false),
    // The earlier sale's vote is not this sale's.
    voteCast("1", 0, W2, W2, true),
    voteCast("5", 0, STRANGER, STRANGER, false),
    redeemed("3", SOLD, W2, 333n),
    redeemed("3", SOLD, STRANGER, 100n),
    // A `Redeemed` of some other contract is no sale's.
    { ...redeemed("3", SOLD, W1, 5n), contract: addr(0xbad) },
  ]);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe("loadPortfolioSales", () => {
  it("reads each token's latest sale with the wallets' vote and what was redeemed, in one batch", async () => {
    const { sales: read, redemptions } = await loadPortfolioSales(t.db, {
      wallets: [getAddress(W1), getAddress(W2)] as Address[],
    });
    const of = new Map(read.map((s) => [s.token.toLowerCase(), s]));
    expect(read).toHaveLength(4);
    expect(of.get(VOTING)).toMatchObject({ onChainId: "2", status: "voting", vote: "against", votingEnds: ENDS });
    expect(of.get(NOT_YET)).toMatchObject({ status: "voting", vote: "none" });
    expect(of.get(NO_LEAF)).toMatchObject({ status: "voting", vote: null });
    const payout = (PRICE * 333n) / 1000n;
    expect(payout).toBe(33_300_333_000n);
    expect(of.get(SOLD)).toMatchObject({ status: "approved", supplyAtClose: 1000n, price: PRICE, redeemed: payout });
    expect(redemptions).toEqual([
      expect.objectContaining({
        token: getAddress(SOLD),
        onChainId: "3",
        wallet: getAddress(W2),
        shares: 333n,
        payout,
      }),
    ]);
  });

  it("reads nothing for no wallets, and nothing of a stranger's", async () => {
    expect(await loadPortfolioSales(t.db, { wallets: [] })).toEqual({ sales: [], redemptions: [] });
    const other = await loadPortfolioSales(t.db, { wallets: [getAddress(addr(0x77))] });
    expect(other.redemptions).toEqual([]);
    expect(other.sales.every((s) => s.vote === null && s.redeemed === 0n)).toBe(true);
  });

  it("pays floor(price × shares ÷ supply at the close), nothing before the close", () => {
    expect(redeemPayout(PRICE, 333n, 1000n)).toBe(33_300_333_000n);
    expect(redeemPayout(10n, 1n, 3n)).toBe(3n);
    expect(redeemPayout(PRICE, 333n, null)).toBe(0n);
  });
});
