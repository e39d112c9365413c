/**
 * Unlinking a wallet (issue 19 §3) against a real anvil chain and a real database: the investor asks from another of
 * their wallets; a wallet holding shares or with open orders is refused with the holdings and orders named, at the
 * investor's request and again when the officer plans the unlink; the officer's transaction is verified before the
 * wallet leaves the investor's records; every step is audited.
 */
import { eq } from "drizzle-orm";
import { type Address, type Hex, keccak256, parseEventLogs, stringToHex } from "viem";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { artworkShareTokenAbi, identityRegistryAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import { devAccount, offeringMinter, startTestChain, type TestChain } from "@/lib/chain/local/test-chain";
import { artworks, auditLog, investors, investorWallets, marketOrders, walletUnlinkRequests } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { resetServerEnv } from "@/lib/env";

const officer = devAccount(1);
const issuer = devAccount(3);
const main = devAccount(5);
const second = devAccount(14);
const third = devAccount(15);
const onChainId = keccak256(stringToHex("investor-unlink")) as Hex;

let tc: TestChain;
let t: TestDatabase;
let unlinks: typeof import("./wallet-unlinks");
let investorId: string;
let token: Address;

const send = async (hash: Promise<Hex>) => (await tc.send(hash)).transactionHash;
const registry = () => ({ address: tc.deployments.identityRegistry, abi: identityRegistryAbi }) as const;
const lower = (a: string) => a.toLowerCase();

beforeAll(async () => {
  tc = await startTestChain({ agents: [officer], issuers: [issuer] });
  const expiry = BigInt(Math.floor(Date.now() / 1000) + 365 * 86_400);
  const off = tc.wallet(officer);
  await send(
    off.writeContract({
      ...registry(),
      functionName: "registerInvestor",
      args: [main.address, onChainId, 344, 1, expiry],
    }),
  );
  for (const w of [second, third])
    await send(off.writeContract({ ...registry(), functionName: "linkWallet", args: [w.address, onChainId] }));
  const deployed = await tc.send(
    tc.wallet(issuer).writeContract({
      address: tc.deployments.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "deployToken",
      args: [
        "Harbour at Dusk",
        "HAD3",
        1_000n,
        {
          allowedCountries: [],
          eligibleCategories: 14,
          maxHolders: 1000,
          maxBalancePerInvestor: 1_000n,
          lockupSeconds: 0n,
        },
        "ipfs://x",
        `0x${"11".repeat(32)}`,
      ],
    }),
  );
  token = parseEventLogs({ abi: shareTokenFactoryAbi, logs: deployed.logs, eventName: "TokenDeployed" })[0]!.args.token;
  const minter = await offeringMinter(tc.url, tc.deployments.primaryOffering);
  await send(
    minter.writeContract({
      address: token,
      abi: artworkShareTokenAbi,
      functionName: "mint",
      args: [second.address, 40n],
    }),
  );

  tc.serveToServer();
  unlinks = await import("./wallet-unlinks");

  t = await createTestDatabase();
  const [inv] = await t.db
    .insert(investors)
    .values({ legalName: "Mei Chan", onChainId, kycStatus: "approved", residence: "HK", category: "retail" })
    .returning();
  investorId = inv!.id;
  await t.db.insert(investorWallets).values([
    { address: lower(main.address), investorId, isPrimary: true },
    { address: lower(second.address), investorId },
    { address: lower(third.address), investorId },
  ]);
  await t.db.insert(artworks).values({
    slug: "harbour-at-dusk",
    issuerAddress: lower(issuer.address),
    title: "Harbour at Dusk",
    artist: "Test",
    tokenAddress: lower(token),
  });
  // An open bid of the third wallet, as the indexer records it.
  await t.db.insert(marketOrders).values({
    orderId: "7",
    token: lower(token),
    maker: lower(third.address),
    side: "bid",
    price: "500000000",
    size: "5",
    filled: "1",
    cancelled: "0",
    status: "open",
    placedBlock: 1n,
    placedTx: `0x${"22".repeat(32)}`,
    placedAt: new Date(),
  });
}, 180_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  resetServerEnv();
  await t?.close();
  await tc?.stop();
});

