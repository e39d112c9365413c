import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { auditLog, profiles } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { listNotifications } from "@/lib/notifications";
import { simplePdf } from "@/scripts/seed/pdf";
import {
  addListingDocument,
  addListingImage,
  createListing,
  getOwnedListing,
  latestAppraisal,
  deleteListing,
  ListingError,
  listSubmittedListings,
  listIssuerArtworks,
  removeListingImage,
  reviewListing,
  submitListing,
  updateListing,
  withdrawListing,
} from "./listings";
import { createLocalStorage } from "@/lib/storage/local";
import type { FileStorage } from "@/lib/storage/storage";
import { listingFormInput } from "@/lib/issuer/listing-fixture";

const LUMEN = "0x90f79bf6eb2c4f870365e785982e1f101e93b906";
const HARBOUR = "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65";
const GRACE = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

const input = listingFormInput({
  title: "Harbour at Dusk",
  artist: "Lam Wing-sze",
  year: "2019",
  medium: "Oil on linen",
  dimensions: "150 × 120 cm",
  descriptionMd: "Two fields of colour.",
  provenance: "2019 — Studio of the artist",
  custodian: "HKFAS",
});

let handle: TestDatabase;
let filesDir: string;
let storage: FileStorage;
const png = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: "#884422" } })
    .png()
    .toBuffer();
const pdf = simplePdf("Appraisal", ["Value: HKD 1,000,000"]);

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof ListingError) return e.code;
    throw e;
  }
}

beforeAll(async () => {
  handle = await createTestDatabase();
  filesDir = mkdtempSync(path.join(tmpdir(), "atelier-issuer-"));
  storage = createLocalStorage(filesDir);
});
afterAll(async () => {
  await handle?.close();
});

