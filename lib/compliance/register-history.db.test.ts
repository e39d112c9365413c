/**
 * The register at a past block built from the indexer equals what the chain said at that block (historical eth_call
 * on anvil, which keeps every state), through transfers, mints with lock-ups (running and expired), partial
 * freezes and unfreezes, wallet freezes, forced transfers that trim lock-up and frozen parts, a recovery carrying
 * the freeze flag, frozen part and lock-up, a burn, KYC expiry passing and a renewal, links and unlinks (the
 * remembered investor id), pause, and a rules change — at every block since the token exists, so an event that
 * changes the register but is not followed by the indexer's snapshot shows as a difference. Also: a database
 * indexed before the snapshots existed catches up once (backfill) and then gives the same registers.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  type Address,
  encodeFunctionData,
  type Hex,
  keccak256,
  parseEventLogs,
  type PublicClient,
  stringToHex,
} from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artworkShareTokenAbi, enforcementDeskAbi, identityRegistryAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import type { Deployments } from "@/lib/chain/deployments";
import { devAccount, offeringMinter, startTestChain, type TestChain } from "@/lib/chain/local/test-chain";
import { chainEvents, indexerCursor, tokenStates, tokenWalletStates } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import {
  getIndexerCoverage,
  INDEXER_EVENTS_VERSION,
  type IndexerOptions,
  syncOnce,
  syncToHead,
} from "@/lib/indexer/projections";
import { TOKEN_REGISTER_EVENTS } from "./indexed-events";
import { compareRegisters } from "./register";
import { readChainRegister } from "./register-chain";
import { readIndexedRegister } from "./register-history";
import { joinRegister } from "./register-query";

const acct = devAccount;
const officer = acct(1);
/** The second compliance agent: confirms a professional registration the officer proposes (four eyes on-chain). */
const secondOfficer = acct(2);
const issuer = acct(3);
const [a1, b, c, a2, d1, d2] = [
  acct(5).address,
  acct(6).address,
  acct(7).address,
  acct(8).address,
  acct(9).address,
  acct(10).address,
];
const id = (s: string): Hex => keccak256(stringToHex(`investor-${s}`));
const DAY = 86_400;

let tc: TestChain;
let d: Deployments;
let client: PublicClient;
let token: Address;
let database: TestDatabase;
let deployBlock: bigint;
/** Blocks at which the register is compared, with what each is meant to exercise. */
const checkpoints: { block: bigint; label: string }[] = [];

const wallet = (account: ReturnType<typeof acct>) => tc.wallet(account);
const rpc = (method: string, params: unknown[] = []) =>
  client.request({ method: method as never, params: params as never }) as Promise<unknown>;
