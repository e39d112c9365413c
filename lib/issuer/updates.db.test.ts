import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { artworks, auditLog } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { simplePdf } from "@/scripts/seed/pdf";
import type { Anchor, ReadAnchors } from "./anchors";
import { createListing, getListingDocuments, ListingError, settleTradingStatus } from "./listings";
import { updateInput } from "./update-validation";
import { createUpdate, getOwnedUpdate, listArtworkUpdates, listPublishedUpdates, publishUpdate } from "./updates";
import { createLocalStorage } from "@/lib/storage/local";
import type { FileStorage } from "@/lib/storage/storage";
import { listingFormInput } from "@/lib/issuer/listing-fixture";

const LUMEN = "0x90f79bf6eb2c4f870365e785982e1f101e93b906";
const HARBOUR = "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65";
const ZERO: Hex = `0x${"0".repeat(64)}`;
const TX: Hex = `0x${"ab".repeat(32)}`;

const listing = listingFormInput({
  title: "Quiet Mountains",
  artist: "Chow Ka-ming",
  year: "2009",
  descriptionMd: "Ink.",
  appraisalValue: "3000000",
  appraiser: "Meridian",
  appraisalDate: "2025-11-20",
});
const valuation = updateInput.parse({
  kind: "valuation",
  title: "Revalued after the retrospective",
  bodyMd: "Up **12%**.",
  eventDate: "2026-01-15",
  value: "3,360,000",
  appraiser: "Kowloon Art Appraisers",
});
const pdf = simplePdf("Valuation", ["Quiet Mountains", "HKD 3,360,000"]);
const sha = (b: Uint8Array): Hex => `0x${createHash("sha256").update(b).digest("hex")}`;

/** A registry stub: the hashes "on chain" by document name; records every read. */
function registry(onChain: Record<string, Hex>) {
  const reads: { token: string; names: string[] }[] = [];
  const read: ReadAnchors = async (token, names) => {
    reads.push({ token, names });
    return names.map((n): Anchor => ({
      hash: onChain[n] ?? ZERO,
      anchoredAt: onChain[n] ? 1_760_000_000n : 0n,
      txHash: onChain[n] ? TX : null,
    }));
  };
  return { read, reads, onChain };
}

let handle: TestDatabase;
let filesDir: string;
let storage: FileStorage;

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof ListingError) return e.code;
    throw e;
  }
}

async function listedArtwork() {
  const db = handle.db;
  const row = await createListing(db, { issuer: LUMEN, input: listing });
  await db
    .update(artworks)
    .set({ status: "offering", tokenAddress: `0x${randomBytes(20).toString("hex")}` })
    .where(eq(artworks.id, row.id));
  return row.id;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  filesDir = mkdtempSync(path.join(tmpdir(), "atelier-updates-"));
  storage = createLocalStorage(filesDir);
});
afterAll(async () => {
  await handle?.close();
});

