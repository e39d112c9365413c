/**
 * A sale vote end to end on a real anvil with the indexer on PGlite: the weights tree built from the indexer's register
 * at the record block, the issuer's approve + openSale verified and recorded, two holders voting with the server's
 * proofs (one changing its vote), the close by time, finalize by anyone → approved: transfers refused with code 15,
 * holders redeem and are paid floor(price × shares ÷ supply), the projection following every step; and a second sale
 * the holders reject: the price returns to the issuer and the shares trade on.
 */
import { and, eq, like } from "drizzle-orm";
import { type Account, type Address, type Hex, parseEventLogs, type PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artworkSaleAbi, artworkShareTokenAbi, hKDStablecoinAbi } from "@/lib/chain/abis";
import type { Deployments } from "@/lib/chain/deployments";
import { deployTestToken, devAccount, offeringMinter, type TestChain } from "@/lib/chain/local/test-chain";
import { auditLog, chainEvents, notifications, saleStates } from "@/lib/db/schema";
import { listNotifications } from "@/lib/notifications";
import type { TestDatabase } from "@/lib/db/testing";
import { type DistributionScene, setUpDistributionScene } from "@/lib/distributions/distribution-fixture";
import { SALE_OK, saleReason, TRANSFER_TRADING_ENDED } from "./codes";
import { planSale, type PlannedSale, recordSaleOpened } from "./plan";
import { holderSale, loadTokenSale } from "./reads";
import { recordSaleStep, type SaleStep } from "./record";
import { getSale } from "./store";
import { verifySale } from "./verify";
import { checkSaleDocument } from "./weights";

const officer = devAccount(1);
const issuer = devAccount(3);
const [a, b, c] = [devAccount(5), devAccount(6), devAccount(7)];
const HKD = 1_000_000n;
const PRICE = 100_001n * HKD; // 100,001.00 HKD

let scene: DistributionScene;
let tc: TestChain;
let d: Deployments;
let client: PublicClient;
let database: TestDatabase;
let token: Address;
let plan: PlannedSale;
let saleId: bigint;

const hkd = (who: Address) =>
  client.readContract({ address: d.paymentToken, abi: hKDStablecoinAbi, functionName: "balanceOf", args: [who] });
const chain = () => ({ client, deployments: d });
const days = async (n: number) => {
  await client.request({ method: "evm_increaseTime" as never, params: [n * 86_400] as never });
  await client.request({ method: "evm_mine" as never, params: [] as never });
};

/** The issuer's plan of a sale of `forToken` (7 days, default thresholds), as asked; `over` changes what is asked. */
const ask = (forToken: Address, over: Partial<Parameters<typeof planSale>[1]> = {}) =>
  planSale(database.db, {
    ...chain(),
    issuer: issuer.address,
    token: forToken,
    buyer: devAccount(9).address,
    price: PRICE,
    offerHash: `0x${"ab".repeat(32)}`,
    offerName: "offer.pdf",
    recordBlock: "now",
    votingDays: 7,
    quorumBps: 5_000,
    approvalBps: 5_000,
    offerURI: (id) => `http://portal.test/api/sales/${id}/weights`,
    ...over,
  });

async function plan_(forToken: Address, price = PRICE): Promise<PlannedSale> {
  const p = await ask(forToken, { price });
  if (!p.ok) throw new Error(`plan refused: ${p.code}`);
  return p;
}

/** The issuer funds, approves and opens the planned sale; the server records it. */
async function open(p: PlannedSale): Promise<bigint> {
  await tc.send(
    tc.wallet(devAccount(0)).writeContract({
      address: d.paymentToken,
      abi: hKDStablecoinAbi,
      functionName: "mint",
      args: [issuer.address, p.terms.price],
    }),
  );
  await tc.send(
    tc.wallet(issuer).writeContract({
      address: d.paymentToken,
      abi: hKDStablecoinAbi,
      functionName: "approve",
      args: [p.saleContract, p.terms.price],
    }),
  );
  const receipt = await tc.send(
    tc.wallet(issuer).writeContract({
      address: p.saleContract,
      abi: artworkSaleAbi,
      functionName: "openSale",
      args: [p.token, p.terms, p.offerURI],
    }),
  );
  const rec = await recordSaleOpened(database.db, {
    ...chain(),
    issuer: issuer.address,
    id: p.id,
    txHash: receipt.transactionHash,
  });
  if (!rec.ok) throw new Error(`record refused: ${rec.code}`);
  return rec.onChainId;
}

