/**
 * A distribution's life after it is anchored, on a real anvil with the indexer on PGlite: the projection follows the
 * distributor's events (created, claimed, held, released, closed; a forgotten event is forgotten on refresh), the
 * compliance hold and the issuer's close are read back from the chain and audited once, a wrong transaction is
 * refused, and a refused plan is audited with its reason.
 */
import { and, eq } from "drizzle-orm";
import { type Address, type Hex, type PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distributorAbi, hKDStablecoinAbi } from "@/lib/chain/abis";
import type { Deployments } from "@/lib/chain/deployments";
import { devAccount, type TestChain } from "@/lib/chain/local/test-chain";
import { auditLog, chainEvents, distributionStates, tokenWalletStates } from "@/lib/db/schema";
import { type TestDatabase } from "@/lib/db/testing";
import { syncToHead } from "@/lib/indexer/projections";
import { CENT } from "./allocate";
import { planDistribution, recordDistributionCreated } from "./issuer";
import { listTokenDistributionStates, recordDistributionClose, recordDistributionHold } from "./lifecycle";
import { refreshDistributions } from "./projection";
import { type DistributionScene, setUpDistributionScene } from "./distribution-fixture";

const officer = devAccount(1);
const issuer = devAccount(3);
const [a, b] = [devAccount(5), devAccount(6)];

let scene: DistributionScene;
let tc: TestChain;
let d: Deployments;
let client: PublicClient;
let database: TestDatabase;
let token: Address;
let onChainId: bigint;
let serverId: string;

const sync = () => syncToHead({ db: database.db, client: client as never, contracts: d, confirmations: 0 });
const state = async () => (await listTokenDistributionStates(database.db, token))[0];
const audits = (action: string) => database.db.select().from(auditLog).where(eq(auditLog.action, action));

