/**
 * The issuer console's on-chain steps against a real anvil and a real (PGlite) database: a deploy recorded as
 * pending the moment its hash exists, settled as mined / reverted / dropped / replaced; what the chain shows but
 * the database missed recorded on the next load; every step verified from its receipt and audited with its hash.
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
  http,
  keccak256,
  stringToHex,
  type Address,
  type Hex,
  type PublicClient,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { artworkShareTokenAbi, primaryOfferingAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import { deployAtelier } from "@/lib/chain/deploy";
import type { Deployments } from "@/lib/chain/deployments";
import { startAnvil, type LocalChain } from "@/lib/chain/local/anvil";
import { freePort } from "@/lib/chain/local/test-chain";
import { artworks, auditLog, listingTransactions } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { simplePdf } from "@/scripts/seed/pdf";
import {
  type ChainDeps,
  confirmListingTx,
  getStepTxs,
  recordChainProgress,
  recordSentTx,
  resolvePendingTxs,
} from "./chain-steps";
import { addListingDocument, createListing, getListingDocuments, getOwnedListing, ListingError } from "./listings";
import { deriveGoOnChainProgress } from "./progress";
import { createUpdate, listArtworkUpdates } from "./updates";
import { createLocalStorage } from "@/lib/storage/local";
import type { FileStorage } from "@/lib/storage/storage";
import { listingFormInput } from "@/lib/issuer/listing-fixture";

const MNEMONIC = "test test test test test test test test test test test junk";
const admin = mnemonicToAccount(MNEMONIC, { addressIndex: 0 });
const issuer = mnemonicToAccount(MNEMONIC, { addressIndex: 3 });
const other = mnemonicToAccount(MNEMONIC, { addressIndex: 4 });
const LUMEN = issuer.address.toLowerCase();
const HARBOUR = other.address.toLowerCase();

const input = listingFormInput({
  title: "Harbour at Dusk",
  artist: "Lam Wing-sze",
  year: "2019",
  descriptionMd: "Two fields of colour.",
});

let chain: LocalChain;
let d: Deployments;
let client: PublicClient;
let handle: TestDatabase;
let filesDir: string;
let storage: FileStorage;
let deps: ChainDeps;

const wallet = (account: typeof issuer) => createWalletClient({ account, chain: foundry, transport: http(chain.url) });
const rpc = (method: string, params: unknown[] = []) =>
  client.request({ method: method as never, params: params as never });

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof ListingError) return e.code;
    throw e;
  }
}

/** An approved listing of lumen's with one document, as the review would leave it. */
async function approvedListing() {
  const db = handle.db;
  const listing = await createListing(db, { issuer: LUMEN, input });
  await addListingDocument(db, {
    id: listing.id,
    issuer: LUMEN,
    bytes: simplePdf("Appraisal", [listing.id]),
    title: "Appraisal",
    kind: "appraisal",
    storage,
  });
  const metadataHash = `0x${createHash("sha256").update(randomBytes(16)).digest("hex")}` as Hex;
  await db
    .update(artworks)
    .set({ status: "approved", metadataHash, metadataUri: `http://x/${listing.slug}/metadata.json` })
    .where(eq(artworks.id, listing.id));
  return { id: listing.id, metadataHash };
}

const deployArgs = (metadataHash: Hex, categories = 14) =>
  [
    "Atelier Test",
    "TST",
    1_000_000n,
    {
      allowedCountries: [344],
      eligibleCategories: categories,
      maxHolders: 0,
      maxBalancePerInvestor: 0n,
      lockupSeconds: 0n,
    },
    "http://x/metadata.json",
    metadataHash,
  ] as const;

const sendDeploy = (account: typeof issuer, metadataHash: Hex, extra: { gas?: bigint; nonce?: number } = {}) =>
  wallet(account).sendTransaction({
    to: d.shareTokenFactory,
    data: encodeFunctionData({
      abi: shareTokenFactoryAbi,
      functionName: "deployToken",
      args: deployArgs(metadataHash),
    }),
    ...extra,
  });

