import { describe, expect, it } from "vitest";
import { applyCatalogueFilters } from "./filter";
import { parseCatalogueFilters } from "./types";
import type { CatalogueItem } from "./types";

const item = (over: Partial<CatalogueItem>): CatalogueItem => ({
  slug: "x",
  title: "Untitled",
  artist: "Anon",
  year: 2020,
  image: { src: "/a.webp", alt: "", width: 4, height: 3 },
  tokenAddress: "0x0000000000000000000000000000000000000001",
  pricePerShare: 1_000_000_000n, // HK$1,000 at 6 decimals
  paymentDecimals: 6,
  sharesSold: 0n,
  supplyCap: 100n,
  totalSupply: 0n,
  status: "live",
  holderCount: 0,
  ...over,
});

const items = [
  item({
    slug: "a",
    title: "Harbour at Dusk",
    artist: "Lam Wing-sze",
    status: "live",
    pricePerShare: 1_000_000_000n,
    endsAt: "2026-12-20T00:00:00Z",
  }),
  item({
    slug: "b",
    title: "Composition in Jade",
    artist: "Élodie Marchand",
    status: "live",
    pricePerShare: 850_000_000n,
    endsAt: "2026-12-01T00:00:00Z",
    sharesSold: 90n,
  }),
  item({
    slug: "c",
    title: "Quiet Mountains",
    titleZh: "靜山",
    artist: "Chow Ka-ming",
    status: "sold_out",
    pricePerShare: 5_000_000_000n,
    sharesSold: 100n,
  }),
  item({ slug: "d", title: "Tidal Grid", artist: "Aiko Tanabe", status: "upcoming", pricePerShare: 500_000_000n }),
];

const slugs = (xs: CatalogueItem[]) => xs.map((x) => x.slug);

describe("applyCatalogueFilters", () => {
  it("filters by status", () => {
    expect(slugs(applyCatalogueFilters(items, { status: "live" }))).toEqual(["a", "b"]);
  });
  it("matches artists without accents and case", () => {
    expect(slugs(applyCatalogueFilters(items, { artist: "elodie marchand" }))).toEqual(["b"]);
  });
  it("searches titles in both languages and artists", () => {
    expect(slugs(applyCatalogueFilters(items, { q: "靜山" }))).toEqual(["c"]);
    expect(slugs(applyCatalogueFilters(items, { q: "tanabe grid" }))).toEqual(["d"]);
    expect(slugs(applyCatalogueFilters(items, { q: "nothing like this" }))).toEqual([]);
  });
  it("filters by a price range in HK cents, inclusive and exact", () => {
    expect(slugs(applyCatalogueFilters(items, { minPrice: 85_000n, maxPrice: 100_000n }))).toEqual(["a", "b"]);
    expect(slugs(applyCatalogueFilters(items, { minPrice: 100_001n }))).toEqual(["c"]);
    expect(slugs(applyCatalogueFilters(items, { maxPrice: 84_999n }))).toEqual(["d"]);
  });
  it("drops items without a price when a price bound is set", () => {
    const unpriced = item({ slug: "u", pricePerShare: null, status: "not_listed" });
    expect(slugs(applyCatalogueFilters([unpriced], { maxPrice: 1_000_000n }))).toEqual([]);
  });
  it("sorts by price both ways, by end date and by availability", () => {
    expect(slugs(applyCatalogueFilters(items, { sort: "price_asc" }))).toEqual(["d", "b", "a", "c"]);
    expect(slugs(applyCatalogueFilters(items, { sort: "price_desc" }))).toEqual(["c", "a", "b", "d"]);
    expect(slugs(applyCatalogueFilters(items, { sort: "ending_soon" })).slice(0, 2)).toEqual(["b", "a"]);
    expect(slugs(applyCatalogueFilters(items, { sort: "available" })).at(-1)).toBe("c");
  });
  it("puts live offerings first by default and keeps the listing order for newest", () => {
    expect(slugs(applyCatalogueFilters(items, {}))).toEqual(["a", "b", "d", "c"]);
    expect(slugs(applyCatalogueFilters(items, { sort: "newest" }))).toEqual(["a", "b", "c", "d"]);
  });
});

describe("parseCatalogueFilters", () => {
  it("reads price bounds as people type them, in HK cents", () => {
    expect(parseCatalogueFilters({ min: "12,500", max: "HK$20 000.50" })).toMatchObject({
      minPrice: 1_250_000n,
      maxPrice: 2_000_050n,
    });
  });

  it("never reads a refused bound as another number: it is kept as typed, with the reason, and not applied", () => {
    const f = parseCatalogueFilters({ min: "0x10", max: "1e3" });
    expect(f.minPrice).toBeUndefined();
    expect(f.maxPrice).toBeUndefined();
    expect(f.typed).toEqual({ min: "0x10", max: "1e3" });
    expect(f.invalid?.min?.code).toBe("format");
    expect(f.invalid?.max?.code).toBe("format");
    expect(parseCatalogueFilters({ min: "-5" }).invalid?.min?.code).toBe("negative");
    expect(parseCatalogueFilters({ min: "" })).toEqual({});
  });
});