describe("unlinking a wallet", () => {
  it("never unlinks the signed-in wallet, nor a wallet of someone else", async () => {
    expect(await unlinks.requestUnlink(t.db, { investorId, wallet: main.address, target: main.address })).toMatchObject(
      { ok: false, code: "signed_in_wallet" },
    );
    expect(
      await unlinks.requestUnlink(t.db, { investorId, wallet: main.address, target: devAccount(16).address }),
    ).toMatchObject({ ok: false, code: "not_yours" });
  });

  it("refuses a wallet that holds shares, naming them", async () => {
    const r = await unlinks.requestUnlink(t.db, { investorId, wallet: main.address, target: second.address });
    expect(r).toMatchObject({
      ok: false,
      code: "wallet_in_use",
      exposure: { holdings: [{ token: lower(token), title: "Harbour at Dusk", shares: 40n }], orders: [] },
    });
  });

  it("refuses a wallet with an open order, naming it", async () => {
    const r = await unlinks.requestUnlink(t.db, { investorId, wallet: main.address, target: third.address });
    expect(r).toMatchObject({
      ok: false,
      code: "wallet_in_use",
      exposure: { holdings: [], orders: [{ orderId: "7", side: "bid", remaining: 4n, title: "Harbour at Dusk" }] },
    });
    expect(await t.db.select().from(walletUnlinkRequests)).toHaveLength(0);
  });

  it("records the request once the wallet is empty, and the officer's plan re-checks the holdings", async () => {
    await t.db.update(marketOrders).set({ status: "cancelled", cancelled: "4" }).where(eq(marketOrders.orderId, "7"));
    const r = await unlinks.requestUnlink(t.db, { investorId, wallet: main.address, target: third.address });
    if (!r.ok) throw new Error(r.code);
    expect(
      await unlinks.requestUnlink(t.db, { investorId, wallet: main.address, target: third.address }),
    ).toMatchObject({ ok: false, code: "already_requested" });

    // Shares arrive after the request: the officer's plan refuses, naming them.
    const minter = await offeringMinter(tc.url, tc.deployments.primaryOffering);
    await send(
      minter.writeContract({
        address: token,
        abi: artworkShareTokenAbi,
        functionName: "mint",
        args: [third.address, 2n],
      }),
    );
    expect(await unlinks.planUnlink(t.db, { id: r.request.id })).toMatchObject({
      ok: false,
      code: "wallet_in_use",
      exposure: { holdings: [{ shares: 2n }] },
    });
    await send(
      tc.wallet(third).writeContract({
        address: token,
        abi: artworkShareTokenAbi,
        functionName: "transfer",
        args: [main.address, 2n],
      }),
    );

    const planned = await unlinks.planUnlink(t.db, { id: r.request.id });
    if (!planned.ok) throw new Error(planned.code);
    expect(planned.plan.wallet).toBe(third.address);

    // The officer's transaction must be this unlink.
    const other = await send(
      tc.wallet(officer).writeContract({
        ...registry(),
        functionName: "linkWallet",
        args: [devAccount(17).address, onChainId],
      }),
    );
    expect(await unlinks.confirmUnlink(t.db, { id: r.request.id, txHash: other, officer: officer.address })).toEqual({
      ok: false,
      code: "tx_not_unlink",
    });
    const hash = await send(
      tc.wallet(officer).writeContract({ ...registry(), functionName: "unlinkWallet", args: [planned.plan.wallet] }),
    );
    expect(await unlinks.confirmUnlink(t.db, { id: r.request.id, txHash: hash, officer: officer.address })).toEqual({
      ok: true,
    });
    const wallets = await t.db.select().from(investorWallets).where(eq(investorWallets.investorId, investorId));
    expect(wallets.map((w) => w.address).sort()).toEqual([lower(main.address), lower(second.address)].sort());
    const [row] = await t.db.select().from(walletUnlinkRequests).where(eq(walletUnlinkRequests.id, r.request.id));
    expect(row).toMatchObject({ status: "unlinked", decidedBy: lower(officer.address), txHash: hash });
  });

  it("audits the request and the unlink in the hash chain", async () => {
    const rows = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectId, investorId));
    expect(rows.map((r) => r.action)).toEqual(["wallet_unlink.request", "wallet_unlink.approve"]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});
