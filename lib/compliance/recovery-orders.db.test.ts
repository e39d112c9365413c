/**
 * A wallet recovery and the lost wallet's market orders, against a real anvil chain (issue 13 item 7): before the
 * proposal the console reads the lost wallet's open orders and their escrow (`getWalletOpenOrders`); two agents
 * recover the wallet through the desk; anyone then cancels the lost wallet's orders (`Market.cancelRecovered`) and the
 * escrow lands in the recovered wallet; the indexer's market projection shows the orders cancelled.
 */
import { and, eq } from "drizzle-orm";
import { type Address, encodeFunctionData, keccak256, stringToHex } from "viem";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  artworkShareTokenAbi,
  enforcementDeskAbi,
  hKDStablecoinAbi,
  identityRegistryAbi,
  marketAbi,
} from "@/lib/chain/abis";
import {
  devAccount,
  offeringMinter,
  startTestChain,
  type TestChain,
  deployTestToken,
} from "@/lib/chain/local/test-chain";
import { resetServerChain } from "@/lib/chain/server";
import { marketOrders } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { resetServerEnv } from "@/lib/env";
import { syncToHead } from "@/lib/indexer/projections";
import { getWalletOpenOrders } from "./enforcement";

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
  token = await deployTestToken(tc, { issuer, name: "Recovery Test", symbol: "RCV" });
  const id = keccak256(stringToHex("investor:lost-key"));
  const expiry = BigInt(Math.floor(Date.now() / 1000) + 365 * 86_400);
  const reg = (functionName: "registerInvestor" | "linkWallet", args: readonly unknown[]) =>
    tc.send(
      tc.wallet(grace).writeContract({
        address: tc.deployments.identityRegistry,
        abi: identityRegistryAbi,
        functionName,
        args: args as never,
      }),
    );
  await reg("registerInvestor", [lost.address, id, 344, 1, expiry]);
  await reg("linkWallet", [fresh, id]);
  const minter = await offeringMinter(tc.url, tc.deployments.primaryOffering);
  await tc.send(
    minter.writeContract({
      address: token,
      abi: artworkShareTokenAbi,
      functionName: "mint",
      args: [lost.address, 10n],
    }),
  );
  // The lost wallet holds HKD, bids twice and asks once before its key is lost.
  const w = tc.wallet(lost);
  const market = tc.deployments.market!;
  await tc.send(
    w.writeContract({
      address: tc.deployments.paymentToken,
      abi: hKDStablecoinAbi,
      functionName: "faucet",
      args: [10_000_000_000n],
    }),
  );
  await tc.send(
    w.writeContract({
      address: tc.deployments.paymentToken,
      abi: hKDStablecoinAbi,
      functionName: "approve",
      args: [market, 10n ** 15n],
    }),
  );
  await tc.send(
    w.writeContract({ address: token, abi: artworkShareTokenAbi, functionName: "approve", args: [market, 10n] }),
  );
  const until = (await tc.client.getBlock()).timestamp + 30n * 86_400n;
  await tc.send(
    w.writeContract({
      address: market,
      abi: marketAbi,
      functionName: "placeBid",
      args: [token, 4n, 5_000_000n, until, 100n],
    }),
  );
  await tc.send(
    w.writeContract({
      address: market,
      abi: marketAbi,
      functionName: "placeBid",
      args: [token, 2n, 6_000_000n, until, 100n],
    }),
  );
  await tc.send(
    w.writeContract({
      address: market,
      abi: marketAbi,
      functionName: "placeAsk",
      args: [token, 3n, 9_000_000n, until, 100n],
    }),
  );
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
