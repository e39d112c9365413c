/**
 * Alerts for one investor, from their view: the 30-day KYC window is inclusive, an expired KYC while holding is
 * one alert for the investor listing every holding (with its artwork), an unverified holding wallet and a frozen wallet with open orders are flagged.
 */
import type { Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { marketOrders } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { getInvestorAlerts } from "./alerts";
import type { getInvestorView } from "./investor";

type View = NonNullable<Awaited<ReturnType<typeof getInvestorView>>>;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

const now = new Date("2027-01-01T00:00:00Z");
const DAY = 86_400_000;
const token = {
  token: "0x00000000000000000000000000000000000000aa" as Address,
  name: "T",
  symbol: "TKN",
  title: "Quiet Mountains",
  slug: "quiet-mountains",
  totalSupply: 100n,
  holderCount: 1,
  holderWalletCount: 1,
  maxHolders: 0,
  paused: false,
};
const other = { ...token, token: "0x00000000000000000000000000000000000000cc" as Address, title: "Harbour at Dusk" };
const w1 = "0x00000000000000000000000000000000000000b1" as Address;
const w2 = "0x00000000000000000000000000000000000000b2" as Address;

function view({
  expiresInMs,
  status = "approved",
  verified = [true, true],
  frozen = false,
}: {
  expiresInMs: number;
  status?: string;
  verified?: [boolean, boolean];
  frozen?: boolean;
}): View {
  return {
    investor: {
      id: "inv-1",
      legalName: "Test Investor",
      kycStatus: status,
      kycExpiresAt: new Date(now.getTime() + expiresInMs),
    },
    wallets: [
      { address: w1, isPrimary: true, verified: verified[0] },
      { address: w2, isPrimary: false, verified: verified[1] },
    ],
    holdings: [
      { token, wallet: w1, shares: 10n, frozen, frozenAmount: 0n, lockedAmount: 0n, lockedUntil: 0 },
      { token, wallet: w2, shares: 5n, frozen: false, frozenAmount: 0n, lockedAmount: 0n, lockedUntil: 0 },
      { token: other, wallet: w1, shares: 2n, frozen: false, frozenAmount: 0n, lockedAmount: 0n, lockedUntil: 0 },
    ],
    movements: [],
    record: null,
  } as unknown as View;
}

describe("investor alerts", () => {
  it("warns from 30 days before expiry, inclusive", async () => {
    expect((await getInvestorAlerts(t.db, { view: view({ expiresInMs: 31 * DAY }), now })).map((a) => a.kind)).toEqual(
      [],
    );
    expect((await getInvestorAlerts(t.db, { view: view({ expiresInMs: 30 * DAY }), now })).map((a) => a.kind)).toEqual([
      "kyc_expiring",
    ]);
  });

  it("flags an expired KYC once per investor, naming every holding's artwork, and not also as unverified", async () => {
    const alerts = await getInvestorAlerts(t.db, { view: view({ expiresInMs: -DAY, verified: [false, false] }), now });
    expect(alerts).toEqual([
      {
        kind: "kyc_expired",
        investorId: "inv-1",
        name: "Test Investor",
        expiresAt: new Date(now.getTime() - DAY),
        days: -1,
        holdings: [
          { token: token.token, symbol: "TKN", title: "Quiet Mountains", wallet: w1, shares: 10n },
          { token: token.token, symbol: "TKN", title: "Quiet Mountains", wallet: w2, shares: 5n },
          { token: other.token, symbol: "TKN", title: "Harbour at Dusk", wallet: w1, shares: 2n },
        ],
      },
    ]);
  });

  it("flags a holding wallet the registry does not verify", async () => {
    const alerts = await getInvestorAlerts(t.db, {
      view: view({ expiresInMs: 200 * DAY, verified: [true, false] }),
      now,
    });
    expect(alerts).toMatchObject([{ kind: "unverified_holder", wallet: w2, shares: 5n, title: "Quiet Mountains" }]);
  });

  it("flags a frozen wallet with open orders on that token", async () => {
    expect(await getInvestorAlerts(t.db, { view: view({ expiresInMs: 200 * DAY, frozen: true }), now })).toEqual([]);
    await t.db.insert(marketOrders).values({
      orderId: "1",
      token: token.token,
      maker: w1,
      side: "ask",
      price: "100",
      size: "3",
      filled: "0",
      cancelled: "0",
      status: "open",
      placedBlock: 1n,
      placedTx: `0x${"ab".repeat(32)}`,
      placedAt: now,
    });
    expect(await getInvestorAlerts(t.db, { view: view({ expiresInMs: 200 * DAY, frozen: true }), now })).toMatchObject([
      { kind: "frozen_open_orders", wallet: w1, orders: 1, title: "Quiet Mountains" },
    ]);
  });
});
