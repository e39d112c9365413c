import { describe, expect, it } from "vitest";
import type { Artwork } from "@/lib/db/schema";
import { latestOfferingPerArtwork } from "./listed";

const artwork = (id: string) => ({ id }) as Artwork;

describe("latestOfferingPerArtwork", () => {
  it("keeps each artwork once, in the rows' order, with the first (latest) offering id it came with", () => {
    const a = artwork("a");
    const b = artwork("b");
    const rows = [
      { artwork: b, offeringId: "7" },
      { artwork: a, offeringId: null },
      { artwork: b, offeringId: "3" },
    ];
    expect(latestOfferingPerArtwork(rows)).toEqual([
      { artwork: b, offeringId: 7n },
      { artwork: a, offeringId: null },
    ]);
  });

  it("reads offering id 0 as an offering, not as none", () => {
    expect(latestOfferingPerArtwork([{ artwork: artwork("c"), offeringId: "0" }])).toEqual([
      { artwork: artwork("c"), offeringId: 0n },
    ]);
  });
});