async function send(p: Promise<Hex>) {
  const receipt = await client.waitForTransactionReceipt({ hash: await p });
  expect(receipt.status).toBe("success");
  return receipt;
}
async function chainTime(): Promise<number> {
  return Number((await client.getBlock()).timestamp);
}
async function passTime(seconds: number) {
  await rpc("evm_increaseTime", [seconds]);
  await rpc("evm_mine");
}
async function checkpoint(label: string) {
  checkpoints.push({ block: await client.getBlockNumber({ cacheTime: 0 }), label });
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
/** A wallet joins a professional investor's record on two agents' word: one proposes, the second confirms. */
async function link(wallet_: Hex, investorId: Hex) {
  await reg("proposeLink", [wallet_, investorId]);
  await send(
    wallet(secondOfficer).writeContract({
      address: d.identityRegistry,
      abi: identityRegistryAbi,
      functionName: "confirmLink",
      args: [wallet_, investorId],
    }),
  );
}
/** Moving or burning shares goes through the enforcement desk: the officer proposes, the second officer executes. */
async function desk(fn: string, args: readonly unknown[]) {
  const data = encodeFunctionData({ abi: artworkShareTokenAbi, functionName: fn as never, args: args as never });
  const proposed = await send(
    wallet(officer).writeContract({
      address: d.enforcementDesk!,
      abi: enforcementDeskAbi,
      functionName: "propose",
      args: [token, data],
    }),
  );
  const [event] = parseEventLogs({ abi: enforcementDeskAbi, logs: proposed.logs, eventName: "EnforcementProposed" });
  return send(
    wallet(secondOfficer).writeContract({
      address: d.enforcementDesk!,
      abi: enforcementDeskAbi,
      functionName: "execute",
      args: [event!.args.id, token, data],
    }),
  );
}
const reg = (fn: string, args: readonly unknown[]) =>
  send(
    wallet(officer).writeContract({
      address: d.identityRegistry,
      abi: identityRegistryAbi,
      functionName: fn as never,
      args: args as never,
    }),
  );

function indexer(db = database.db, extra: Partial<IndexerOptions> = {}): IndexerOptions {
  return { db, client: client as never, contracts: d, confirmations: 0, chunkSize: 6n, ...extra };
}

/** The indexer's register at `block`, in the shape of the chain's. */
async function fromIndexer(block: bigint, db = database.db) {
  const blockTime = Number((await client.getBlock({ blockNumber: block })).timestamp);
  return readIndexedRegister({ db, token, registry: d.identityRegistry, blockNumber: block, blockTime });
}

async function expectSameRegister(block: bigint, label: string, db = database.db) {
  const [chainSaid, built] = await Promise.all([
    readChainRegister({ client: client as never, token, blockNumber: block }),
    fromIndexer(block, db),
  ]);
  const pick = (r: {
    totalSupply: bigint;
    holderCount: number;
    holderWalletCount: number;
    paused: boolean;
    blockTime: number;
  }) => ({
    totalSupply: r.totalSupply,
    holderCount: r.holderCount,
    holderWalletCount: r.holderWalletCount,
    paused: r.paused,
    blockTime: r.blockTime,
  });
  expect(pick(built), `${label} (block ${block}): header`).toEqual(pick(chainSaid));
  // Same wallets (the indexer's in wallet order) with the same state.
  const byWallet = [...chainSaid.holders].sort((x, y) => x.wallet.toLowerCase().localeCompare(y.wallet.toLowerCase()));
  expect(built.holders, `${label} (block ${block}): holders`).toEqual(byWallet);
  expect(built.maxHolders, `${label}: max holders`).toBe(chainSaid.maxHolders);
  // The console's cross-check agrees, and would name a wallet whose row differed.
  const rows = joinRegister(built.holders, built.totalSupply, new Map());
  expect(compareRegisters({ ...built, rows }, chainSaid)).toEqual([]);
  if (rows[0])
    expect(
      compareRegisters(
        { ...built, rows: [{ ...rows[0], frozenAmount: rows[0].frozenAmount + 1n }, ...rows.slice(1)] },
        chainSaid,
      ),
    ).toEqual([rows[0].wallet.toLowerCase()]);
  return built;
}

beforeAll(async () => {
  tc = await startTestChain({ agents: [officer, secondOfficer], issuers: [issuer] });
  client = tc.client;
  d = tc.deployments;
  database = await createTestDatabase();
  const deployed = await send(
    wallet(issuer).writeContract({
      address: d.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "deployToken",
      args: [
        "History Test",
        "HST",
        1_000_000n,
        {
          allowedCountries: [],
          eligibleCategories: 14,
          maxHolders: 10,
          maxBalancePerInvestor: 0n,
          lockupSeconds: BigInt(DAY),
        },
        "http://x/m.json",
        keccak256(stringToHex("meta")),
      ],
    }),
  );
  deployBlock = deployed.blockNumber;
  [token] = (await client.readContract({
    address: d.shareTokenFactory,
    abi: shareTokenFactoryAbi,
    functionName: "tokens",
    args: [0n, 10n],
  })) as [Address];
  const minter = await offeringMinter(tc.url, d.primaryOffering);
  const mint = (to: Address, amount: bigint) =>
    send(minter.writeContract({ address: token, abi: artworkShareTokenAbi, functionName: "mint", args: [to, amount] }));

  // ---- The story the register goes through (each checkpoint names what it exercises).
  const t0 = await chainTime();
  const far = BigInt(t0 + 365 * DAY);
  await reg("registerInvestor", [a1, id("a"), 344, 1, far]);
  await reg("registerInvestor", [b, id("b"), 344, 1, far]);
  await reg("registerInvestor", [c, id("c"), 344, 1, BigInt(t0 + 3 * DAY)]); // KYC expires in three days
  await reg("proposeRegistration", [d1, id("d"), 344, 2, far]); // professional: proposed, then confirmed by another
  await send(
    wallet(secondOfficer).writeContract({
      address: d.identityRegistry,
      abi: identityRegistryAbi,
      functionName: "confirmProposal",
      args: [id("d"), d1, 344, 2, far],
    }),
  );
  await mint(a1, 100n);
  await mint(b, 50n);
  await checkpoint("mints with a running lock-up");
  await passTime(2 * DAY);
  await checkpoint("lock-ups over, no event since");
  await tok("transfer", [c, 20n], acct(6));
  await mint(a1, 30n); // a new lot (the first one is over)
  await checkpoint("transfer and a new lock-up");
  await tok("freezePartialShares", [a1, 40n]);
  await tok("unfreezePartialShares", [a1, 10n]);
  await checkpoint("partial freeze and unfreeze");
  await tok("setWalletFrozen", [c, true]);
  await checkpoint("wallet freeze");
  await desk("forcedTransfer", [a1, d1, 90n]); // 130 → 40, frozen 30 + locked 30 > 40: 20 locked shares consumed
  await checkpoint("forced transfer consuming locked shares");
  await desk("forcedTransfer", [a1, d1, 30n]); // 40 → 10: the rest of the lock-up, then 20 frozen shares consumed
  await checkpoint("forced transfer consuming frozen shares");
  await mint(a1, 5n); // a lot of its own next to the emptied one
  await tok("setWalletFrozen", [a1, true]);
  await link(a2, id("a"));
  await desk("recoverWallet", [a1, a2]); // balance 15, freeze flag, frozen 10, the 5-share lot move to a2; a1 stays frozen
  await checkpoint("recovery with freeze flag, frozen part and lock-up");
  await tok("setWalletFrozen", [a2, false]);
  await tok("setWalletFrozen", [c, false]);
  await tok("freezePartialShares", [b, 25n]);
  await desk("burn", [b, 10n]); // 30 → 20 < 25 frozen: 5 frozen shares consumed
  await checkpoint("burn consuming frozen shares");
  await passTime(2 * DAY);
  await checkpoint("KYC of c expired and a2's lock-up over, no event since");
  await reg("updateInvestor", [id("c"), 344, 1, far]);
  await checkpoint("KYC renewed");
  await link(d2, id("d"));
  await tok("transfer", [d2, 50n], acct(9)); // same investor: still one holder
  await checkpoint("second wallet of one investor");
  await reg("unlinkWallet", [d2]);
  await checkpoint("holding wallet unlinked (not verified, balance still accounted to d)");
  await reg("registerInvestor", [d2, id("e"), 344, 1, far]);
  await checkpoint("holding wallet relinked to another investor (id remembered)");
  await tok("transfer", [d2, 5n], acct(9)); // still accounted to d (d → d): e does not become a holder
  await checkpoint("transfer into the relinked wallet");
  await tok("pause", []);
  await checkpoint("paused");
  await tok("unpause", []);
  await tok("transfer", [b, 55n], acct(10)); // d2 leaves
  await tok("transfer", [d2, 10n], acct(9)); // d2 holds again: now accounted to e
  await checkpoint("wallet re-enters under its new investor");
  await tok(
    "setRules",
    [
      {
        allowedCountries: [],
        eligibleCategories: 14,
        maxHolders: 20,
        maxBalancePerInvestor: 0n,
        lockupSeconds: BigInt(DAY),
      },
    ],
    issuer,
  );
  await tok("transfer", [a2, 0n], acct(6)); // a zero transfer changes nothing
  await checkpoint("rules changed");
}, 240_000);

afterAll(async () => {
  await database?.close();
  await tc?.stop();
});

describe("register at a past block from the indexer", () => {
  it("equals what the chain said at every checkpoint", async () => {
    await syncToHead(indexer());
    const coverage = await getIndexerCoverage(database.db);
    expect(coverage?.completeThrough).toBe(await client.getBlockNumber({ cacheTime: 0 }));
    // A database indexed from the start with the current event set needs no backfill.
    expect((await database.db.select().from(indexerCursor))[0]).toMatchObject({
      eventsVersion: INDEXER_EVENTS_VERSION,
      backfillTo: null,
      backfillCursor: null,
    });
    const seen: Record<string, Awaited<ReturnType<typeof expectSameRegister>>> = {};
    for (const cp of checkpoints) seen[cp.label] = await expectSameRegister(cp.block, cp.label);

    // The scenario really went through the cases it names (a projection that ignored them would not pass above).
    const h = (label: string, w: Address) => seen[label]!.holders.find((x) => x.wallet === w);
    expect(h("mints with a running lock-up", a1)).toMatchObject({ lockedAmount: 100n });
    expect(h("lock-ups over, no event since", a1)).toMatchObject({ lockedAmount: 0n, lockedUntil: 0 });
    expect(h("forced transfer consuming locked shares", a1)).toMatchObject({
      shares: 40n,
      frozenAmount: 30n,
      lockedAmount: 10n,
    });
    expect(h("forced transfer consuming frozen shares", a1)).toMatchObject({
      shares: 10n,
      frozenAmount: 10n,
      lockedAmount: 0n,
    });
    expect(h("recovery with freeze flag, frozen part and lock-up", a2)).toMatchObject({
      shares: 15n,
      frozen: true,
      frozenAmount: 10n,
      lockedAmount: 5n,
      investorId: id("a"),
    });
    expect(h("recovery with freeze flag, frozen part and lock-up", a1)).toBeUndefined();
    expect(h("burn consuming frozen shares", b)).toMatchObject({ shares: 20n, frozenAmount: 20n });
    expect(h("KYC of c expired and a2's lock-up over, no event since", c)).toMatchObject({ verified: false });
    expect(h("KYC of c expired and a2's lock-up over, no event since", a2)).toMatchObject({ lockedAmount: 0n });
    expect(h("KYC renewed", c)).toMatchObject({ verified: true });
    expect(seen["second wallet of one investor"]!.holderCount).toBe(
      seen["second wallet of one investor"]!.holderWalletCount - 1,
    );
    expect(h("holding wallet unlinked (not verified, balance still accounted to d)", d2)).toMatchObject({
      verified: false,
      investorId: id("d"),
    });
    expect(h("holding wallet relinked to another investor (id remembered)", d2)).toMatchObject({
      verified: true,
      investorId: id("d"),
    });
    expect(h("transfer into the relinked wallet", d2)).toMatchObject({ shares: 55n, investorId: id("d") });
    expect(seen["transfer into the relinked wallet"]!.holderCount).toBe(
      seen["holding wallet relinked to another investor (id remembered)"]!.holderCount,
    );
    expect(seen.paused!.paused).toBe(true);
    expect(h("wallet re-enters under its new investor", d2)).toMatchObject({ shares: 10n, investorId: id("e") });
    expect(seen["rules changed"]!.maxHolders).toBe(20);
    expect(seen["lock-ups over, no event since"]!.maxHolders).toBe(10); // the deployment's rules: initialize emits them

    // Every block since the token exists, not only the checkpoints.
    const last = checkpoints.at(-1)!.block;
    for (let n = deployBlock; n <= last; n++) await expectSameRegister(n, "every block");
  }, 120_000);

  it("catches up once on a database indexed before the agent events (backfill), idempotently", async () => {
    const old = await createTestDatabase();
    try {
      // A database as an earlier indexer left it: the same events minus the agent events and no register
      // snapshots, cursor at event set 1.
      await syncToHead(indexer(old.db));
      const before = await old.db.select({ n: sql<number>`count(*)::int` }).from(chainEvents);
      await old.db.delete(chainEvents).where(inArray(chainEvents.eventName, [...TOKEN_REGISTER_EVENTS]));
      await old.db.delete(tokenStates);
      await old.db.delete(tokenWalletStates);
      await old.db.update(indexerCursor).set({ eventsVersion: 1, backfillTo: null, backfillCursor: null });
      const [cursor] = await old.db.select().from(indexerCursor);
      expect(await getIndexerCoverage(old.db)).toMatchObject({ completeThrough: null });

      // New blocks arrive meanwhile: the live cursor moves on while the history is re-read chunk by chunk.
      await tok("freezePartialShares", [c, 1n]);
      await checkpoint("after the upgrade");
      const step = await syncOnce(indexer(old.db));
      expect(step.cursor).toBeGreaterThan(cursor!.blockNumber);
      expect(step.backfill).toMatchObject({ to: cursor!.blockNumber });
      const midway = await getIndexerCoverage(old.db);
      expect(midway?.backfill).not.toBeNull();
      expect(midway!.completeThrough!).toBeLessThan(cursor!.blockNumber);

      await syncToHead(indexer(old.db));
      const [after] = await old.db.select().from(indexerCursor);
      expect(after).toMatchObject({ eventsVersion: INDEXER_EVENTS_VERSION, backfillTo: null, backfillCursor: null });
      expect((await getIndexerCoverage(old.db))?.completeThrough).toBe(after!.blockNumber);
      // Same rows as a database that always had the new events (keys compared), none twice.
      await syncToHead(indexer());
      const keys = async (db: typeof old.db) =>
        (await db.select({ k: sql<string>`${chainEvents.txHash} || ':' || ${chainEvents.logIndex}` }).from(chainEvents))
          .map((r) => r.k)
          .sort();
      expect(await keys(old.db)).toEqual(await keys(database.db));
      expect((await keys(old.db)).length).toBeGreaterThan(before[0]!.n);
      for (const cp of checkpoints) await expectSameRegister(cp.block, `backfilled: ${cp.label}`, old.db);

      // Running again (or a second worker after a crash re-reading a chunk) inserts nothing.
      await old.db.update(indexerCursor).set({ backfillTo: after!.blockNumber, backfillCursor: d.startBlock - 1n });
      const again = await syncToHead(indexer(old.db));
      expect(again.inserted).toBe(0);
      expect(await keys(old.db)).toEqual(await keys(database.db));
    } finally {
      await old.close();
    }
  }, 120_000);

  it("a reorg under a pending backfill lowers its end; the live cursor re-reads the rest", async () => {
    await syncToHead(indexer());
    const forkedAt = await client.getBlockNumber({ cacheTime: 0 });
    const snapshot = (await rpc("evm_snapshot")) as Hex;
    await tok("freezePartialShares", [c, 1n]);
    await tok("unfreezePartialShares", [c, 1n]);
    await syncToHead(indexer());
    const [row] = await database.db.select().from(indexerCursor);
    // Pretend a backfill to the current cursor is pending, then the chain forgets the last blocks.
    await database.db
      .update(indexerCursor)
      .set({ backfillTo: row!.blockNumber, backfillCursor: row!.blockNumber - 1n });
    await rpc("evm_revert", [snapshot]);
    await rpc("evm_mine"); // the forgotten freeze's block is now empty: its register snapshot must go
    await tok("setWalletFrozen", [c, true]);
    await tok("setWalletFrozen", [c, false]);
    await rpc("evm_mine");
    const r = await syncToHead(indexer());
    expect(r.reorgedTo).toBeDefined();
    const [after] = await database.db.select().from(indexerCursor);
    expect(after).toMatchObject({ backfillTo: null, backfillCursor: null });
    const stale = await database.db
      .select()
      .from(chainEvents)
      .where(
        and(
          eq(chainEvents.token, token.toLowerCase()),
          eq(chainEvents.eventName, "SharesFrozen"),
          sql`${chainEvents.args}->>'amount' = '1'`,
        ),
      );
    expect(stale.length).toBe(1); // only "after the upgrade"'s freeze: the reverted one is gone
    const head = await client.getBlockNumber({ cacheTime: 0 });
    for (let n = forkedAt; n <= head; n++) await expectSameRegister(n, "after the reorg");
  }, 60_000);
});
