/**
 * After a wallet recovery, the officer cancels the lost wallet's open orders (issue 13 item 7), against a real anvil
 * chain and a real database: the console lists the recovered wallets of a token that still have open orders, with
 * their bid escrow (`getRecoveredWalletOrders`); the officer's one `Market.cancelRecovered` transaction is accepted by
 * the console's post-back (`decodeAgentTx` → `recordAgentTx`) and audited with the lost and recovered wallet, the
 * investor, the order ids and the escrow returned; a transaction someone else sent, or one that cancelled nothing, is
 * refused.
 */
import { eq } from "drizzle-orm";
import { type Address, encodeFunctionData, type Hex, keccak256, stringToHex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artworkShareTokenAbi, enforcementDeskAbi, hKDStablecoinAbi, marketAbi } from "@/lib/chain/abis";
import { devAccount, startTestChain, type TestChain } from "@/lib/chain/local/test-chain";
import { auditLog, investors, investorWallets } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { setUpLostWalletOrders } from "./lost-wallet-fixture";

const issuer = devAccount(3);
const grace = devAccount(5);
const marcus = devAccount(6);
const lost = devAccount(13);
const fresh = devAccount(14).address;
const stranger = devAccount(15);
const other = devAccount(16);
const onChainId = keccak256(stringToHex("investor:lost-key-sweep"));

let tc: TestChain;
let t: TestDatabase;
let token: Address;
let investorId: string;
let agent: typeof import("./agent");
let enforcement: typeof import("./enforcement");

beforeAll(async () => {
  tc = await startTestChain({ issuers: [issuer], agents: [grace, marcus] });
  t = await createTestDatabase();
  tc.serveToServer();
  ({ token } = await setUpLostWalletOrders(tc, {
    issuer,
    registrar: grace,
    lost,
    fresh,
    investorKey: "investor:lost-key-sweep",
    name: "Sweep Test",
    symbol: "SWP",
    others: [other],
  }));
  const [inv] = await t.db
    .insert(investors)
    .values({ legalName: "Lost Key", onChainId, kycStatus: "approved", residence: "HK", category: "retail" })
    .returning();
  investorId = inv!.id;
  await t.db.insert(investorWallets).values({ address: lost.address.toLowerCase(), investorId, isPrimary: true });
  agent = await import("./agent");
  enforcement = await import("./enforcement");
}, 240_000);

afterAll(async () => {
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

const cancelRecovered = (who: typeof lost, ids: bigint[]) =>
  tc.send(
    tc
      .wallet(who)
      .writeContract({ address: tc.deployments.market!, abi: marketAbi, functionName: "cancelRecovered", args: [ids] }),
  );

const postBack = async (hash: Hex, actor: Address) => {
  const decoded = await agent.decodeAgentTx({ txHash: hash, actor });
  if (!decoded.ok) return decoded;
  return agent.recordAgentTx(t.db, { tx: decoded.tx, txHash: hash, actor, reason: "Lost key, case 2026/31", ip: null });
};

describe("after a recovery, the officer cancels the lost wallet's orders and the escrow goes to the new wallet", () => {
  it("lists the recovered wallet's open orders, accepts and audits the officer's cancelRecovered, refuses others", async () => {
    // Not recovered yet: nothing to list.
    expect(await enforcement.getRecoveredWalletOrders({ token })).toEqual([]);

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

    // The bids' escrow is still held by the market: the console lists the lost wallet (not the other investor).
    const listed = await enforcement.getRecoveredWalletOrders({ token });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ lostWallet: lost.address, recoveredTo: fresh, escrow: 32_000_000n });
    expect(listed[0]!.orders.map((o) => [o.side, o.remaining, o.escrow])).toEqual([
      ["bid", 4n, 20_000_000n],
      ["bid", 2n, 12_000_000n],
      ["ask", 3n, 0n],
    ]);
    const ids = listed[0]!.orders.map((o) => BigInt(o.id));

    // Someone else's transaction is not the officer's to record.
    const byStranger = await cancelRecovered(stranger, ids.slice(0, 1));
    expect(await postBack(byStranger.transactionHash, grace.address)).toEqual({ ok: false, code: "tx_wrong_sender" });
    // A cancelRecovered that cancelled nothing (the order is closed already) is not an action to audit.
    const nothing = await cancelRecovered(grace, ids.slice(0, 1));
    expect(await postBack(nothing.transactionHash, grace.address)).toEqual({ ok: false, code: "tx_not_agent_call" });

    const before = await hkd(fresh);
    const lostBefore = await hkd(lost.address);
    const sent = await cancelRecovered(grace, ids);
    expect(await hkd(fresh)).toBe(before + 12_000_000n);
    expect(await hkd(lost.address)).toBe(lostBefore);
    const recorded = await postBack(sent.transactionHash, grace.address);
    expect(recorded).toMatchObject({ ok: true });
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.txHash, sent.transactionHash.toLowerCase()));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: grace.address.toLowerCase(),
      actorRole: "compliance",
      action: "market.recovered_orders_cancel",
      subjectType: "wallet",
      subjectId: lost.address.toLowerCase(),
      after: {
        reason: "Lost key, case 2026/31",
        contract: "market",
        market: tc.deployments.market!.toLowerCase(),
        token: token.toLowerCase(),
        function: "cancelRecovered",
        investorId,
        args: {
          // Only the orders this transaction cancelled (the first was closed by the stranger's).
          orderIds: ids.slice(1).map(String).join(","),
          lostWallet: lost.address.toLowerCase(),
          newWallet: fresh.toLowerCase(),
          token: token.toLowerCase(),
          escrow: "12000000",
          investorId: onChainId.toLowerCase(),
        },
      },
    });
    // Once only.
    expect(await postBack(sent.transactionHash, grace.address)).toEqual({ ok: false, code: "already_recorded" });
    // Nothing is left to list.
    expect(await enforcement.getRecoveredWalletOrders({ token })).toEqual([]);
  });
});
