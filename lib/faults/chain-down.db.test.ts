/**
 * Faults, the chain: the node stops answering and comes back (anvil stopped with its state, then started again on
 * the same port and state), while the portal's own modules keep running — no restart, no reset.
 *
 * 1. `/api/health` answers 200 "ok", then 503 "degraded" naming the chain while the node is down, then "ok" again by
 *    itself when the node is back.
 * 2. An issuer's deploy signed and sent, and the node goes down before the server settles it: the pending record
 *    stays (a confirmation attempt fails without marking it failed, even past the time after which an unseen
 *    transaction counts as dropped), and when the node is back the same step settles it — once.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import {
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  type Hex,
  http,
  keccak256,
  type PublicClient,
  stringToHex,
} from "viem";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { shareTokenFactoryAbi } from "@/lib/chain/abis";
import { deployAtelier } from "@/lib/chain/deploy";
import type { Deployments } from "@/lib/chain/deployments";
import { type LocalChain, startAnvil } from "@/lib/chain/local/anvil";
import { devAccount, freePort } from "@/lib/chain/local/test-chain";
import { resetServerChain } from "@/lib/chain/server";
import { artworks, auditLog, listingTransactions } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { resetServerEnv } from "@/lib/env";
import { type ChainDeps, confirmListingTx, recordSentTx, resolvePendingTxs } from "@/lib/issuer/chain-steps";
import { createListing, getOwnedListing, ListingError } from "@/lib/issuer/listings";
import { listingFormInput } from "@/lib/issuer/listing-fixture";

let t: TestDatabase;
vi.mock("@/lib/db", () => ({ getDb: async () => t.db }));

const admin = devAccount(0);
const issuer = devAccount(3);
const LUMEN = issuer.address.toLowerCase();

let port: number;
let statePath: string;
let chain: LocalChain | null = null;
let d: Deployments;
let client: PublicClient;
let deps: ChainDeps;

const url = () => `http://127.0.0.1:${port}`;
const startChain = async () => {
  chain = await startAnvil({ port, statePath, stateIntervalSeconds: 1 });
};
/** The node goes down (anvil writes its state on SIGINT, as `npm start`'s chain does on Ctrl-C). */
const stopChain = async () => {
  await chain?.stop();
  chain = null;
};

beforeAll(async () => {
  port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "atelier-faults-chain-"));
  statePath = path.join(dir, "anvil-state.json");
  await startChain();
  const file = path.join(dir, "31337.json");
  d = await deployAtelier({ rpcUrl: url(), chainId: 31337, account: admin, file });
  // One retry and a short timeout: a refused connection fails fast, as it does for the portal's client.
  client = createPublicClient({
    chain: foundry,
    transport: http(url(), { retryCount: 1, retryDelay: 50 }),
    pollingInterval: 100,
  }) as PublicClient;
  const grant = await createWalletClient({ account: admin, chain: foundry, transport: http(url()) }).writeContract({
    address: d.shareTokenFactory,
    abi: shareTokenFactoryAbi,
    functionName: "grantRole",
    args: [keccak256(stringToHex("ISSUER_ROLE")), issuer.address],
  });
  await client.waitForTransactionReceipt({ hash: grant });
  deps = { client, contracts: d, lookupMs: 200 };
  t = await createTestDatabase();
  vi.stubEnv("RPC_URL", url());
  vi.stubEnv("CHAIN_ID", "31337");
  vi.stubEnv("DEPLOYMENTS_FILE", file);
  vi.stubEnv("INDEXER_MODE", "off");
  resetServerEnv();
  resetServerChain();
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  resetServerEnv();
  resetServerChain();
  await t?.close();
  await stopChain();
});

describe("faults: the chain goes down and comes back", () => {
  it("health says degraded while the node is down and ok again by itself when it returns", async () => {
    const { GET } = await import("@/app/api/health/route");
    const read = async () => {
      const res = await GET();
      return { status: res.status, body: (await res.json()) as { status: string; chain: { ok: boolean } } };
    };
    const before = await read();
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ status: "ok", chain: { ok: true } });

    await stopChain();
    const down = await read();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: "degraded", chain: { ok: false }, database: { ok: true } });

    await startChain();
    // Same modules, same memoised client: nothing restarted or reset.
    const after = await read();
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ status: "ok", chain: { ok: true } });
  });

  it("keeps a signed deploy pending while the node is down, and settles it once when the node returns", async () => {
    const db = t.db;
    const listing = await createListing(db, {
      issuer: LUMEN,
      input: listingFormInput({
        title: "Harbour at Dusk",
        artist: "Lam Wing-sze",
        year: "2019",
        descriptionMd: "Two fields of colour.",
      }),
    });
    const metadataHash = `0x${createHash("sha256").update(randomBytes(16)).digest("hex")}` as Hex;
    await db
      .update(artworks)
      .set({ status: "approved", metadataHash, metadataUri: "http://x/metadata.json" })
      .where(eq(artworks.id, listing.id));

    // The wallet signs and sends; the console records the hash as pending at once.
    const hash = await createWalletClient({ account: issuer, chain: foundry, transport: http(url()) }).sendTransaction({
      to: d.shareTokenFactory,
      data: encodeFunctionData({
        abi: shareTokenFactoryAbi,
        functionName: "deployToken",
        args: [
          "Atelier Test",
          "TST",
          1_000n,
          {
            allowedCountries: [344],
            eligibleCategories: 14,
            maxHolders: 0,
            maxBalancePerInvestor: 0n,
            lockupSeconds: 0n,
          },
          "http://x/metadata.json",
          metadataHash,
        ],
      }),
    });
    await client.waitForTransactionReceipt({ hash });
    await recordSentTx(db, deps, { id: listing.id, issuer: LUMEN, kind: "deploy", txHash: hash });
    // Let anvil write the mined block to its state file before it goes down.
    await new Promise((r) => setTimeout(r, 1_500));

    await stopChain();
    // The server tries to settle while the node is down: it fails as "unavailable" (the action's words: nothing was
    // changed, try again), not as a transaction the network does not know; nothing is marked failed or lost.
    const attempt = await confirmListingTx(db, deps, { id: listing.id, issuer: LUMEN, txHash: hash }).then(
      () => "recorded",
      (e: unknown) => (e instanceof ListingError ? e.code : "error"),
    );
    expect(attempt).toBe("error");
    // A page load an hour later (long past the "dropped" grace period), node still down: still not given up on.
    const later = { ...deps, now: () => Date.now() + 3_600_000 };
    await expect(resolvePendingTxs(db, later, { id: listing.id, issuer: LUMEN })).rejects.toThrow();
    const [row] = await db.select().from(listingTransactions).where(eq(listingTransactions.txHash, hash));
    expect(row).toMatchObject({ status: "pending" });
    expect((await getOwnedListing(db, { id: listing.id, issuer: LUMEN })).tokenAddress).toBeNull();

    // The node is back: the same step resumes and records the token, once.
    await startChain();
    expect(await resolvePendingTxs(db, later, { id: listing.id, issuer: LUMEN })).toBe(true);
    const settled = await getOwnedListing(db, { id: listing.id, issuer: LUMEN });
    expect(settled.status).toBe("deployed");
    expect(settled.tokenAddress).toMatch(/^0x[0-9a-f]{40}$/);
    expect((await confirmListingTx(db, deps, { id: listing.id, issuer: LUMEN, txHash: hash })).recorded).toBe(false);
    const deployed = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "listing.token_deployed"), eq(auditLog.subjectId, listing.id)));
    expect(deployed).toHaveLength(1);
  });
});