async function progressOf(id: string) {
  const listing = await getOwnedListing(handle.db, { id, issuer: LUMEN });
  return deriveGoOnChainProgress({
    client,
    contracts: d,
    issuer: issuer.address,
    metadataHash: listing.metadataHash as Hex,
    knownToken: listing.tokenAddress ? (listing.tokenAddress as Address) : null,
    documents: await getListingDocuments(handle.db, { artworkId: id }),
  });
}

const audits = async (action: string, subjectId: string) =>
  handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)));

beforeAll(async () => {
  chain = await startAnvil({ port: await freePort() });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "atelier-steps-")), "31337.json");
  d = await deployAtelier({ rpcUrl: chain.url, chainId: 31337, account: admin, file });
  client = createPublicClient({ chain: foundry, transport: http(chain.url), pollingInterval: 100 }) as PublicClient;
  for (const who of [issuer, other]) {
    const hash = await wallet(admin).writeContract({
      address: d.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "grantRole",
      args: [keccak256(stringToHex("ISSUER_ROLE")), who.address],
    });
    await client.waitForTransactionReceipt({ hash });
  }
  handle = await createTestDatabase();
  filesDir = mkdtempSync(path.join(tmpdir(), "atelier-steps-files-"));
  storage = createLocalStorage(filesDir);
  deps = { client, contracts: d, lookupMs: 500 };
}, 120_000);
afterAll(async () => {
  await handle?.close();
  await chain?.stop();
});