describe("issuer updates: published only once every document is anchored", () => {
  it("keeps an update with a PDF unpublished until the chain holds its SHA-256, then publishes it once", async () => {
    const db = handle.db;
    const id = await listedArtwork();
    const update = await createUpdate(db, { id, issuer: LUMEN, input: valuation, files: [pdf], storage });
    expect(update.publishedAt).toBeNull();
    expect(update.value).toBe("336000000");
    const { update: withDocs, tokenAddress } = await getOwnedUpdate(db, { id: update.id, issuer: LUMEN });
    const doc = withDocs.documents[0]!;
    expect(doc.sha256).toBe(sha(pdf));
    expect(doc.kind).toBe("appraisal");
    expect(existsSync(path.join(filesDir, doc.filePath))).toBe(true);

    // Investors see nothing, and the update's PDF is not one of the listing's own documents.
    expect(await listPublishedUpdates(db, { artworkId: id })).toEqual([]);
    expect(await getListingDocuments(db, { artworkId: id })).toEqual([]);

    // Not anchored, then anchored with a different hash: refused both times, nothing changes.
    const chain = registry({});
    expect(await code(publishUpdate(db, { id: update.id, issuer: LUMEN, readAnchors: chain.read }))).toBe(
      "not_anchored",
    );
    chain.onChain[doc.name] = sha(new TextEncoder().encode("another file"));
    expect(await code(publishUpdate(db, { id: update.id, issuer: LUMEN, readAnchors: chain.read }))).toBe(
      "not_anchored",
    );
    expect(chain.reads.at(-1)).toEqual({
      token: expect.stringMatching(new RegExp(`^${tokenAddress}$`, "i")),
      names: [doc.name],
    });
    expect(await listPublishedUpdates(db, { artworkId: id })).toEqual([]);
    let [art] = await db.select().from(artworks).where(eq(artworks.id, id));
    expect(art!.appraisals).toHaveLength(1);

    // Another issuer cannot publish it (nor learn that it exists).
    chain.onChain[doc.name] = sha(pdf);
    expect(await code(publishUpdate(db, { id: update.id, issuer: HARBOUR, readAnchors: chain.read }))).toBe(
      "not_found",
    );

    // Anchored with the right hash: published, with the anchoring transaction, and the valuation appended.
    const published = await publishUpdate(db, { id: update.id, issuer: LUMEN, readAnchors: chain.read });
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect(published.txHash).toBe(TX);
    const visible = await listPublishedUpdates(db, { artworkId: id });
    expect(visible.map((u) => u.id)).toEqual([update.id]);
    expect(visible[0]!.documents.map((d) => d.id)).toEqual([doc.id]);
    [art] = await db.select().from(artworks).where(eq(artworks.id, id));
    expect(art!.appraisals).toEqual([
      { date: "2025-11-20", value: "300000000", appraiser: "Meridian" },
      { date: "2026-01-15", value: "336000000", appraiser: "Kowloon Art Appraisers" },
    ]);

    // Publishing again changes nothing (no second appraisal).
    await publishUpdate(db, { id: update.id, issuer: LUMEN, readAnchors: chain.read });
    [art] = await db.select().from(artworks).where(eq(artworks.id, id));
    expect(art!.appraisals).toHaveLength(2);

    const actions = (await db.select().from(auditLog).where(eq(auditLog.subjectId, id))).map((a) => a.action);
    expect(actions.filter((a) => a === "update.publish")).toHaveLength(1);
    expect(actions).toContain("update.create");
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("publishes an update without documents at once, newest first among published updates", async () => {
    const db = handle.db;
    const id = await listedArtwork();
    const older = await createUpdate(db, {
      id,
      issuer: LUMEN,
      input: updateInput.parse({
        kind: "condition",
        title: "Annual inspection",
        bodyMd: "Stable.",
        eventDate: "2025-12-01",
        value: "",
        appraiser: "",
      }),
      files: [],
      storage,
    });
    const newer = await createUpdate(db, {
      id,
      issuer: LUMEN,
      input: updateInput.parse({
        kind: "exhibition",
        title: "Lent to M+",
        bodyMd: "From March.",
        eventDate: "2026-03-01",
        value: "",
        appraiser: "",
      }),
      files: [],
      storage,
    });
    expect(older.publishedAt).not.toBeNull();
    expect((await listPublishedUpdates(db, { artworkId: id })).map((u) => u.id)).toEqual([newer.id, older.id]);
    const [art] = await db.select().from(artworks).where(eq(artworks.id, id));
    expect(art!.appraisals).toHaveLength(1);
  });

  it("refuses another issuer, a listing without a token, a file that is not a PDF and too many files — storing nothing", async () => {
    const db = handle.db;
    const id = await listedArtwork();
    const before = readdirSync(filesDir, { recursive: true }).length;
    expect(await code(createUpdate(db, { id, issuer: HARBOUR, input: valuation, files: [pdf], storage }))).toBe(
      "not_found",
    );
    expect(
      await code(
        createUpdate(db, {
          id,
          issuer: LUMEN,
          input: valuation,
          files: [pdf, new TextEncoder().encode("%PNG not a pdf at all")],
          storage,
        }),
      ),
    ).toBe("notPdf");
    expect(
      await code(createUpdate(db, { id, issuer: LUMEN, input: valuation, files: [pdf, pdf, pdf, pdf], storage })),
    ).toBe("too_many_files");
    const draft = await createListing(db, { issuer: LUMEN, input: listing });
    expect(await code(createUpdate(db, { id: draft.id, issuer: LUMEN, input: valuation, files: [], storage }))).toBe(
      "not_on_chain",
    );
    expect(readdirSync(filesDir, { recursive: true }).length).toBe(before);
    expect(await listArtworkUpdates(db, { artworkId: id })).toEqual([]);
  });
});

describe("an artwork moves to trading when its offering sells out or ends", () => {
  it("moves only from 'offering', only for sold out / ended / closed, and once", async () => {
    const db = handle.db;
    const id = await listedArtwork();
    expect(await settleTradingStatus(db, { id, offeringStatus: 1 })).toBe(false);
    expect(await settleTradingStatus(db, { id, offeringStatus: null })).toBe(false);
    expect(await settleTradingStatus(db, { id, offeringStatus: 2 })).toBe(true);
    expect(await settleTradingStatus(db, { id, offeringStatus: 3 })).toBe(false);
    const [art] = await db.select().from(artworks).where(eq(artworks.id, id));
    expect(art!.status).toBe("trading");
    const moved = await db.select().from(auditLog).where(eq(auditLog.action, "listing.trading"));
    expect(moved.filter((a) => a.subjectId === id)).toHaveLength(1);
  });
});
