import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc } from "drizzle-orm";
import { artworks, offerings } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { latestOfferingPerArtwork, selectListedWithOfferings } from "./listed";

const ISSUER = "0x00000000000000000000000000000000000000a1";
const token = (n: number) => `0x${n.toString(16).padStart(40, "0")}`;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

describe("selectListedWithOfferings", () => {
  it("lists only artworks with a token, each with its latest offering", async () => {
    const [draft, offered, deployed] = await t.db
      .insert(artworks)
      .values([
        { slug: "draft-1a2b", issuerAddress: ISSUER, title: "Draft", artist: "Lam" },
        { slug: "offered-1a2b", issuerAddress: ISSUER, title: "Offered", artist: "Lam", tokenAddress: token(1) },
        { slug: "deployed-1a2b", issuerAddress: ISSUER, title: "Deployed", artist: "Lam", tokenAddress: token(2) },
      ])
      .returning();
    await t.db.insert(offerings).values({ artworkId: offered!.id, onChainId: "1", createdAt: new Date(1_000) });
    await t.db.insert(offerings).values({ artworkId: offered!.id, onChainId: "4", createdAt: new Date(2_000) });

    const rows = await selectListedWithOfferings(t.db).orderBy(desc(offerings.createdAt));
    const listed = latestOfferingPerArtwork(rows);

    expect(listed.map((l) => [l.artwork.id, l.offeringId])).toEqual([
      [deployed!.id, null],
      [offered!.id, 4n],
    ]);
    expect(listed.some((l) => l.artwork.id === draft!.id)).toBe(false);
  });
});
