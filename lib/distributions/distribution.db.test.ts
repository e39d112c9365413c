/**
 * A distribution end to end on a real anvil with the indexer on PGlite: holders at a record block (a transfer and a
 * freeze after it change nothing of the entitlements), the tree built from the indexer's register, the issuer's
 * createDistribution with that root and hash, a holder's claim with the server's proof, a frozen holder refused with
 * its reason code, and verify-distribution agreeing with the chain (and catching an edited document).
 */
import { spawnSync } from "node:child_process";
import { like } from "drizzle-orm";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Address, type Hex, parseEventLogs, type PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artworkShareTokenAbi, distributorAbi, hKDStablecoinAbi } from "@/lib/chain/abis";
import type { Deployments } from "@/lib/chain/deployments";
import { devAccount, type TestChain } from "@/lib/chain/local/test-chain";
import { notifications } from "@/lib/db/schema";
import { type TestDatabase } from "@/lib/db/testing";
import { listNotifications } from "@/lib/notifications";
import { syncToHead } from "@/lib/indexer/projections";
import { and, eq } from "drizzle-orm";
import { auditLog } from "@/lib/db/schema";
import { CENT } from "./allocate";
import { listWalletClaims, recordClaim } from "./claims";
import { readRecordRegister } from "./holders";
import { claimsOf, planDistribution, recordDistributionCreated } from "./issuer";
import { distributionTerms, prepareDistribution, type PreparedDistribution } from "./prepare";
import { getClaimProof, getDistribution, getDistributionByOnChainId, listClaimProofs, recordOnChain } from "./store";
import { verifyDistribution } from "./verify";
import { type DistributionScene, setUpDistributionScene } from "./distribution-fixture";

const officer = devAccount(1);
const issuer = devAccount(3);
const [a, b, c] = [devAccount(5), devAccount(6), devAccount(7)];
const CLAIM_FROZEN = 54;

let scene: DistributionScene;
let tc: TestChain;
let d: Deployments;
let client: PublicClient;
let database: TestDatabase;
let token: Address;
let recordBlock: bigint;
let prepared: PreparedDistribution;
let onChainId: bigint;
let claimTx: Hex;
let createTx: Hex;

const hkd = (who: Address) =>
  client.readContract({ address: d.paymentToken, abi: hKDStablecoinAbi, functionName: "balanceOf", args: [who] });

beforeAll(async () => {
  scene = await setUpDistributionScene({
    officer,
    issuer,
    name: "Distribution Test",
    symbol: "DST",
    investorKey: "investor",
    holders: [
      [a, 500n],
      [b, 300n],
      [c, 200n],
    ],
  });
  ({ tc, database, token } = scene);
  client = tc.client;
  d = tc.deployments;
  recordBlock = await client.getBlockNumber({ cacheTime: 0 });
  // After the record block: a transfer and a freeze (the entitlements stay those of the record block).
  await tc.send(
    tc
      .wallet(a)
      .writeContract({ address: token, abi: artworkShareTokenAbi, functionName: "transfer", args: [b.address, 100n] }),
  );
  await tc.send(
    tc.wallet(officer).writeContract({
      address: token,
      abi: artworkShareTokenAbi,
      functionName: "setWalletFrozen",
      args: [c.address, true],
    }),
  );
  await scene.sync();
}, 240_000);

afterAll(async () => {
  await scene?.stop();
});