describe("never deploy twice", () => {
  it("records the deploy as pending from its hash, waits for it, then records the token from the receipt", async () => {
    const db = handle.db;
    const { id, metadataHash } = await approvedListing();
    await rpc("evm_setAutomine", [false]);
    let hash: Hex;
    try {
      hash = await sendDeploy(issuer, metadataHash);
      // Another issuer cannot record it on lumen's listing; lumen can, once.
      expect(await code(recordSentTx(db, deps, { id, issuer: HARBOUR, kind: "deploy", txHash: hash }))).toBe(
        "not_found",
      );
      const row = await recordSentTx(db, deps, { id, issuer: LUMEN, kind: "deploy", txHash: hash });
      expect(row.status).toBe("pending");
      expect(row.nonce).not.toBeNull();
      expect((await audits("listing.deploy.sent", id))[0]?.txHash).toBe(hash.toLowerCase());
      // A second deploy while the first waits is refused (the console never sends it: it waits instead).
      expect(
        await code(recordSentTx(db, deps, { id, issuer: LUMEN, kind: "deploy", txHash: `0x${"ab".repeat(32)}` })),
      ).toBe("tx_already_pending");

      // Still in the mempool: it stays pending, the page shows it waiting.
      expect(await resolvePendingTxs(db, deps, { id, issuer: LUMEN })).toBe(false);
      expect((await getStepTxs(db, { artworkId: id })).deploy).toMatchObject({
        status: "pending",
        txHash: hash.toLowerCase(),
      });
    } finally {
      await rpc("evm_setAutomine", [true]);
    }
    await rpc("evm_mine");
    expect(await resolvePendingTxs(db, deps, { id, issuer: LUMEN })).toBe(true);
    const listing = await getOwnedListing(db, { id, issuer: LUMEN });
    expect(listing.status).toBe("deployed");
    expect(listing.tokenAddress).toMatch(/^0x[0-9a-f]{40}$/);
    const [deployed] = await audits("listing.token_deployed", id);
    expect(deployed?.txHash).toBe(hash.toLowerCase());
    expect(deployed?.after).toMatchObject({ token: listing.tokenAddress, recorded: true, function: "deployToken" });
    expect((await getStepTxs(db, { artworkId: id })).deploy?.status).toBe("confirmed");
    // Confirming it again (the client after the page load did) records nothing twice.
    expect((await confirmListingTx(db, deps, { id, issuer: LUMEN, txHash: hash })).recorded).toBe(false);
    expect(await audits("listing.token_deployed", id)).toHaveLength(1);
    // And the step is done: another deploy is refused before anything is recorded.
    expect(
      await code(recordSentTx(db, deps, { id, issuer: LUMEN, kind: "deploy", txHash: `0x${"cd".repeat(32)}` })),
    ).toBe("step_done");
  });

  it("finds a deploy the console never recorded (the tab closed as the wallet returned) in the node's pending block", async () => {
    const db = handle.db;
    const { id, metadataHash } = await approvedListing();
    await rpc("evm_setAutomine", [false]);
    let hash: Hex;
    try {
      hash = await sendDeploy(issuer, metadataHash);
      await resolvePendingTxs(db, deps, { id, issuer: LUMEN });
      expect((await getStepTxs(db, { artworkId: id })).deploy).toMatchObject({
        status: "pending",
        txHash: hash.toLowerCase(),
      });
      expect((await audits("listing.deploy.sent", id))[0]?.txHash).toBe(hash.toLowerCase());
    } finally {
      await rpc("evm_setAutomine", [true]);
    }
    await rpc("evm_mine");
    expect(await resolvePendingTxs(db, deps, { id, issuer: LUMEN })).toBe(true);
    expect((await getOwnedListing(db, { id, issuer: LUMEN })).status).toBe("deployed");
  });

  it("marks a dropped, a replaced and a reverted deploy failed with the reason, and then lets a new one through", async () => {
    const db = handle.db;
    const { id, metadataHash } = await approvedListing();
    await rpc("evm_setAutomine", [false]);
    try {
      // Dropped: the node forgets it; after the grace period it is given up on.
      const dropped = await sendDeploy(issuer, metadataHash);
      await recordSentTx(db, deps, { id, issuer: LUMEN, kind: "deploy", txHash: dropped });
      await rpc("anvil_dropTransaction", [dropped]);
      expect(await resolvePendingTxs(db, deps, { id, issuer: LUMEN })).toBe(false);
      expect(await resolvePendingTxs(db, { ...deps, now: () => Date.now() + 10 * 60_000 }, { id, issuer: LUMEN })).toBe(
        true,
      );
      expect((await getStepTxs(db, { artworkId: id })).deploy).toMatchObject({
        status: "failed",
        failure: "dropped",
        txHash: dropped.toLowerCase(),
      });
      expect((await audits("listing.deploy.failed", id))[0]?.after).toMatchObject({ failure: "dropped" });

      // Replaced: another transaction with the same nonce is mined instead (a "cancel" in the wallet).
      const nonce = await client.getTransactionCount({ address: issuer.address, blockTag: "pending" });
      // (Another gas limit than the dropped one, which had the same nonce: otherwise it is the very same transaction.)
      const replaced = await sendDeploy(issuer, metadataHash, { nonce, gas: 4_000_000n });
      await recordSentTx(db, deps, { id, issuer: LUMEN, kind: "deploy", txHash: replaced });
      const gasPrice = await client.getGasPrice();
      await wallet(issuer).sendTransaction({ to: issuer.address, value: 0n, nonce, gasPrice: gasPrice * 3n });
      await rpc("evm_mine");
      expect(await resolvePendingTxs(db, deps, { id, issuer: LUMEN })).toBe(true);
      expect((await getStepTxs(db, { artworkId: id })).deploy).toMatchObject({ status: "failed", failure: "replaced" });
    } finally {
      await rpc("evm_setAutomine", [true]);
    }

    // Reverted: mined, but the contract refused it (invalid rules). Nothing was deployed.
    const reverted = await wallet(issuer).sendTransaction({
      to: d.shareTokenFactory,
      data: encodeFunctionData({
        abi: shareTokenFactoryAbi,
        functionName: "deployToken",
        args: deployArgs(metadataHash, 1),
      }),
      gas: 3_000_000n,
    });
    expect((await client.waitForTransactionReceipt({ hash: reverted })).status).toBe("reverted");
    await recordSentTx(db, deps, { id, issuer: LUMEN, kind: "deploy", txHash: reverted });
    expect(await resolvePendingTxs(db, deps, { id, issuer: LUMEN })).toBe(true);
    expect((await getStepTxs(db, { artworkId: id })).deploy).toMatchObject({ status: "failed", failure: "reverted" });
    expect((await getOwnedListing(db, { id, issuer: LUMEN })).tokenAddress).toBeNull();

    // Now a new deploy is accepted and confirmed.
    const good = await sendDeploy(issuer, metadataHash);
    await recordSentTx(db, deps, { id, issuer: LUMEN, kind: "deploy", txHash: good });
    expect((await confirmListingTx(db, deps, { id, issuer: LUMEN, txHash: good, waitMs: 5_000 })).kind).toBe("deploy");
    expect((await getStepTxs(db, { artworkId: id })).deploy).toMatchObject({
      status: "confirmed",
      txHash: good.toLowerCase(),
    });
    expect((await audits("listing.deploy.failed", id)).map((a) => (a.after as { failure: string }).failure)).toEqual([
      "dropped",
      "replaced",
      "reverted",
    ]);
  });

  it("refuses a sent transaction that is not this listing's deploy from this wallet", async () => {
    const db = handle.db;
    const { id, metadataHash } = await approvedListing();
    // Another wallet deploying with the listing's metadata hash.
    const foreign = await sendDeploy(other, metadataHash);
    expect(await code(recordSentTx(db, deps, { id, issuer: LUMEN, kind: "deploy", txHash: foreign }))).toBe(
      "tx_wrong_sender",
    );
    expect(await code(confirmListingTx(db, deps, { id, issuer: LUMEN, txHash: foreign }))).toBe("tx_wrong_sender");
    // Lumen deploying for another metadata hash.
    const wrong = await sendDeploy(issuer, `0x${"11".repeat(32)}`);
    expect(await code(recordSentTx(db, deps, { id, issuer: LUMEN, kind: "deploy", txHash: wrong }))).toBe(
      "tx_wrong_call",
    );
    expect(await code(confirmListingTx(db, deps, { id, issuer: LUMEN, txHash: wrong }))).toBe("tx_wrong_call");
    // A plain transfer is not a call to the factory.
    const transfer = await wallet(issuer).sendTransaction({ to: other.address, value: 1n });
    expect(await code(recordSentTx(db, deps, { id, issuer: LUMEN, kind: "deploy", txHash: transfer }))).toBe(
      "tx_wrong_target",
    );
    expect(await db.select().from(listingTransactions).where(eq(listingTransactions.artworkId, id))).toEqual([]);
  });
});

