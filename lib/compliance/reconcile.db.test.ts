/**
 * Audit reconciliation against a real anvil chain and a real database: agent transactions whose post-back never came
 * get an audit entry (actor = sender, the reconciliation's reason, source "indexer") once the grace period is over;
 * the normal post-back path never gets a duplicate, whichever of the two comes first or whether they race; registry
 * changes are mirrored into the investor records; calls outside the console's set (a burn) are recorded too.
 */
import { eq, sql } from "drizzle-orm";
import { type Address, type Hex, keccak256, type PublicClient, stringToHex } from "viem";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyAuditChain, writeAudit } from "@/lib/audit";
import { artworkShareTokenAbi, identityRegistryAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import type { Deployments } from "@/lib/chain/deployments";
import { devAccount, offeringMinter, startTestChain, type TestChain } from "@/lib/chain/local/test-chain";
import type { Database } from "@/lib/db/connect";
import { auditLog, indexerCursor, investors, investorWallets } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { resetServerEnv } from "@/lib/env";
import { syncToHead } from "@/lib/indexer/projections";
import { lockAgentTxAudit } from "./agent-audit";
import { RECONCILE_GRACE_MS, RECONCILE_REASON, reconcileAgentAudit } from "./reconcile";

const acct = devAccount;
const officer = acct(1);
const issuer = acct(3);
const [a, b] = [acct(5).address, acct(6).address];
const id = (s: string): Hex => keccak256(stringToHex(`investor-${s}`));

let tc: TestChain;
let t: TestDatabase;
let d: Deployments;
let minter: Awaited<ReturnType<typeof offeringMinter>>;
let client: PublicClient;
let token: Address;
let agent: typeof import("./agent");

const wallet = (account: ReturnType<typeof acct>) => tc.wallet(account);
async function send(p: Promise<Hex>) {
  const hash = await p;
  const receipt = await client.waitForTransactionReceipt({ hash });
  expect(receipt.status).toBe("success");
  return {
    hash,
    time: new Date(Number((await client.getBlock({ blockNumber: receipt.blockNumber })).timestamp) * 1000),
  };
}
const tok = (fn: string, args: readonly unknown[], who = officer) =>
  send(
    wallet(who).writeContract({
      address: token,
      abi: artworkShareTokenAbi,
      functionName: fn as never,
      args: args as never,
    }),
  );
const reg = (fn: string, args: readonly unknown[]) =>
  send(
    wallet(officer).writeContract({
      address: d.identityRegistry,
      abi: identityRegistryAbi,
      functionName: fn as never,
      args: args as never,
    }),
  );

const later = (time: Date, ms = RECONCILE_GRACE_MS + 1_000) => new Date(time.getTime() + ms);
const index = () => syncToHead({ db: t.db, client: client as never, contracts: d, confirmations: 0 });
const reconcile = (now: Date, db: Database = t.db) =>
  reconcileAgentAudit({ db, client: client as never, contracts: d, now });
const entriesOf = (hash: Hex) =>
  t.db
    .select()
    .from(auditLog)
    .where(sql`lower(${auditLog.txHash}) = ${hash.toLowerCase()}`);

/** The portal's post-back, as the server action does it (decode from the chain, then record). */
async function postBack(hash: Hex, reason = "Officer's reason, posted back") {
  const decoded = await agent.decodeAgentTx({ txHash: hash, actor: officer.address });
  if (!decoded.ok) throw new Error(decoded.code);
  return agent.recordAgentTx(t.db, { tx: decoded.tx, txHash: hash, actor: officer.address, reason, ip: "127.0.0.1" });
}

beforeAll(async () => {
  tc = await startTestChain({ agents: [officer], issuers: [issuer] });
  d = tc.deployments;
  client = tc.client;
  await send(
    wallet(issuer).writeContract({
      address: d.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "deployToken",
      args: [
        "Reconcile Test",
        "RCT",
        1_000_000n,
        { allowedCountries: [], eligibleCategories: 14, maxHolders: 0, maxBalancePerInvestor: 0n, lockupSeconds: 0n },
        "http://x/m.json",
        keccak256(stringToHex("meta")),
      ],
    }),
  );
  [token] = (await client.readContract({
    address: d.shareTokenFactory,
    abi: shareTokenFactoryAbi,
    functionName: "tokens",
    args: [0n, 10n],
  })) as [Address];
  minter = await offeringMinter(tc.url, d.primaryOffering);

  // The post-back reads the chain through the server's client, configured from the environment.
  tc.serveToServer();
  agent = await import("./agent");

  t = await createTestDatabase();
  const [inv] = await t.db
    .insert(investors)
    .values({ legalName: "Bo Lam", onChainId: id("b"), kycStatus: "approved", residence: "HK", category: "retail" })
    .returning();
  await t.db.insert(investorWallets).values({ address: b.toLowerCase(), investorId: inv!.id, isPrimary: true });
}, 180_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  resetServerEnv();
  await t?.close();
  await tc?.stop();
});

