/**
 * Faults, double submission: the same step posted twice at the same moment (two tabs, a double click, a retry racing
 * the first request) has its effect exactly once. On PostgreSQL when one answers (real concurrent transactions),
 * else on PGlite (which runs them one after the other).
 *
 * - an issuer's deploy recorded as sent: the same hash twice → one pending record and one audit entry; two different
 *   hashes → one waits, the other is refused as "a deploy is already waiting" (never a second pending deploy);
 * - its confirmation twice → the token recorded once, one audit entry;
 * - a compliance officer's KYC decision posted twice at once → one decision, one audit entry, the other refused.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { encodeFunctionData, type Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shareTokenFactoryAbi } from "@/lib/chain/abis";
import { devAccount, startTestChain, type TestChain } from "@/lib/chain/local/test-chain";
import type { DatabaseHandle } from "@/lib/db/connect";
import { artworks, auditLog, kycApplications, listingTransactions } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/db/testing";
import { type ChainDeps, confirmListingTx, recordSentTx } from "@/lib/issuer/chain-steps";
import { createListing, ListingError } from "@/lib/issuer/listings";
import { applyTransition, getOrCreateDraft } from "@/lib/kyc/applications";
import { createProxiedDatabase, postgresAnswers } from "./postgres";
import { listingFormInput } from "@/lib/issuer/listing-fixture";

const onPostgres = await postgresAnswers();
const issuer = devAccount(3);
const LUMEN = issuer.address.toLowerCase();

let tc: TestChain;
let h: DatabaseHandle;
let deps: ChainDeps;

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof ListingError ? e.code : `error: ${e instanceof Error ? e.message : String(e)}`),
  );

async function approvedListing() {
  const listing = await createListing(h.db, {
    issuer: LUMEN,
    input: listingFormInput({
      title: "Harbour at Dusk",
      artist: "Lam Wing-sze",
      year: "2019",
      descriptionMd: "Two fields of colour.",
    }),
  });
  const metadataHash = `0x${createHash("sha256").update(randomBytes(16)).digest("hex")}` as Hex;
  await h.db
    .update(artworks)
    .set({ status: "approved", metadataHash, metadataUri: "http://x/metadata.json" })
    .where(eq(artworks.id, listing.id));
  return { id: listing.id, metadataHash };
}

const sendDeploy = (metadataHash: Hex, nonce?: number) =>
  tc.wallet(issuer).sendTransaction({
    to: tc.deployments.shareTokenFactory,
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
    ...(nonce === undefined ? {} : { nonce }),
  });

const audits = (action: string, subjectId: string) =>
  h.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)));

beforeAll(async () => {
  [tc, h] = await Promise.all([
    startTestChain({ issuers: [issuer] }),
    onPostgres ? createProxiedDatabase() : createTestDatabase(),
  ]);
  deps = { client: tc.client, contracts: tc.deployments, lookupMs: 500 };
}, 120_000);

afterAll(async () => {
  await h?.close();
  await tc?.stop();
});

describe(`faults: the same step submitted twice at once (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("records a sent deploy once, and never two waiting deploys", async () => {
    const rpc = (method: string, params: unknown[] = []) =>
      tc.client.request({ method: method as never, params: params as never });
    const { id, metadataHash } = await approvedListing();
    await rpc("evm_setAutomine", [false]);
    try {
      const nonce = await tc.client.getTransactionCount({ address: issuer.address, blockTag: "pending" });
      const first = await sendDeploy(metadataHash, nonce);
      // The same hash posted twice at once: one pending record, one audit entry, both answered with it.
      const same = await Promise.all([
        outcome(recordSentTx(h.db, deps, { id, issuer: LUMEN, kind: "deploy", txHash: first })),
        outcome(recordSentTx(h.db, deps, { id, issuer: LUMEN, kind: "deploy", txHash: first })),
      ]);
      expect(same).toEqual(["ok", "ok"]);
      expect(await h.db.select().from(listingTransactions).where(eq(listingTransactions.artworkId, id))).toHaveLength(
        1,
      );
      expect(await audits("listing.deploy.sent", id)).toHaveLength(1);
    } finally {
      await rpc("evm_setAutomine", [true]);
    }
    await rpc("evm_mine");

    // Two different deploys of a second listing posted at once: exactly one waits, the other is refused in words.
    const second = await approvedListing();
    await rpc("evm_setAutomine", [false]);
    try {
      const nonce = await tc.client.getTransactionCount({ address: issuer.address, blockTag: "pending" });
      const a = await sendDeploy(second.metadataHash, nonce);
      const b = await sendDeploy(second.metadataHash, nonce + 1);
      const both = await Promise.all([
        outcome(recordSentTx(h.db, deps, { id: second.id, issuer: LUMEN, kind: "deploy", txHash: a })),
        outcome(recordSentTx(h.db, deps, { id: second.id, issuer: LUMEN, kind: "deploy", txHash: b })),
      ]);
      expect([...both].sort()).toEqual(["ok", "tx_already_pending"]);
      const waiting = await h.db
        .select()
        .from(listingTransactions)
        .where(and(eq(listingTransactions.artworkId, second.id), eq(listingTransactions.status, "pending")));
      expect(waiting).toHaveLength(1);
      expect(await audits("listing.deploy.sent", second.id)).toHaveLength(1);
    } finally {
      await rpc("evm_setAutomine", [true]);
    }
    await rpc("evm_mine");

    // The first listing's deploy confirmed twice at once (the client and a page load): the token is recorded once.
    const confirmations = await Promise.all([
      confirmListingTx(h.db, deps, { id, issuer: LUMEN, txHash: (await listingTx(id)).txHash as Hex }),
      confirmListingTx(h.db, deps, { id, issuer: LUMEN, txHash: (await listingTx(id)).txHash as Hex }),
    ]);
    expect(confirmations.filter((c) => c.recorded)).toHaveLength(1);
    expect(await audits("listing.token_deployed", id)).toHaveLength(1);
    const [row] = await h.db.select().from(artworks).where(eq(artworks.id, id));
    expect(row?.status).toBe("deployed");
  });
});

describe("faults: a KYC decision submitted twice at once", () => {
  it("decides once and audits once", async () => {
    const officer = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    const { app } = await getOrCreateDraft(h.db, { address: "0x1111111111111111111111111111111111111112" });
    const [inReview] = await h.db
      .update(kycApplications)
      .set({ status: "in_review", submittedAt: new Date(), data: { category: { category: "retail" } } as never })
      .where(eq(kycApplications.id, app.id))
      .returning();
    const reject = () =>
      applyTransition(h.db, {
        app: inReview!,
        event: { type: "reject" },
        actor: officer,
        actorRole: "compliance",
        set: { rejectionReason: "The address document is older than three months.", decidedBy: officer },
      });
    const results = await Promise.all([reject(), reject()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: "conflict" });
    expect(await audits("kyc.reject", app.id)).toHaveLength(1);
    const [row] = await h.db.select().from(kycApplications).where(eq(kycApplications.id, app.id));
    expect(row?.status).toBe("rejected");
  });
});

async function listingTx(artworkId: string) {
  const [row] = await h.db.select().from(listingTransactions).where(eq(listingTransactions.artworkId, artworkId));
  return row!;
}