describe("steps done while the console was closed are found on-chain, verified and audited", () => {
  it("records a token, its anchored document, its offering and the close it did not see being sent; audits an update's anchoring", async () => {
    const db = handle.db;
    const { id, metadataHash } = await approvedListing();
    const [doc] = await getListingDocuments(db, { artworkId: id });
    const deployHash = await sendDeploy(issuer, metadataHash);
    await client.waitForTransactionReceipt({ hash: deployHash });

    expect(await recordChainProgress(db, deps, { id, issuer: LUMEN, progress: await progressOf(id) })).toBe(true);
    const listing = await getOwnedListing(db, { id, issuer: LUMEN });
    const token = listing.tokenAddress as Address;
    expect(listing.status).toBe("deployed");
    expect((await audits("listing.token_deployed", id))[0]?.txHash).toBe(deployHash.toLowerCase());

    const lumen = wallet(issuer);
    const anchorHash = await lumen.writeContract({
      address: token,
      abi: artworkShareTokenAbi,
      functionName: "setDocument",
      args: [stringToHex(doc!.name, { size: 32 }), "http://x/doc", doc!.sha256 as Hex],
    });
    await client.waitForTransactionReceipt({ hash: anchorHash });
    const now = Number((await client.getBlock()).timestamp);
    const offerHash = await lumen.writeContract({
      address: d.primaryOffering,
      abi: primaryOfferingAbi,
      functionName: "createOffering",
      args: [
        token,
        {
          pricePerShare: 1_000_000n,
          supplyCap: 100n,
          minTicket: 1n,
          maxTicket: 10n,
          start: BigInt(now),
          end: BigInt(now + 86_400),
          eligibleCategories: 2,
          treasury: issuer.address,
        },
      ],
    });
    await client.waitForTransactionReceipt({ hash: offerHash });
    expect(await recordChainProgress(db, deps, { id, issuer: LUMEN, progress: await progressOf(id) })).toBe(true);
    expect((await audits("listing.document_anchored", id))[0]).toMatchObject({
      txHash: anchorHash.toLowerCase(),
      after: expect.objectContaining({ documentId: doc!.id, sha256: doc!.sha256 }),
    });
    const [created] = await audits("listing.offering_created", id);
    expect(created?.txHash).toBe(offerHash.toLowerCase());
    const offeringId = BigInt((created!.after as { offeringId: string }).offeringId);
    expect((await getOwnedListing(db, { id, issuer: LUMEN })).status).toBe("offering");
    // A second offering for the listing is refused before it is recorded.
    expect(
      await code(recordSentTx(db, deps, { id, issuer: LUMEN, kind: "offering", txHash: `0x${"ef".repeat(32)}` })),
    ).toBe("step_done");

    const closeHash = await lumen.writeContract({
      address: d.primaryOffering,
      abi: primaryOfferingAbi,
      functionName: "closeOffering",
      args: [offeringId],
    });
    await client.waitForTransactionReceipt({ hash: closeHash });
    // Another issuer cannot confirm lumen's transaction; lumen's confirmation is audited once.
    expect(await code(confirmListingTx(db, deps, { id, issuer: HARBOUR, txHash: closeHash }))).toBe("not_found");
    expect(await recordChainProgress(db, deps, { id, issuer: LUMEN, progress: await progressOf(id) })).toBe(true);
    expect((await audits("listing.offering_closed", id))[0]?.txHash).toBe(closeHash.toLowerCase());
    expect(await recordChainProgress(db, deps, { id, issuer: LUMEN, progress: await progressOf(id) })).toBe(false);
    expect(await audits("listing.offering_closed", id)).toHaveLength(1);

    // An update's document anchored from the console: its own audit action, with the update it belongs to.
    const update = await createUpdate(db, {
      id,
      issuer: LUMEN,
      input: {
        kind: "condition",
        title: "Condition",
        bodyMd: "Fine.",
        value: null,
        appraiser: null,
        eventDate: "2026-01-10",
      },
      files: [simplePdf("Condition", [id])],
      storage,
    });
    const [updateDoc] = (await listArtworkUpdates(db, { artworkId: id })).find((u) => u.id === update.id)!.documents;
    const updateAnchor = await lumen.writeContract({
      address: token,
      abi: artworkShareTokenAbi,
      functionName: "setDocument",
      args: [stringToHex(updateDoc!.name, { size: 32 }), "http://x/u", updateDoc!.sha256 as Hex],
    });
    expect(await confirmListingTx(db, deps, { id, issuer: LUMEN, txHash: updateAnchor, waitMs: 5_000 })).toMatchObject({
      kind: "update_anchor",
      recorded: true,
    });
    expect((await audits("update.document_anchored", id))[0]).toMatchObject({
      txHash: updateAnchor.toLowerCase(),
      after: expect.objectContaining({ updateId: update.id, documentId: updateDoc!.id }),
    });

    // A setDocument with a fingerprint that is not the stored one is not this listing's anchoring.
    const forged = await lumen.writeContract({
      address: token,
      abi: artworkShareTokenAbi,
      functionName: "setDocument",
      args: [stringToHex(doc!.name, { size: 32 }), "http://x/doc", `0x${"22".repeat(32)}`],
    });
    expect(await code(confirmListingTx(db, deps, { id, issuer: LUMEN, txHash: forged, waitMs: 5_000 }))).toBe(
      "tx_wrong_call",
    );
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