describe("audit reconciliation", () => {
  let setupTime: Date;

  it("leaves a fresh transaction to the post-back, then records what nobody recorded", async () => {
    const expiry = BigInt(Math.floor(Date.now() / 1000) + 365 * 86_400);
    // Registrations sent straight from a wallet (as a script or a closed tab would leave them).
    await reg("registerInvestor", [a, id("a"), 344, 1, expiry]);
    setupTime = (await reg("registerInvestor", [b, id("b"), 344, 1, expiry])).time;
    await send(
      minter.writeContract({ address: token, abi: artworkShareTokenAbi, functionName: "mint", args: [a, 100n] }),
    ); // a mint is not an agent action
    const freeze = await tok("setWalletFrozen", [a, true]);
    await index();

    // Within the grace period: nothing is written, the post-back still has time.
    expect(await reconcile(later(freeze.time, 60_000))).toMatchObject({ recorded: 0 });
    expect(await t.db.select().from(auditLog)).toHaveLength(0);

    // The post-back comes: its entry, with the officer's reason.
    const posted = await postBack(freeze.hash, "Court order HCMP 1/2026");
    expect(posted.ok).toBe(true);

    // After the grace period: the two registrations get entries; the posted-back freeze does not get a second one.
    const r = await reconcile(later(freeze.time));
    expect(r).toMatchObject({ recorded: 2, failed: 0 });
    expect(await entriesOf(freeze.hash)).toHaveLength(1);
    const found = await t.db.select().from(auditLog).where(eq(auditLog.action, "registry.investor_register"));
    expect(found).toHaveLength(2);
    for (const e of found) {
      expect(e.actor).toBe(officer.address.toLowerCase());
      expect(e.actorRole).toBe("compliance");
      expect(e.after).toMatchObject({
        reason: RECONCILE_REASON,
        source: "indexer",
        contract: "registry",
        function: "registerInvestor",
        events: ["InvestorRegistered", "WalletLinked"],
      });
    }
    expect(found.find((e) => (e.after as { args: { wallet: string } }).args.wallet === b.toLowerCase())).toMatchObject({
      subjectType: "investor",
    });
    // Running again writes nothing; the mark moved on.
    expect(await reconcile(later(freeze.time))).toMatchObject({ recorded: 0 });
    const [cursor] = await t.db.select().from(indexerCursor);
    expect(cursor!.reconciledBlock).toBe(cursor!.blockNumber);
    expect(setupTime.getTime()).toBeLessThanOrEqual(freeze.time.getTime());
  });

  it("records a lost post-back (token and registry), mirrors the registry change, and refuses the late post-back", async () => {
    const part = await tok("freezePartialShares", [a, 5n]);
    const unlink = await reg("unlinkWallet", [b]);
    // Burning is the enforcement desk's (two agents) since the desk: a partial unfreeze stands in as the third action.
    const burn = await tok("unfreezePartialShares", [a, 2n]);
    await index();
    const r = await reconcile(later(burn.time));
    expect(r).toMatchObject({ recorded: 3, alreadyRecorded: 0, failed: 0 });

    const [p] = await entriesOf(part.hash);
    expect(p).toMatchObject({
      actor: officer.address.toLowerCase(),
      action: "token.shares_freeze",
      subjectType: "wallet",
      subjectId: a.toLowerCase(),
    });
    expect(p!.after).toMatchObject({
      reason: RECONCILE_REASON,
      source: "indexer",
      token: token.toLowerCase(),
      function: "freezePartialShares",
      args: { wallet: a.toLowerCase(), amount: "5" },
    });
    const [u] = await entriesOf(unlink.hash);
    expect(u).toMatchObject({ action: "registry.wallet_unlink", subjectType: "investor" });
    expect(await t.db.select().from(investorWallets).where(eq(investorWallets.address, b.toLowerCase()))).toHaveLength(
      0,
    );
    const [bn] = await entriesOf(burn.hash);
    expect(bn).toMatchObject({ action: "token.shares_unfreeze", subjectId: a.toLowerCase() });
    expect(bn!.after).toMatchObject({ function: "unfreezePartialShares", events: ["SharesUnfrozen"] });

    // The browser comes back late: the transaction is already in the audit log.
    expect(await postBack(part.hash)).toEqual({ ok: false, code: "already_recorded" });
    expect(await entriesOf(part.hash)).toHaveLength(1);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("audits a wallet one agent linked on-chain without the wallet's signature, but does not make it the investor's", async () => {
    const stranger = acct(7).address;
    const link = await reg("linkWallet", [stranger, id("b")]);
    await index();
    expect(await reconcile(later(link.time))).toMatchObject({ failed: 0 });
    const [entry] = await entriesOf(link.hash);
    expect(entry).toMatchObject({ action: "registry.wallet_link" });
    // No signed link request: the wallet signs in to nothing of the investor's.
    expect(
      await t.db.select().from(investorWallets).where(eq(investorWallets.address, stranger.toLowerCase())),
    ).toHaveLength(0);
  });

  it("writes one entry when the post-back and the reconciliation race", async () => {
    const txs = [];
    for (let i = 0; i < 4; i++) txs.push(await tok("setWalletFrozen", [a, i % 2 === 1]));
    await index();
    const last = txs.at(-1)!.time;
    // Both at once, for every transaction.
    await Promise.all([...txs.map((x) => postBack(x.hash)), reconcile(later(last))]);
    for (const x of txs) expect(await entriesOf(x.hash)).toHaveLength(1);

    // The narrow window: the post-back's first look finds nothing (the reconciliation's entry is not committed
    // yet), then it waits for the transaction's lock and finds the entry under it.
    const x = await tok("freezePartialShares", [a, 1n]);
    await index();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const holder = t.db.transaction(async (txn) => {
      const tx = txn as unknown as Database;
      expect((await lockAgentTxAudit(tx, { txHash: x.hash })).recorded).toBe(false);
      await writeAudit(tx, {
        actor: officer.address,
        actorRole: "compliance",
        action: "token.shares_freeze",
        subjectType: "wallet",
        subjectId: a.toLowerCase(),
        after: { reason: RECONCILE_REASON, source: "indexer" },
        txHash: x.hash,
      });
      entered();
      await gate;
    });
    await inside;
    const post = postBack(x.hash);
    await new Promise((r) => setTimeout(r, 300));
    release();
    await holder;
    expect(await post).toEqual({ ok: false, code: "already_recorded" });
    expect(await entriesOf(x.hash)).toHaveLength(1);
    expect(await reconcile(later(x.time))).toMatchObject({ recorded: 0 });
    expect(await entriesOf(x.hash)).toHaveLength(1);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});