async function step(who: Account, s: SaleStep, args: readonly unknown[]): Promise<Hex> {
  const receipt = await tc.send(
    tc.wallet(who).writeContract({ address: d.artworkSale!, abi: artworkSaleAbi, functionName: s, args } as never),
  );
  const rec = await recordSaleStep(database.db, {
    ...chain(),
    wallet: who.address,
    step: s,
    txHash: receipt.transactionHash,
  });
  expect(rec.ok).toBe(true);
  return receipt.transactionHash;
}

async function vote(who: Account, forToken: Address, support: boolean) {
  const sale = (await loadTokenSale(database.db, forToken))!;
  const mine = await holderSale(database.db, { ...chain(), sale, wallet: who.address });
  expect(mine.voteCode).toBe(SALE_OK);
  const leaf = mine.leaf!;
  return step(who, "vote", [
    BigInt(sale.onChainId),
    BigInt(leaf.index),
    leaf.holder,
    BigInt(leaf.weight),
    support,
    leaf.proof,
  ]);
}

/** The notices of one sale event (`open`, `decided`), one row per wallet told. */
const told = (id: string, event: "open" | "decided") =>
  database.db
    .select()
    .from(notifications)
    .where(like(notifications.dedupeKey, `sale:${id}:${event}:%`));

const transferCode = (forToken: Address, from: Address, to: Address, amount: bigint) =>
  client.readContract({
    address: forToken,
    abi: artworkShareTokenAbi,
    functionName: "canTransfer",
    args: [from, to, amount],
  });

beforeAll(async () => {
  scene = await setUpDistributionScene({
    officer,
    issuer,
    name: "Sale Test",
    symbol: "SLT",
    investorKey: "sale-investor",
    holders: [
      [a, 500n],
      [b, 300n],
      [c, 200n],
    ],
  });
  ({ tc, database, token } = scene);
  client = tc.client;
  d = tc.deployments;
  await scene.mineAndSync();
}, 240_000);

afterAll(async () => {
  await scene?.stop();
});