describe("issuer listings: ownership in every operation", () => {
  it("lets the owner work on a draft and hides it from another issuer", async () => {
    const db = handle.db;
    const listing = await createListing(db, { issuer: LUMEN, input });
    expect(listing.status).toBe("draft");
    expect(listing.slug).toMatch(/^harbour-at-dusk-[0-9a-f]{6}$/);

    // Another issuer: every operation reports "not_found", and nothing changes.
    expect(await code(getOwnedListing(db, { id: listing.id, issuer: HARBOUR }))).toBe("not_found");
    expect(
      await code(updateListing(db, { id: listing.id, issuer: HARBOUR, input: { ...input, title: "Hijacked" } })),
    ).toBe("not_found");
    expect(
      await code(addListingImage(db, { id: listing.id, issuer: HARBOUR, bytes: await png(), alt: "", storage })),
    ).toBe("not_found");
    expect(
      await code(
        addListingDocument(db, { id: listing.id, issuer: HARBOUR, bytes: pdf, title: "x", kind: "other", storage }),
      ),
    ).toBe("not_found");
    expect(await code(submitListing(db, { id: listing.id, issuer: HARBOUR }))).toBe("not_found");
    expect(await code(removeListingImage(db, { id: listing.id, issuer: HARBOUR, src: "/media/x.webp", storage }))).toBe(
      "not_found",
    );
    expect(await listIssuerArtworks(db, { issuer: HARBOUR })).toEqual([]);
    expect((await getOwnedListing(db, { id: listing.id, issuer: LUMEN })).title).toBe("Harbour at Dusk");

    // The owner: content-checked files; submit needs an image; then it is frozen.
    expect(await code(submitListing(db, { id: listing.id, issuer: LUMEN }))).toBe("needs_image");
    expect(await code(addListingImage(db, { id: listing.id, issuer: LUMEN, bytes: pdf, alt: "", storage }))).toBe(
      "notImage",
    );
    expect(
      await code(
        addListingDocument(db, {
          id: listing.id,
          issuer: LUMEN,
          bytes: await png(),
          title: "x",
          kind: "other",
          storage,
        }),
      ),
    ).toBe("notPdf");
    const image = await addListingImage(db, {
      id: listing.id,
      issuer: LUMEN,
      bytes: await png(),
      alt: "The painting",
      storage,
    });
    expect(image.src).toMatch(/^\/media\/artworks\/harbour-at-dusk-[0-9a-f]{6}\/image-[0-9a-f]{8}\.webp$/);
    const doc = await addListingDocument(db, {
      id: listing.id,
      issuer: LUMEN,
      bytes: pdf,
      title: "Appraisal",
      kind: "appraisal",
      storage,
    });
    expect(doc.sha256).toBe(`0x${createHash("sha256").update(pdf).digest("hex")}`);
    expect(doc.name).toMatch(/^appraisal-[0-9a-f]{6}$/);
    expect(readFileSync(path.join(filesDir, doc.filePath)).equals(pdf)).toBe(true);

    await submitListing(db, { id: listing.id, issuer: LUMEN });
    expect(await code(updateListing(db, { id: listing.id, issuer: LUMEN, input }))).toBe("not_editable");
    expect(
      await code(addListingImage(db, { id: listing.id, issuer: LUMEN, bytes: await png(), alt: "", storage })),
    ).toBe("not_editable");
    expect(await code(removeListingImage(db, { id: listing.id, issuer: LUMEN, src: image.src, storage }))).toBe(
      "not_editable",
    );
  });

  it("removes an image only from its owner's editable listing, with its file, and audits it", async () => {
    const db = handle.db;
    const listing = await createListing(db, { issuer: LUMEN, input });
    const first = await addListingImage(db, {
      id: listing.id,
      issuer: LUMEN,
      bytes: await png(),
      alt: "Front",
      storage,
    });
    const second = await addListingImage(db, {
      id: listing.id,
      issuer: LUMEN,
      bytes: await png(),
      alt: "Detail",
      storage,
    });
    const file = path.join(filesDir, first.src.replace(/^\/media\//, ""));
    expect(existsSync(file)).toBe(true);

    expect(await code(removeListingImage(db, { id: listing.id, issuer: HARBOUR, src: first.src, storage }))).toBe(
      "not_found",
    );
    // Only one of the listing's own images: another path is refused and nothing is touched.
    expect(
      await code(
        removeListingImage(db, {
          id: listing.id,
          issuer: LUMEN,
          src: "/media/artworks/other/image-00000000.webp",
          storage,
        }),
      ),
    ).toBe("image_not_found");
    expect((await getOwnedListing(db, { id: listing.id, issuer: LUMEN })).images).toHaveLength(2);

    await removeListingImage(db, { id: listing.id, issuer: LUMEN, src: first.src, storage });
    const after = await getOwnedListing(db, { id: listing.id, issuer: LUMEN });
    expect(after.images.map((i) => i.src)).toEqual([second.src]);
    expect(existsSync(file)).toBe(false);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "listing.image_remove"));
    expect(entry?.subjectId).toBe(listing.id);
    expect(entry?.actor).toBe(LUMEN);
    expect(entry?.before).toEqual({ src: first.src, alt: "Front" });

    // The last image can go too; the listing then cannot be submitted until one is added.
    await removeListingImage(db, { id: listing.id, issuer: LUMEN, src: second.src, storage });
    expect(await code(submitListing(db, { id: listing.id, issuer: LUMEN }))).toBe("needs_image");
  });
});

