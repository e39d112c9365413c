/**
 * The demo's sale votes (issue 15): two artworks of their own, issued and sold to demo holders through the offering
 * like the others, whose holders vote on a buyer's offer for the whole work. No Playwright journey trades in them (an
 * approved sale ends a token's trading for good).
 * - Blue Hour, Sai Kung (Lumen): SOLD AND REDEEMED. Harbourfront Fine Art offered HK$520,000 for it (HK$1,300 a share
 *   of its 400); Alice and Priya voted for, Mei against; the vote closed and was finalised (approved). Alice redeemed
 *   her 150 shares for HK$195,000; Mei (100 shares, HK$130,000) and Priya (150, HK$195,000) have not yet.
 * - Salt Pans at Tai O (Harbourfront): the vote is OPEN (about three weeks left). Lumen Art Partners offered
 *   HK$360,000 (HK$900 a share of its 400); Alice voted for, Priya against; Mei has not voted yet.
 */
import type { DemoArtwork } from "./data";

const allCategories = ["retail", "professional", "institutional"] as const;

export type DemoSale = {
  slug: string;
  /** The buyer (a demo person's wallet) and the price for the whole artwork. */
  buyer: string;
  priceHkd: number;
  votingDays: number;
  /** Votes cast: person key → for (true) or against. */
  votes: Record<string, boolean>;
  /** Sold: the vote closes and is finalised by this person, then these holders redeem; absent = the vote stays open. */
  sold?: { finalisedBy: string; redeemed: string[] };
};

export const saleArtworks: DemoArtwork[] = [
  {
    slug: "blue-hour-sai-kung",
    issuer: "lumen",
    title: "Blue Hour, Sai Kung",
    titleZh: "西貢藍調時分",
    artist: "Margaux Lefèvre",
    artistBio: "France, b. 1982. Painter of coastlines at the edges of the day; lives in Marseille and Hong Kong.",
    year: 2018,
    medium: "Oil on canvas",
    dimensions: "110 × 90 cm",
    description:
      "Bands of ultramarine and slate settle over a pale strip of water: the bay at Sai Kung in the minutes after sunset.",
    descriptionZh: "群青與石板灰的色帶沉落在一抹淡淡的水面上：日落後片刻的西貢海灣。",
    story:
      "Painted from a pier in Sai Kung over a winter of evening visits, and shown in the artist's first Hong Kong exhibition.",
    storyZh: "藝術家在一個冬季裏多次於傍晚到西貢碼頭寫生而成，曾於她在香港的首個展覽中展出。",
    condition: "Excellent. Cleaned and revarnished in 2025; no retouching under UV.",
    custodian: "Hong Kong Fine Art Storage Ltd",
    custodianLocation: "Kwai Chung, Hong Kong — climate-controlled vault",
    insurer: "Pacific Fine Art Underwriters",
    insuredValueHkd: 500_000,
    provenance: [
      { year: 2018, event: "Studio of the artist, Marseille" },
      { year: 2019, event: "Exhibited: 'Tidewater', Sheung Wan, Hong Kong" },
      { year: 2026, event: "Acquired by Lumen Art Partners" },
    ],
    appraisals: [{ date: "2026-04-20", valueHkd: 450_000, appraiser: "Meridian Valuation Services" }],
    style: "colour-field",
    seed: 27,
    palette: ["#101b33", "#2c4a7a", "#6f8fb8", "#d9d4c7"],
    symbol: "BHSK",
    totalShares: 500,
    pricePerShareHkd: 1000,
    rules: {
      allowedCountries: [],
      categories: [...allCategories],
      maxHolders: 100,
      maxPerInvestor: 200,
      lockupDays: 0,
    },
    minTicket: 1,
    maxTicket: 200,
    offering: { startsInDays: -20, durationDays: 60, categories: [...allCategories] },
    purchases: { mei: 100, alice: 150, priya: 150 },
    close: true,
  },
  {
    slug: "salt-pans-at-tai-o",
    issuer: "harbourfront",
    title: "Salt Pans at Tai O",
    titleZh: "大澳鹽田",
    artist: "Ho Wai-lun",
    artistBio: "Hong Kong, b. 1974. Painter of Lantau's villages and waterways.",
    year: 2022,
    medium: "Acrylic on linen",
    dimensions: "100 × 100 cm",
    description: "A patchwork of shallow pans catches the sky in squares of salt-white, rust and sea green.",
    descriptionZh: "一格格淺淺的鹽田映照天色，鋪成鹽白、鐵鏽紅與海綠的方塊。",
    story:
      "Based on photographs of Tai O's salt pans from the 1960s, repainted from the same vantage point on the stilt houses' side.",
    storyZh: "以1960年代大澳鹽田的照片為本，從棚屋一側的同一視點重新繪畫。",
    condition: "Excellent. No restoration.",
    custodian: "Asia Art Custody Services",
    custodianLocation: "Wong Chuk Hang, Hong Kong",
    insurer: "Lion Rock Specialty Insurance",
    insuredValueHkd: 420_000,
    provenance: [
      { year: 2022, event: "Studio of the artist, Tai O" },
      { year: 2026, event: "Acquired by Harbourfront Fine Art" },
    ],
    appraisals: [{ date: "2026-03-12", valueHkd: 400_000, appraiser: "Kowloon Art Appraisers" }],
    style: "geometric",
    seed: 33,
    palette: ["#efe8da", "#b5523b", "#5f8f7f", "#d8c7a0", "#2d3a3a"],
    symbol: "SPTO",
    totalShares: 800,
    pricePerShareHkd: 500,
    rules: {
      allowedCountries: [],
      categories: [...allCategories],
      maxHolders: 100,
      maxPerInvestor: 300,
      lockupDays: 0,
    },
    minTicket: 1,
    maxTicket: 300,
    offering: { startsInDays: -20, durationDays: 60, categories: [...allCategories] },
    purchases: { mei: 120, priya: 80, alice: 200 },
    close: true,
  },
];

export const sales: DemoSale[] = [
  {
    slug: "blue-hour-sai-kung",
    buyer: "harbourfront",
    priceHkd: 520_000,
    votingDays: 7,
    votes: { alice: true, priya: true, mei: false },
    sold: { finalisedBy: "alice", redeemed: ["alice"] },
  },
  {
    slug: "salt-pans-at-tai-o",
    buyer: "lumen",
    priceHkd: 360_000,
    votingDays: 30,
    votes: { alice: true, priya: false },
  },
];

/**
 * How far the chain's clock is put back while the roles, investors and sale artworks are seeded, so that the sold
 * artwork's 7-day vote (plus the signing margin) has closed when the clock returns to the computer's time.
 */
export const SALE_LEAD_DAYS = 8;