describe("a sale the holders approve", () => {
  it("plans the vote from the register: one leaf per holder weighted by its shares, the document anchored by hash", async () => {
    plan = await plan_(token);
    expect(plan.holders).toBe(3);
    expect(plan.totalWeight).toBe(1_000n);
    expect(plan.terms.supply).toBe(1_000n);
    expect(new Map(plan.weights.map((w) => [w.wallet, w.weight])).get(a.address)).toBe(500n);
    const row = (await getSale(database.db, plan.id))!;
    const check = checkSaleDocument(row.document);
    expect(check.problems).toEqual([]);
    expect(check.treeHash).toBe(plan.terms.treeHash);
    expect(check.rebuiltRoot).toBe(plan.terms.weightsRoot);
    // Someone else than the token's owner may not plan a sale of it.
    const other = await ask(token, { issuer: a.address });
    expect(other).toEqual({ ok: false, code: "not_issuer" });
  });

  it("the issuer escrows the price and opens the vote; the server records it once; verify-sale agrees with the chain", async () => {
    const before = await hkd(d.artworkSale!);
    saleId = await open(plan);
    expect((await hkd(d.artworkSale!)) - before).toBe(PRICE);
    const again = await recordSaleOpened(database.db, {
      ...chain(),
      issuer: issuer.address,
      id: plan.id,
      txHash: (await getSale(database.db, plan.id))!.openTxHash as Hex,
    });
    expect(again).toEqual({ ok: false, code: "already_recorded" });
    // Each holder with a weight is told once (the refused second record tells no one again).
    const notices = await told(plan.id, "open");
    expect(notices).toHaveLength(3);
    expect(new Set(notices.map((n) => n.kind))).toEqual(new Set(["sale_vote_open"]));
    const [mine] = await listNotifications(database.db, { address: c.address, locale: "en" });
    expect(mine).toMatchObject({ kind: "sale_vote_open" });
    expect(mine!.body).toMatch(/closes on \d{1,2} \w+ \d{4} at \d{2}:\d{2} HKT/);
    await scene.sync();
    const sale = (await loadTokenSale(database.db, token))!;
    expect(sale).toMatchObject({
      onChainId: saleId.toString(),
      serverId: plan.id,
      status: "voting",
      forVotes: "0",
      leafCount: 3,
    });
    // verify-sale: the stored weights match the chain and the Transfer logs; an edited weight is caught.
    const document = (await getSale(database.db, plan.id))!.document;
    const verified = await verifySale({ client, document, onChainId: saleId, fromBlock: d.startBlock });
    expect(verified.lines.filter((l) => l.startsWith("✗"))).toEqual([]);
    expect(verified.ok).toBe(true);
    const edited = document.replace('"weight": "500"', '"weight": "501"');
    expect(edited).not.toBe(document);
    expect((await verifySale({ client, document: edited, onChainId: saleId, fromBlock: d.startBlock })).ok).toBe(false);
  });

  it("two holders vote (one changes its vote); the projection keeps the running tally", async () => {
    await vote(a, token, true);
    await vote(b, token, false);
    await scene.sync();
    let sale = (await loadTokenSale(database.db, token))!;
    expect(sale).toMatchObject({
      forVotes: "500",
      againstVotes: "300",
      voters: 2,
      quorumReached: true,
      approvalReached: true,
    });
    await vote(b, token, true);
    await scene.sync();
    sale = (await loadTokenSale(database.db, token))!;
    expect(sale).toMatchObject({ forVotes: "800", againstVotes: "0", voters: 2 });
    expect((await holderSale(database.db, { ...chain(), sale, wallet: b.address })).vote).toBe("for");
    const votes = await database.db.select().from(auditLog).where(eq(auditLog.action, "sale.vote"));
    expect(votes).toHaveLength(3);
  });

  it("after the close no vote counts (64) and anyone finalises: approved, trading ends (15)", async () => {
    await days(8);
    const sale = (await loadTokenSale(database.db, token))!;
    const mine = await holderSale(database.db, { ...chain(), sale, wallet: c.address });
    expect(saleReason(mine.voteCode!)).toBe("voteClosed");
    await step(c, "finalize", [saleId]);
    expect(await transferCode(token, a.address, b.address, 1n)).toBe(TRANSFER_TRADING_ENDED);
    await scene.sync();
    expect((await loadTokenSale(database.db, token))!).toMatchObject({ status: "approved", supplyAtClose: "1000" });
    // The outcome is told to every wallet with a weight as the indexer sees it, once however often it syncs.
    await scene.sync();
    const notices = await told(plan.id, "decided");
    expect(notices).toHaveLength(3);
    expect(notices.every((n) => n.kind === "sale_decided" && n.params.outcome === "approved")).toBe(true);
    const [zh] = await listNotifications(database.db, { address: a.address, locale: "zh-HK" });
    expect(zh!.title).toContain("持有人已批准出售");
  });

  it("holders redeem: shares burned, floor(price × shares ÷ supply) paid, shown before signing", async () => {
    const sale = (await loadTokenSale(database.db, token))!;
    for (const [who, shares] of [
      [a, 500n],
      [c, 200n],
    ] as const) {
      const mine = await holderSale(database.db, { ...chain(), sale, wallet: who.address });
      const payout = (PRICE * shares) / 1_000n;
      expect(mine.redeem).toEqual({ code: SALE_OK, shares: shares.toString(), payout: payout.toString() });
      const before = await hkd(who.address);
      await step(who, "redeem", [saleId]);
      expect((await hkd(who.address)) - before).toBe(payout);
    }
    const again = await holderSale(database.db, { ...chain(), sale, wallet: a.address });
    expect(saleReason(again.redeem.code)).toBe("nothingToRedeem");
    await scene.sync();
    const [state] = await database.db.select().from(saleStates).where(eq(saleStates.token, token.toLowerCase()));
    expect(state).toMatchObject({ redemptions: 2, redeemedShares: "700" });
    expect(BigInt(state!.redeemedAmount)).toBe((PRICE * 700n) / 1_000n);
    const redeemed = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "sale.redeem"), eq(auditLog.actor, a.address.toLowerCase())));
    expect(redeemed).toHaveLength(1);
  });

  it("a token with an approved sale cannot be offered again", async () => {
    const again = await ask(token);
    expect(again).toEqual({ ok: false, code: "sale_exists" });
  });
});