beforeAll(async () => {
  scene = await setUpDistributionScene({
    officer,
    issuer,
    name: "Lifecycle Test",
    symbol: "LCT",
    investorKey: "lifecycle",
    holders: [
      [a, 600n],
      [b, 400n],
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

describe("a distribution's life on-chain", () => {
  it("a refused plan is audited with its reason; the plan previews holders, amounts and dust", async () => {
    const base = {
      client,
      deployments: d,
      issuer: issuer.address,
      token,
      kind: "income" as const,
      amount: 100_100n * CENT,
      recordBlock: "now" as const,
      claimDays: 10,
      treeURI: (id: string) => `https://atelier.test/api/distributions/${id}/tree`,
    };
    expect(await planDistribution(database.db, { ...base, issuer: a.address })).toEqual({
      ok: false,
      code: "not_issuer",
    });
    const [refused] = await audits("distribution.prepare.refused");
    expect(refused).toMatchObject({ actor: a.address.toLowerCase(), subjectId: token.toLowerCase() });
    expect(refused!.after).toMatchObject({ code: "not_issuer", kind: "income", amount: "1001000000" });

    const plan = await planDistribution(database.db, base);
    if (!plan.ok) throw new Error(plan.code);
    serverId = plan.id;
    // 1,001.00 HKD over 600/400: 600.60 and 400.40, no dust.
    expect(plan.entitlements.map((e) => [e.shares, e.amount]).sort()).toEqual(
      [
        [400n, 40_040n * 10_000n],
        [600n, 60_060n * 10_000n],
      ].sort(),
    );
    expect(plan.dust).toBe(0n);
    expect(plan.leftOut).toEqual([]);

    const amount = plan.terms.amount;
    const admin = tc.wallet(devAccount(0));
    await tc.send(
      admin.writeContract({
        address: d.paymentToken,
        abi: hKDStablecoinAbi,
        functionName: "mint",
        args: [issuer.address, amount],
      }),
    );
    await tc.send(
      tc.wallet(issuer).writeContract({
        address: d.paymentToken,
        abi: hKDStablecoinAbi,
        functionName: "approve",
        args: [d.distributor!, amount],
      }),
    );
    const receipt = await tc.send(
      tc.wallet(issuer).writeContract({
        address: d.distributor!,
        abi: distributorAbi,
        functionName: "createDistribution",
        args: [token, plan.terms, plan.treeURI],
      }),
    );
    const recorded = await recordDistributionCreated(database.db, {
      client,
      deployments: d,
      issuer: issuer.address,
      id: plan.id,
      txHash: receipt.transactionHash,
    });
    if (!recorded.ok) throw new Error(recorded.code);
    onChainId = recorded.onChainId;
  });

  it("the projection follows creation, claims, hold and release", async () => {
    await sync();
    expect(await state()).toMatchObject({
      onChainId: onChainId.toString(),
      serverId,
      kind: "income",
      amount: "1001000000",
      status: "open",
      claimedAmount: "0",
      claimCount: 0,
      leafCount: 2,
      issuer: issuer.address.toLowerCase(),
    });

    const { claimsOf } = await import("./issuer");
    const [claim] = await claimsOf(database.db, a.address);
    await tc.send(
      tc.wallet(a).writeContract({
        address: d.distributor!,
        abi: distributorAbi,
        functionName: "claim",
        args: [onChainId, BigInt(claim!.index), claim!.holder, BigInt(claim!.amount), claim!.proof as Hex[]],
      }),
    );
    await sync();
    expect(await state()).toMatchObject({ claimedAmount: "600600000", claimCount: 1, status: "open" });

    const hold = await tc.send(
      tc.wallet(officer).writeContract({
        address: d.distributor!,
        abi: distributorAbi,
        functionName: "hold",
        args: [onChainId, true, "Court order 12/2026: pause payments"],
      }),
    );
    // Only the agent's own transaction counts, and only for the distribution it names.
    expect(
      await recordDistributionHold(database.db, {
        client,
        deployments: d,
        agent: issuer.address,
        onChainId,
        txHash: hold.transactionHash,
      }),
    ).toEqual({ ok: false, code: "tx_wrong_sender" });
    expect(
      await recordDistributionHold(database.db, {
        client,
        deployments: d,
        agent: officer.address,
        onChainId: onChainId + 5n,
        txHash: hold.transactionHash,
      }),
    ).toEqual({ ok: false, code: "tx_other_distribution" });
    const held = () =>
      recordDistributionHold(database.db, {
        client,
        deployments: d,
        agent: officer.address,
        onChainId,
        txHash: hold.transactionHash,
      });
    expect(await held()).toEqual({ ok: true, held: true, reason: "Court order 12/2026: pause payments" });
    expect(await held()).toMatchObject({ ok: true });
    const holds = await audits("distribution.hold");
    expect(holds).toHaveLength(1);
    expect(holds[0]).toMatchObject({ actor: officer.address.toLowerCase(), subjectId: serverId });
    expect(holds[0]!.after).toMatchObject({ reason: "Court order 12/2026: pause payments", held: true });
    await sync();
    expect(await state()).toMatchObject({ status: "held", holdReason: "Court order 12/2026: pause payments" });

    const release = await tc.send(
      tc.wallet(officer).writeContract({
        address: d.distributor!,
        abi: distributorAbi,
        functionName: "hold",
        args: [onChainId, false, "Order lifted"],
      }),
    );
    expect(
      await recordDistributionHold(database.db, {
        client,
        deployments: d,
        agent: officer.address,
        onChainId,
        txHash: release.transactionHash,
      }),
    ).toEqual({ ok: true, held: false, reason: "Order lifted" });
    expect(await audits("distribution.release")).toHaveLength(1);
    await sync();
    expect(await state()).toMatchObject({ status: "open", holdReason: "Order lifted" });
  });

  it("after the window the issuer closes: the unclaimed part comes back, read from the chain and audited", async () => {
    await client.request({ method: "evm_increaseTime" as never, params: [11 * 86_400] as never });
    await client.request({ method: "evm_mine" as never, params: [] as never });
    const close = await tc.send(
      tc.wallet(issuer).writeContract({
        address: d.distributor!,
        abi: distributorAbi,
        functionName: "close",
        args: [onChainId],
      }),
    );
    expect(
      await recordDistributionClose(database.db, {
        client,
        deployments: d,
        issuer: a.address,
        onChainId,
        txHash: close.transactionHash,
      }),
    ).toEqual({ ok: false, code: "tx_wrong_sender" });
    // Posted back twice at the same moment (a retry, a second tab): one audit entry.
    const record = () =>
      recordDistributionClose(database.db, {
        client,
        deployments: d,
        issuer: issuer.address,
        onChainId,
        txHash: close.transactionHash,
      });
    const [closed, again] = await Promise.all([record(), record()]);
    // b's 400.40 was never claimed: it comes back, never more.
    expect(closed).toEqual({ ok: true, returned: 400_400_000n });
    expect(again).toEqual(closed);
    expect(await audits("distribution.close")).toHaveLength(1);
    const [entry] = await audits("distribution.close");
    expect(entry).toMatchObject({ actor: issuer.address.toLowerCase(), txHash: close.transactionHash.toLowerCase() });
    expect(entry!.after).toMatchObject({ returned: "400400000" });
    await sync();
    expect(await state()).toMatchObject({ status: "closed", returnedAmount: "400400000", claimedAmount: "600600000" });
  });

  it("a register that does not add up to the token's totalSupply is refused in words, never paid out", async () => {
    // One share of a's dropped from the indexer's record (a gap in the register): the plan is refused.
    await database.db
      .update(tokenWalletStates)
      .set({ balance: "599" })
      .where(
        and(eq(tokenWalletStates.token, token.toLowerCase()), eq(tokenWalletStates.wallet, a.address.toLowerCase())),
      );
    const refused = await planDistribution(database.db, {
      client,
      deployments: d,
      issuer: issuer.address,
      token,
      kind: "income",
      amount: 100n * CENT,
      recordBlock: "now",
      claimDays: 10,
      treeURI: (id) => `https://atelier.test/api/distributions/${id}/tree`,
    });
    expect(refused).toEqual({ ok: false, code: "supply_mismatch" });
    const entries = await audits("distribution.prepare.refused");
    expect(entries.at(-1)!.after).toMatchObject({ code: "supply_mismatch" });
  });

  it("a refresh without an event forgets it (as after a reorg)", async () => {
    const distributor = d.distributor!.toLowerCase();
    await database.db
      .delete(chainEvents)
      .where(and(eq(chainEvents.contract, distributor), eq(chainEvents.eventName, "DistributionClosed")));
    await refreshDistributions(database.db, [{ distributor, id: onChainId.toString() }]);
    expect(await state()).toMatchObject({ status: "open", returnedAmount: null, closedAt: null });
    await database.db.delete(chainEvents).where(eq(chainEvents.contract, distributor));
    await refreshDistributions(database.db, [{ distributor, id: onChainId.toString() }]);
    expect(await database.db.select().from(distributionStates)).toEqual([]);
  });
});