describe("a distribution on a real chain", () => {
  it("reads the holders at the record block from the indexer", async () => {
    const blockTime = Number((await client.getBlock({ blockNumber: recordBlock })).timestamp);
    const register = await readRecordRegister({ db: database.db, deployments: d, token, recordBlock, blockTime });
    expect(register.holders.map((h) => [h.wallet, h.balance, h.frozen])).toEqual(
      [
        [a.address, 500n, false],
        [b.address, 300n, false],
        [c.address, 200n, false],
      ].sort((x, y) => ((x[0] as string).toLowerCase() < (y[0] as string).toLowerCase() ? -1 : 1)),
    );
    expect(register.excluded).toEqual([]);
    await expect(
      readRecordRegister({ db: database.db, deployments: d, token, recordBlock: recordBlock + 1_000n, blockTime }),
    ).rejects.toThrow(/not yet covered/);
  });

  it("builds and stores the tree: 100.01 HKD as 50.00 / 30.00 / 20.00 (floors), one cent of dust for the issuer", async () => {
    const blockTime = Number((await client.getBlock({ blockNumber: recordBlock })).timestamp);
    const now = Number((await client.getBlock()).timestamp);
    prepared = await prepareDistribution({
      db: database.db,
      deployments: d,
      token,
      recordBlock,
      recordBlockTime: blockTime,
      kind: "income",
      amount: 10_001n * CENT,
      claimDeadline: now + 30 * 86_400,
      createdBy: issuer.address,
    });
    const byWallet = new Map(prepared.built.entitlements.map((e) => [e.wallet, e.amount]));
    expect(byWallet.get(a.address)).toBe(5_000n * CENT);
    expect(byWallet.get(b.address)).toBe(3_000n * CENT);
    expect(byWallet.get(c.address)).toBe(2_000n * CENT);
    const row = await getDistribution(database.db, prepared.id);
    expect(row?.treeHash).toBe(prepared.built.treeHash);
    expect(row?.document).toBe(prepared.built.document);
    expect(row?.leafCount).toBe(3);
  });

  it("the issuer anchors it on-chain and a holder claims with the server's proof", async () => {
    const built = prepared.built;
    const row = (await getDistribution(database.db, prepared.id))!;
    const amount = BigInt(row.amount);
    await tc.send(
      tc.wallet(devAccount(0)).writeContract({
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
    const terms = distributionTerms({
      kind: row.kind,
      amount,
      recordBlock: row.recordBlock,
      claimDeadline: Math.floor(row.claimDeadline.getTime() / 1000),
      root: row.root as Hex,
      treeHash: row.treeHash as Hex,
      leafCount: row.leafCount,
    });
    const receipt = await tc.send(
      tc.wallet(issuer).writeContract({
        address: d.distributor!,
        abi: distributorAbi,
        functionName: "createDistribution",
        args: [token, terms, `atelier:distribution/${prepared.id}`],
      }),
    );
    const [created] = parseEventLogs({ abi: distributorAbi, logs: receipt.logs, eventName: "DistributionCreated" });
    onChainId = created!.args.id;
    expect(created!.args.root).toBe(built.root);
    await recordOnChain(database.db, prepared.id, onChainId, receipt.transactionHash);
    expect(
      (await getDistributionByOnChainId(database.db, { chainId: 31337, distributor: d.distributor!, onChainId }))?.id,
    ).toBe(prepared.id);

    // b claims its 30.00 HKD with the proof the server serves.
    const proof = (await getClaimProof(database.db, prepared.id, b.address))!;
    expect(proof.onChainId).toBe(onChainId);
    expect((await listClaimProofs(database.db, b.address)).map((p) => p.distributionId)).toEqual([prepared.id]);
    const before = await hkd(b.address);
    const claimReceipt = await tc.send(
      tc.wallet(b).writeContract({
        address: d.distributor!,
        abi: distributorAbi,
        functionName: "claim",
        args: [onChainId, BigInt(proof.index), proof.holder, proof.amount, proof.proof],
      }),
    );
    expect((await hkd(b.address)) - before).toBe(3_000n * CENT);
    claimTx = claimReceipt.transactionHash;
    createTx = receipt.transactionHash;
    expect(
      await client.readContract({
        address: d.distributor!,
        abi: distributorAbi,
        functionName: "isClaimed",
        args: [onChainId, BigInt(proof.index)],
      }),
    ).toBe(true);

    // c, frozen after the record block, is entitled but refused for now (its money stays reserved).
    const cp = (await getClaimProof(database.db, prepared.id, c.address))!;
    expect(
      await client.readContract({
        address: d.distributor!,
        abi: distributorAbi,
        functionName: "claimCode",
        args: [onChainId, BigInt(cp.index), cp.holder, c.address, cp.amount, cp.proof],
      }),
    ).toBe(CLAIM_FROZEN);
    // A wallet with no entitlement has no proof.
    expect(await getClaimProof(database.db, prepared.id, officer.address)).toBeNull();
  });

  it("records the investor's claim once, from the transaction the server reads itself (audited)", async () => {
    const args = { client, deployments: d, txHash: claimTx };
    const recorded = await recordClaim(database.db, { ...args, wallet: b.address });
    expect(recorded).toEqual({
      ok: true,
      already: false,
      claims: [{ onChainId: onChainId.toString(), holder: b.address, amount: (3_000n * CENT).toString(), token }],
    });
    const again = await recordClaim(database.db, { ...args, wallet: b.address });
    expect(again.ok && again.already).toBe(true);
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "distribution.claim"), eq(auditLog.txHash, claimTx.toLowerCase())));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actor).toBe(b.address.toLowerCase());
    expect(entries[0]!.subjectId).toBe(prepared.id);
    expect((entries[0]!.after as { total: string }).total).toBe((3_000n * CENT).toString());
    // Another wallet cannot claim it as its own; a transaction that is not a claim is refused in words.
    expect(await recordClaim(database.db, { ...args, wallet: c.address })).toEqual({
      ok: false,
      code: "tx_wrong_sender",
    });
    // A hash the node never saw is answered at once, even when the caller would wait for a pending one.
    const started = Date.now();
    expect(
      await recordClaim(database.db, { ...args, txHash: `0x${"ab".repeat(32)}`, wallet: b.address, waitMs: 15_000 }),
    ).toEqual({ ok: false, code: "tx_not_found" });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await recordClaim(database.db, { ...args, txHash: createTx, wallet: issuer.address })).toEqual({
      ok: false,
      code: "not_a_claim",
    });
  });

  it("verify-distribution agrees with the chain, and catches an edited document", async () => {
    const row = (await getDistribution(database.db, prepared.id))!;
    const good = await verifyDistribution({ client, document: row.document, fromBlock: d.startBlock });
    expect(good.lines.join("\n")).not.toMatch(/✗/);
    expect(good.ok).toBe(true);
    expect(good.lines.at(-1)).toMatch(new RegExp(`distribution ${onChainId} matches the chain`));

    // Moving a share between two holders keeps the document consistent on its own, but not with the chain.
    const doc = JSON.parse(row.document);
    doc.holders[0].shares = (BigInt(doc.holders[0].shares) + 1n).toString();
    doc.holders[1].shares = (BigInt(doc.holders[1].shares) - 1n).toString();
    const edited = await verifyDistribution({
      client,
      document: JSON.stringify(doc, null, 2) + "\n",
      onChainId,
      fromBlock: d.startBlock,
    });
    expect(edited.ok).toBe(false);
    expect(edited.lines.join("\n")).toMatch(/SHA-256 .* but distribution/);
    expect(edited.lines.join("\n")).toMatch(/Transfer logs/);
  });

  it("npm run verify-distribution -- <file> says it in words and exits 0 (1 for an edited file)", async () => {
    const row = (await getDistribution(database.db, prepared.id))!;
    const dir = mkdtempSync(path.join(tmpdir(), "atelier-dist-"));
    const good = path.join(dir, "tree.json");
    writeFileSync(good, row.document);
    const bad = path.join(dir, "edited.json");
    writeFileSync(
      bad,
      row.document.replace(/"amount": "(\d+)"/, (_m, n: string) => `"amount": "${BigInt(n) + 1n}"`),
    );
    const env = { ...process.env, RPC_URL: tc.url, CHAIN_ID: "31337", DEPLOYMENTS_FILE: tc.file };
    const run = (file: string) =>
      spawnSync(process.execPath, ["--import", "tsx", "scripts/verify-distribution.ts", file], {
        env,
        encoding: "utf8",
      });
    const ok = run(good);
    expect(ok.stdout).toMatch(new RegExp(`distribution ${onChainId} matches the chain`));
    expect(ok.status, ok.stderr).toBe(0);
    const edited = run(bad);
    expect(edited.status).toBe(1);
    expect(edited.stdout).toMatch(/not a distribution document|does not hold together|No distribution/);
  }, 60_000);

  it("the issuer's steps: plan at the latest indexed block (refusals first), sign, record the distributor's id", async () => {
    await syncToHead({ db: database.db, client: client as never, contracts: d, confirmations: 0 });
    await client.request({ method: "evm_mine" as never, params: [] as never });
    const base = {
      client,
      deployments: d,
      issuer: issuer.address,
      token,
      kind: "sale_proceeds" as const,
      amount: 500n * CENT,
      recordBlock: "now" as const,
      claimDays: 10,
      treeURI: (id: string) => `https://atelier.test/distributions/${id}/tree.json`,
    };
    expect(await planDistribution(database.db, { ...base, issuer: b.address })).toEqual({
      ok: false,
      code: "not_issuer",
    });
    expect(await planDistribution(database.db, { ...base, amount: 500n * CENT + 1n })).toEqual({
      ok: false,
      code: "invalid_amount",
    });
    expect(await planDistribution(database.db, { ...base, claimDays: 7 })).toEqual({
      ok: false,
      code: "invalid_window",
    });
    expect(await planDistribution(database.db, { ...base, recordBlock: 10_000_000n })).toEqual({
      ok: false,
      code: "record_block_future",
    });
    // One cent over 400/400/200 shares: every share rounds down to 0 cents — refused in words, not "unavailable".
    expect(await planDistribution(database.db, { ...base, amount: CENT })).toEqual({
      ok: false,
      code: "amount_too_small",
    });
    const plan = await planDistribution(database.db, base);
    if (!plan.ok) throw new Error(plan.code);
    // After the record block of the first one: a holds 400, b 400, c 200 (frozen, still entitled).
    expect(plan.holders).toBe(3);
    expect(plan.dust).toBe(0n);
    expect(plan.treeURI).toMatch(plan.id);
    await tc.send(
      tc.wallet(devAccount(0)).writeContract({
        address: d.paymentToken,
        abi: hKDStablecoinAbi,
        functionName: "mint",
        args: [issuer.address, plan.terms.amount],
      }),
    );
    await tc.send(
      tc.wallet(issuer).writeContract({
        address: d.paymentToken,
        abi: hKDStablecoinAbi,
        functionName: "approve",
        args: [d.distributor!, plan.terms.amount],
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
    const txHash = receipt.transactionHash;
    expect(
      await recordDistributionCreated(database.db, { client, deployments: d, issuer: b.address, id: plan.id, txHash }),
    ).toEqual({ ok: false, code: "not_issuer" });
    // Two records of the same transaction at once (a retried step): one records it, the other is told it is done.
    const record = () =>
      recordDistributionCreated(database.db, { client, deployments: d, issuer: issuer.address, id: plan.id, txHash });
    const both = await Promise.all([record(), record()]);
    expect(both).toContainEqual({ ok: true, onChainId: onChainId + 1n });
    expect(both).toContainEqual({ ok: false, code: "already_recorded" });
    expect(
      await recordDistributionCreated(database.db, {
        client,
        deployments: d,
        issuer: issuer.address,
        id: plan.id,
        txHash,
      }),
    ).toEqual({ ok: false, code: "already_recorded" });
    // a now has entitlements in both distributions, with claim arguments as plain strings.
    const claims = await claimsOf(database.db, a.address);
    expect(claims.map((x) => x.onChainId).sort()).toEqual([onChainId.toString(), (onChainId + 1n).toString()]);
    expect(claims.find((x) => x.distributionId === plan.id)?.amount).toBe((200n * CENT).toString());
    // Each of the three entitled holders was told once (the two concurrent records notified once).
    const told = await database.db
      .select({ dedupeKey: notifications.dedupeKey })
      .from(notifications)
      .where(like(notifications.dedupeKey, `distribution:${plan.id}:%`));
    expect(told).toHaveLength(3);
    expect((await listNotifications(database.db, { address: a.address, locale: "en" }))[0]?.link).toBe("/portfolio");
  });

  it("a holder claims both its entitlements in one signature (claimMany), recorded as one audited claim", async () => {
    const rows = await listWalletClaims(database.db, a.address);
    expect(rows).toHaveLength(2);
    const before = await hkd(a.address);
    const receipt = await tc.send(
      tc.wallet(a).writeContract({
        address: d.distributor!,
        abi: distributorAbi,
        functionName: "claimMany",
        args: [
          rows.map((r) => BigInt(r.onChainId)),
          rows.map((r) => BigInt(r.index)),
          rows.map((r) => r.holder),
          rows.map((r) => BigInt(r.amount)),
          rows.map((r) => r.proof),
        ],
      }),
    );
    // HK$50.00 of the first distribution and HK$2.00 of the second.
    expect((await hkd(a.address)) - before).toBe(5_200n * CENT);
    const recorded = await recordClaim(database.db, {
      client,
      deployments: d,
      wallet: a.address,
      txHash: receipt.transactionHash,
    });
    if (!recorded.ok) throw new Error(recorded.code);
    expect(recorded.claims.map((c) => c.amount).sort()).toEqual(
      [(200n * CENT).toString(), (5_000n * CENT).toString()].sort(),
    );
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "distribution.claim"), eq(auditLog.txHash, receipt.transactionHash.toLowerCase())),
      );
    expect((entry!.after as { function: string; total: string }).function).toBe("claimMany");
    expect((entry!.after as { total: string }).total).toBe((5_200n * CENT).toString());
    expect(entry!.subjectId.split(",")).toHaveLength(2);
  });
});
