/**
 * A wallet recovery and the lost wallet's market orders, against a real anvil chain (issue 13 item 7): before the
 * proposal the console reads the lost wallet's open orders and their escrow (`getWalletOpenOrders`); two agents
 * recover the wallet through the desk; anyone then cancels the lost wallet's orders (`Market.cancelRecovered`) and the
 * escrow lands in the recovered wallet; the indexer's market projection shows the orders cancelled.
 */
import { and, eq } from "drizzle-orm";
import { type Address, encodeFunctionData } from "viem";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { artworkShareTokenAbi, enforcementDeskAbi, hKDStablecoinAbi, marketAbi } from "@/lib/chain/abis";
import { devAccount, startTestChain, type TestChain } from "@/lib/chain/local/test-chain";
import { resetServerChain } from "@/lib/chain/server";
import { marketOrders } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { resetServerEnv } from "@/lib/env";
import { syncToHead } from "@/lib/indexer/projections";
import { getWalletOpenOrders } from "./enforcement";
import { setUpLostWalletOrders } from "./lost-wallet-fixture";

const issuer = devAccount(3);
const grace = devAccount(5);
const marcus = devAccount(6);
const lost = devAccount(13);
const fresh = devAccount(14).address;
const stranger = devAccount(15);

let tc: TestChain;
let t: TestDatabase;
let token: Address;

beforeAll(async () => {
  tc = await startTestChain({ issuers: [issuer], agents: [grace, marcus] });
  t = await createTestDatabase();
  tc.serveToServer();
  ({ token } = await setUpLostWalletOrders(tc, {
    issuer,
    registrar: grace,
    lost,
    fresh,
    investorKey: "investor:lost-key",
    name: "Recovery Test",
    symbol: "RCV",
  }));
}, 240_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  resetServerEnv();
  resetServerChain();
  await tc?.stop();
  await t?.close();
});

const hkd = (who: Address) =>
  tc.client.readContract({
    address: tc.deployments.paymentToken,
    abi: hKDStablecoinAbi,
    functionName: "balanceOf",
    args: [who],
  });

describe("a wallet recovery and the lost wallet's open orders", () => {
  it("lists them with their escrow before, and after the recovery anyone cancels them into the recovered wallet", async () => {
    const before = await getWalletOpenOrders({ token, wallet: lost.address });
    expect(before.orders.map((o) => [o.side, o.remaining, o.escrow])).toEqual([
      ["bid", 4n, 20_000_000n],
      ["bid", 2n, 12_000_000n],
      ["ask", 3n, 0n],
    ]);
    expect(before.escrow).toBe(32_000_000n);

    const desk = tc.deployments.enforcementDesk!;
    const data = encodeFunctionData({
      abi: artworkShareTokenAbi,
      functionName: "recoverWallet",
      args: [lost.address, fresh],
    });
    await tc.send(
      tc
        .wallet(grace)
        .writeContract({ address: desk, abi: enforcementDeskAbi, functionName: "propose", args: [token, data] }),
    );
    await tc.send(
      tc
        .wallet(marcus)
        .writeContract({ address: desk, abi: enforcementDeskAbi, functionName: "execute", args: [1n, token, data] }),
    );
    expect(
      await tc.client.readContract({
        address: token,
        abi: artworkShareTokenAbi,
        functionName: "recoveredTo",
        args: [lost.address],
      }),
    ).toBe(fresh);

    const lostHkd = await hkd(lost.address);
    const ids = before.orders.map((o) => BigInt(o.id));
    const market = tc.deployments.market!;
    // In two transactions, by someone who is neither agent nor investor.
    await tc.send(
      tc
        .wallet(stranger)
        .writeContract({ address: market, abi: marketAbi, functionName: "cancelRecovered", args: [ids.slice(0, 1)] }),
    );
    await tc.send(
      tc
        .wallet(stranger)
        .writeContract({ address: market, abi: marketAbi, functionName: "cancelRecovered", args: [ids] }),
    );
    expect(await hkd(fresh)).toBe(32_000_000n);
    expect(await hkd(lost.address)).toBe(lostHkd);
    expect((await getWalletOpenOrders({ token, wallet: lost.address })).orders).toEqual([]);

    await syncToHead({ db: t.db, client: tc.client as never, contracts: tc.deployments, confirmations: 0 });
    const rows = await t.db
      .select()
      .from(marketOrders)
      .where(and(eq(marketOrders.token, token.toLowerCase()), eq(marketOrders.maker, lost.address.toLowerCase())));
    expect(rows.map((r) => [r.orderId, r.status, r.cancelled]).sort()).toEqual(
      before.orders.map((o) => [o.id, "cancelled", o.remaining.toString()]).sort(),
    );
  });
});