/**
 * The trade page finds the leaf a wallet votes with through the indexer's `WalletRecovered` events: a wallet that
 * compliance recovered (on this token, after the record block) to the viewer's, not one recovered on another token.
 * The recovery events are written to the record here and removed after; that the contract then counts the vote of
 * the wallet recovered to is ArtworkSale's forge test `test_vote_recoveredWalletVotesThroughItsNewWallet`.
 */
async function expectRecoveredLeaf(forToken: Address) {
  const sale = (await loadTokenSale(database.db, forToken))!;
  const [heir, other] = [devAccount(8).address, devAccount(9).address];
  const recovery = (onToken: Address, lost: Address, to: Address, logIndex: number) => ({
    blockNumber: 1n,
    blockHash: `0x${"0b".repeat(32)}`,
    blockTime: new Date(),
    txHash: `0x${"fe".repeat(32)}`,
    logIndex: 9_000 + logIndex,
    contract: onToken.toLowerCase(),
    eventName: "WalletRecovered",
    args: { lostWallet: lost.toLowerCase(), newWallet: to.toLowerCase(), investorId: `0x${"01".repeat(32)}` },
    token: onToken.toLowerCase(),
  });
  const rows = await database.db
    .insert(chainEvents)
    .values([recovery(forToken, a.address, heir, 0), recovery(token, b.address, other, 1)])
    .returning({ id: chainEvents.id });
  try {
    const mine = await holderSale(database.db, { ...chain(), sale, wallet: heir });
    expect(mine.leaf).toMatchObject({ holder: a.address, weight: "600", recovered: true });
    const own = await holderSale(database.db, { ...chain(), sale, wallet: a.address });
    expect(own.leaf).toMatchObject({ holder: a.address, recovered: false });
    expect((await holderSale(database.db, { ...chain(), sale, wallet: other })).leaf).toBeNull();
  } finally {
    for (const r of rows) await database.db.delete(chainEvents).where(eq(chainEvents.id, r.id));
  }
}

describe("a sale the holders reject", () => {
  let second: Address;
  it("changes nothing: the price returns to the issuer and the shares trade on", async () => {
    second = await deployTestToken(tc, { issuer, name: "Sale Reject", symbol: "SLR" });
    const minter = await offeringMinter(tc.url, d.primaryOffering);
    for (const [who, shares] of [
      [a, 600n],
      [b, 400n],
    ] as const)
      await tc.send(
        minter.writeContract({
          address: second,
          abi: artworkShareTokenAbi,
          functionName: "mint",
          args: [who.address, shares],
        }),
      );
    await scene.mineAndSync();
    const p = await plan_(second, 5_000n * HKD);
    const id = await open(p);
    await scene.sync();
    await expectRecoveredLeaf(second);
    await vote(a, second, false);
    await vote(b, second, true);
    await days(8);
    const before = await hkd(issuer.address);
    const receipt = await tc.send(
      tc
        .wallet(c)
        .writeContract({ address: d.artworkSale!, abi: artworkSaleAbi, functionName: "finalize", args: [id] }),
    );
    const [fin] = parseEventLogs({ abi: artworkSaleAbi, logs: receipt.logs, eventName: "SaleFinalized" });
    expect(fin!.args.approved).toBe(false);
    expect((await hkd(issuer.address)) - before).toBe(5_000n * HKD);
    expect(await transferCode(second, a.address, b.address, 1n)).toBe(0);
    await scene.sync();
    const sale = (await loadTokenSale(database.db, second))!;
    expect(sale).toMatchObject({
      status: "rejected",
      refunded: (5_000n * HKD).toString(),
      forVotes: "400",
      againstVotes: "600",
    });
    const mine = await holderSale(database.db, { ...chain(), sale, wallet: a.address });
    expect(saleReason(mine.redeem.code)).toBe("notApproved");
    const notices = await told(p.id, "decided");
    expect(notices).toHaveLength(2);
    expect(notices.every((n) => n.params.outcome === "rejected")).toBe(true);
    const [en] = await listNotifications(database.db, { address: b.address, locale: "en" });
    expect(en!.title).toMatch(/did not approve selling/);
  });
});