describe("listing review", () => {
  it("shows the reviewer the issuer's name and the appraisal approval depends on", async () => {
    const db = handle.db;
    await db
      .insert(profiles)
      .values({ address: HARBOUR, displayName: "Harbourfront Fine Art Ltd" })
      .onConflictDoNothing();
    const listing = await createListing(db, {
      issuer: HARBOUR,
      input: listingFormInput({
        title: "Named issuer",
        artist: "Lam Wing-sze",
        year: "2019",
        medium: "Oil on linen",
        dimensions: "150 × 120 cm",
        descriptionMd: "Two fields of colour.",
        provenance: "2019 — Studio of the artist",
        custodian: "HKFAS",
        insuredValue: "2,400,000",
        appraisalValue: "1,200,000",
        appraiser: "Asia Art Valuers Ltd",
        appraisalDate: "2026-03-02",
      }),
    });
    await addListingImage(db, { id: listing.id, issuer: HARBOUR, bytes: await png(), alt: "", storage });
    await submitListing(db, { id: listing.id, issuer: HARBOUR });
    const queued = (await listSubmittedListings(db)).rows.find((l) => l.id === listing.id)!;
    expect(queued.issuerName).toBe("Harbourfront Fine Art Ltd");
    expect(queued.insuredValue).toBe("240000000");
    expect(latestAppraisal(queued)).toEqual({
      value: "120000000",
      appraiser: "Asia Art Valuers Ltd",
      date: "2026-03-02",
    });
    expect(
      latestAppraisal({
        appraisals: [
          { value: "1", appraiser: "Old", date: "2024-01-01" },
          { value: "2", appraiser: "New", date: "2026-01-01" },
        ],
      })?.appraiser,
    ).toBe("New");
    expect(latestAppraisal({ appraisals: [] })).toBeNull();
  });

  it("refuses a reviewer approving their own listing, requires a comment to return, and freezes metadata on approval", async () => {
    const db = handle.db;
    // An address that is both issuer and officer cannot approve its own listing.
    const own = await createListing(db, { issuer: GRACE, input });
    await addListingImage(db, { id: own.id, issuer: GRACE, bytes: await png(), alt: "", storage });
    await submitListing(db, { id: own.id, issuer: GRACE });
    const review = { reviewer: GRACE, reviewerRole: "compliance", appOrigin: "http://localhost:3000", storage };
    expect(await code(reviewListing(db, { id: own.id, decision: "approve", comment: null, ...review }))).toBe(
      "own_listing",
    );
    // The refused attempt is in the audit log too.
    const [refusal] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, own.id))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(refusal).toMatchObject({
      action: "listing.approve.refused",
      actor: GRACE,
      actorRole: "compliance",
      after: { code: "own_listing" },
    });

    const listing = await createListing(db, { issuer: LUMEN, input });
    expect(await code(reviewListing(db, { id: listing.id, decision: "approve", comment: null, ...review }))).toBe(
      "not_reviewable",
    );
    await addListingImage(db, { id: listing.id, issuer: LUMEN, bytes: await png(), alt: "", storage });
    await submitListing(db, { id: listing.id, issuer: LUMEN });

    expect(await code(reviewListing(db, { id: listing.id, decision: "return", comment: null, ...review }))).toBe(
      "comment_required",
    );
    await reviewListing(db, { id: listing.id, decision: "return", comment: "Add the condition report.", ...review });
    const returned = await getOwnedListing(db, { id: listing.id, issuer: LUMEN });
    expect(returned.status).toBe("returned");
    expect(returned.reviewComment).toBe("Add the condition report.");

    await updateListing(db, { id: listing.id, issuer: LUMEN, input: { ...input, conditionReport: "Excellent." } });
    await submitListing(db, { id: listing.id, issuer: LUMEN });
    await reviewListing(db, { id: listing.id, decision: "approve", comment: null, ...review });
    const approved = await getOwnedListing(db, { id: listing.id, issuer: LUMEN });
    expect(approved.status).toBe("approved");
    expect(approved.metadataUri).toBe(`http://localhost:3000/media/artworks/${approved.slug}/metadata.json`);
    const metadata = readFileSync(path.join(filesDir, "artworks", approved.slug, "metadata.json"));
    expect(approved.metadataHash).toBe(`0x${createHash("sha256").update(metadata).digest("hex")}`);
    // The issuer was told of both reviews, the reviewer's comment with the return.
    const told = await listNotifications(db, { address: LUMEN, locale: "en" });
    expect(told.slice(0, 2).map((n) => [n.title, n.body, n.link])).toEqual([
      [
        `Your listing ${approved.title} is approved`,
        "You can now deploy its share token.",
        `/issuer/artworks/${listing.id}`,
      ],
      [
        `Your listing ${approved.title} was returned`,
        "Reviewer's comment: Add the condition report.",
        `/issuer/artworks/${listing.id}`,
      ],
    ]);
    expect(JSON.parse(metadata.toString()).images).toHaveLength(1);
    expect(await code(updateListing(db, { id: listing.id, issuer: LUMEN, input }))).toBe("not_editable");
  });

  it("an issuer withdraws a listing from review and deletes a draft with its files; nothing once approved", async () => {
    const db = handle.db;
    const review = { reviewer: GRACE, reviewerRole: "compliance", appOrigin: "http://localhost:3000", storage };
    const listing = await createListing(db, { issuer: LUMEN, input: { ...input, title: "Withdrawn one" } });
    await addListingImage(db, { id: listing.id, issuer: LUMEN, bytes: await png(), alt: "", storage });
    await addListingDocument(db, { id: listing.id, issuer: LUMEN, bytes: pdf, title: "A", kind: "other", storage });
    const folder = path.join(filesDir, "artworks", listing.slug);
    expect(existsSync(folder)).toBe(true);

    // Only a listing in review can be withdrawn, only by its issuer; it becomes an editable draft again.
    expect(await code(withdrawListing(db, { id: listing.id, issuer: LUMEN }))).toBe("not_withdrawable");
    await submitListing(db, { id: listing.id, issuer: LUMEN });
    expect(await code(withdrawListing(db, { id: listing.id, issuer: HARBOUR }))).toBe("not_found");
    expect(await code(deleteListing(db, { id: listing.id, issuer: LUMEN, storage }))).toBe("not_deletable");
    await withdrawListing(db, { id: listing.id, issuer: LUMEN });
    expect((await getOwnedListing(db, { id: listing.id, issuer: LUMEN })).status).toBe("draft");
    expect((await listSubmittedListings(db)).rows.map((l) => l.id)).not.toContain(listing.id);
    expect(await code(reviewListing(db, { id: listing.id, decision: "approve", comment: null, ...review }))).toBe(
      "not_reviewable",
    );

    // A draft is deleted by its issuer only, with its documents and files.
    expect(await code(deleteListing(db, { id: listing.id, issuer: HARBOUR, storage }))).toBe("not_found");
    await deleteListing(db, { id: listing.id, issuer: LUMEN, storage });
    expect(await code(getOwnedListing(db, { id: listing.id, issuer: LUMEN }))).toBe("not_found");
    expect(existsSync(folder)).toBe(false);
    const entries = await db.select().from(auditLog).where(eq(auditLog.subjectId, listing.id));
    // (The review attempted after the withdrawal was refused, and audited as such.)
    expect(entries.map((e) => e.action).slice(-3)).toEqual([
      "listing.withdraw",
      "listing.approve.refused",
      "listing.delete",
    ]);
    expect(entries.at(-1)?.before).toMatchObject({ title: "Withdrawn one", status: "draft" });

    // An approved listing can be neither withdrawn nor deleted; the approval comment stays for the issuer.
    const approved = await createListing(db, { issuer: LUMEN, input: { ...input, title: "Kept" } });
    await addListingImage(db, { id: approved.id, issuer: LUMEN, bytes: await png(), alt: "", storage });
    await submitListing(db, { id: approved.id, issuer: LUMEN });
    await reviewListing(db, {
      id: approved.id,
      decision: "approve",
      comment: "Fine; insure before the offering.",
      ...review,
    });
    expect(await code(withdrawListing(db, { id: approved.id, issuer: LUMEN }))).toBe("not_withdrawable");
    expect(await code(deleteListing(db, { id: approved.id, issuer: LUMEN, storage }))).toBe("not_deletable");
    expect((await getOwnedListing(db, { id: approved.id, issuer: LUMEN })).reviewComment).toBe(
      "Fine; insure before the offering.",
    );
  });

  it("writes every change to the hash-chained audit log", async () => {
    const rows = await handle.db.select().from(auditLog).where(eq(auditLog.subjectType, "artwork"));
    const actions = rows.map((r) => r.action);
    for (const a of [
      "listing.create",
      "listing.update",
      "listing.image_add",
      "listing.image_remove",
      "listing.document_add",
      "listing.submit",
      "listing.return",
      "listing.approve",
    ]) {
      expect(actions).toContain(a);
    }
    expect(rows.find((r) => r.action === "listing.approve")?.actor).toBe(GRACE);
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
  });
});
