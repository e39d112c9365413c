import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artworkDocuments, artworks, type ArtworkStatus, artworkUpdates } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { listingFileAccess, listingOfDocument, listingOfMediaPath, resolveFileAccess } from "./file-access";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

const LUMEN = "0x90f79bf6eb2c4f870365e785982e1f101e93b906";
const HARBOUR = "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65";
const GRACE = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
const MEI = "0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc";

describe("a listing's files before and after approval", () => {
  it("go only to its issuer and compliance until approved, then to anyone", async () => {
    const [listing] = await t.db
      .insert(artworks)
      .values({ slug: "quiet-draft-1a2b3c", issuerAddress: LUMEN, title: "Quiet draft", artist: "Lam" })
      .returning();
    const [doc] = await t.db
      .insert(artworkDocuments)
      .values({
        artworkId: listing!.id,
        name: "appraisal",
        title: "Appraisal",
        kind: "appraisal",
        filePath: "artworks/quiet-draft-1a2b3c/appraisal.pdf",
        mime: "application/pdf",
        sizeBytes: 10,
        sha256: `0x${"b".repeat(64)}`,
      })
      .returning();
    const image = ["artworks", "quiet-draft-1a2b3c", "image-0001.webp"];
    const viewers = {
      anyone: null,
      investor: { address: MEI, compliance: false },
      otherIssuer: { address: HARBOUR, compliance: false },
      issuer: { address: LUMEN.toUpperCase().replace("0X", "0x"), compliance: false },
      compliance: { address: GRACE, compliance: true },
    };
    const access = async (status: ArtworkStatus) => {
      await t.db.update(artworks).set({ status }).where(eq(artworks.id, listing!.id));
      const byMedia = await listingOfMediaPath(t.db, image);
      const byDoc = await listingOfDocument(t.db, { id: doc!.id });
      return Object.fromEntries(
        Object.entries(viewers).map(([who, viewer]) => {
          const media = listingFileAccess(byMedia, viewer);
          expect(listingFileAccess(byDoc, viewer)).toBe(media);
          return [who, media];
        }),
      );
    };
    const hidden = {
      anyone: "not_found",
      investor: "not_found",
      otherIssuer: "not_found",
      issuer: "private",
      compliance: "private",
    };
    for (const status of ["draft", "submitted", "returned"] as const) expect(await access(status)).toEqual(hidden);
    for (const status of ["approved", "deployed", "offering", "trading"] as const)
      expect(Object.values(await access(status))).toEqual(Array(5).fill("public"));

    // Files of no listing are not served; the session is read only for a listing that is not public.
    expect(await listingOfMediaPath(t.db, ["artworks", "no-such-listing", "main.webp"])).toBeNull();
    expect(await listingOfMediaPath(t.db, ["kyc", "x", "y.bin"])).toBeNull();
    let asked = 0;
    const viewer = async () => {
      asked += 1;
      return viewers.issuer;
    };
    expect(await resolveFileAccess(await listingOfMediaPath(t.db, image), viewer)).toBe("public");
    expect(asked).toBe(0);
    await t.db.update(artworks).set({ status: "draft" }).where(eq(artworks.id, listing!.id));
    expect(await resolveFileAccess(await listingOfMediaPath(t.db, image), viewer)).toBe("private");
    expect(asked).toBe(1);
  });
});

describe("an update's documents", () => {
  it("go only to the issuer and compliance until the update is published, on an approved listing too", async () => {
    const [listing] = await t.db
      .insert(artworks)
      .values({
        slug: "harbour-update-4d5e6f",
        issuerAddress: LUMEN,
        title: "Harbour",
        artist: "Lam",
        status: "trading",
      })
      .returning();
    const [listingDoc, updateDoc] = await t.db
      .insert(artworkDocuments)
      .values(
        ["appraisal", "u-valuation-0a1b2c3d"].map((name) => ({
          artworkId: listing!.id,
          name,
          title: name,
          kind: "appraisal" as const,
          filePath: `artworks/harbour-update-4d5e6f/${name}.pdf`,
          mime: "application/pdf",
          sizeBytes: 10,
          sha256: `0x${"c".repeat(64)}`,
        })),
      )
      .returning();
    const [update] = await t.db
      .insert(artworkUpdates)
      .values({
        artworkId: listing!.id,
        author: LUMEN,
        kind: "valuation",
        title: "Valuation 2027",
        bodyMd: "Not yet public.",
        value: "123400",
        appraiser: "Appraisers Ltd",
        eventDate: "2027-01-01",
        documentIds: [updateDoc!.id],
      })
      .returning();
    const access = async (id: string) => {
      const owner = await listingOfDocument(t.db, { id });
      return [
        listingFileAccess(owner, null),
        listingFileAccess(owner, { address: MEI, compliance: false }),
        listingFileAccess(owner, { address: HARBOUR, compliance: false }),
        listingFileAccess(owner, { address: LUMEN, compliance: false }),
        listingFileAccess(owner, { address: GRACE, compliance: true }),
      ];
    };
    // The listing's own document is public; the unpublished update's is not (it was public before the fix).
    expect(await access(listingDoc!.id)).toEqual(Array(5).fill("public"));
    expect(await access(updateDoc!.id)).toEqual(["not_found", "not_found", "not_found", "private", "private"]);
    await t.db.update(artworkUpdates).set({ publishedAt: new Date() }).where(eq(artworkUpdates.id, update!.id));
    expect(await access(updateDoc!.id)).toEqual(Array(5).fill("public"));
  });
});