describe("the issuer's dust sweep after an approved sale", () => {
  it("takes back only the rounding: verified and audited once, refused for another sender, holders still paid", async () => {
    // 3 shares sold for HKD 100: a's 1 share is paid 33.333333, b's 2 shares 66.666666; 0.000001 is left over.
    const third = await deployTestToken(tc, { issuer, name: "Sale Dust", symbol: "SLD" });
    const minter = await offeringMinter(tc.url, d.primaryOffering);
    for (const [who, shares] of [
      [a, 1n],
      [b, 2n],
    ] as const)
      await tc.send(
        minter.writeContract({
          address: third,
          abi: artworkShareTokenAbi,
          functionName: "mint",
          args: [who.address, shares],
        }),
      );
    await scene.mineAndSync();
    const price = 100n * HKD;
    const id = await open(await plan_(third, price));
    await scene.sync();
    await vote(a, third, true);
    await vote(b, third, true);
    await days(8);
    await step(c, "finalize", [id]);
    const sweepable = () =>
      client.readContract({ address: d.artworkSale!, abi: artworkSaleAbi, functionName: "sweepable", args: [id] });
    const sweep = async (who: Account) =>
      (
        await tc.send(
          tc
            .wallet(who)
            .writeContract({ address: d.artworkSale!, abi: artworkSaleAbi, functionName: "sweepDust", args: [id] }),
        )
      ).transactionHash;
    const record = (wallet: Address, txHash: Hex) =>
      recordSaleStep(database.db, { ...chain(), wallet, step: "sweepDust", txHash });
    // Before anyone redeems every unit is reserved: a sweep pays nothing and the server records nothing.
    expect(await sweepable()).toBe(0n);
    expect(await record(issuer.address, await sweep(issuer))).toEqual({ ok: false, code: "nothing_happened" });
    await step(a, "redeem", [id]);
    expect(await sweepable()).toBe(1n);
    const before = await hkd(issuer.address);
    const txHash = await sweep(issuer);
    expect((await hkd(issuer.address)) - before).toBe(1n);
    // Another signed-in wallet cannot claim the issuer's sweep as its own; a redemption is not a sweep.
    expect(await record(c.address, txHash)).toEqual({ ok: false, code: "tx_wrong_sender" });
    const redeemTx = await step(b, "redeem", [id]);
    expect(await record(b.address, redeemTx)).toEqual({ ok: false, code: "tx_wrong_call" });
    const first = await record(issuer.address, txHash);
    expect(first).toMatchObject({ ok: true, recorded: { step: "sweepDust", already: false, detail: { amount: "1" } } });
    expect(await record(issuer.address, txHash)).toMatchObject({ ok: true, recorded: { already: true } });
    const audited = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "sale.sweepDust"), eq(auditLog.txHash, txHash.toLowerCase())));
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actor: issuer.address.toLowerCase(), actorRole: "issuer" });
    expect(audited[0]!.after).toMatchObject({ event: "DustSwept", amount: "1" });
    // b was paid its full share after the sweep; the contract holds nothing more for this sale.
    expect(await sweepable()).toBe(0n);
    await scene.sync();
    const [state] = await database.db.select().from(saleStates).where(eq(saleStates.token, third.toLowerCase()));
    expect(BigInt(state!.redeemedAmount)).toBe(33_333_333n + 66_666_666n);
    expect(state!.sweptAmount).toBe("1");
  });
});
