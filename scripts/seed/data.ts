/**
 * The demo world seeded on first start of the local default: people (by anvil dev-account index),
 * artworks (fictional artists, generated images) and their offerings. Nothing here is used when the
 * portal runs against a real chain and database.
 */
import type { ArtStyle } from "./art";

export { people, type DemoPerson, type DemoRole, type KycState } from "../../lib/demo/people";

export type DemoArtwork = {
  slug: string;
  issuer: string; // person key
  title: string;
  titleZh: string;
  artist: string;
  artistBio: string;
  year: number;
  medium: string;
  dimensions: string;
  description: string;
  descriptionZh: string;
  story: string;
  storyZh: string;
  condition: string;
  custodian: string;
  custodianLocation: string;
  insurer: string;
  insuredValueHkd: number;
  provenance: { year: number; event: string }[];
  appraisals: { date: string; valueHkd: number; appraiser: string }[];
  style: ArtStyle;
  seed: number;
  palette: string[];
  symbol: string;
  totalShares: number;
  pricePerShareHkd: number;
  rules: {
    allowedCountries: number[]; // empty = any
    categories: ("retail" | "professional" | "institutional")[];
    maxHolders: number;
    maxPerInvestor: number;
    lockupDays: number;
  };
  minTicket: number;
  maxTicket: number;
  /** offering window relative to seeding time, in days */
  offering: { startsInDays: number; durationDays: number; categories: ("retail" | "professional" | "institutional")[] };
  /** purchases made during seeding: person key → shares */
  purchases: Record<string, number>;
  /** closes the offering after purchases (sold-out or ended) */
  close?: boolean;
  /** peer transfers after the offering: [from, to, shares] */
  transfers?: [string, string, number][];
};

const allCategories = ["retail", "professional", "institutional"] as const;

export const artworks: DemoArtwork[] = [
  {
    slug: "harbour-at-dusk-no-3",
    issuer: "lumen",
    title: "Harbour at Dusk, No. 3",
    titleZh: "黃昏海港 三號",
    artist: "Lam Wing-sze",
    artistBio: "Hong Kong, b. 1968. Colour-field painter; MFA, Chinese University of Hong Kong.",
    year: 2019,
    medium: "Oil on linen",
    dimensions: "150 × 120 cm",
    description:
      "Two luminous fields of vermilion and amber hover over a dark ground: the last light over Victoria Harbour, reduced to colour alone.",
    descriptionZh: "朱紅與琥珀兩片色域懸浮於深色底上：維多利亞港最後的光，只以色彩呈現。",
    story:
      "Painted over eleven months in the artist's Fo Tan studio, the canvas is built from more than forty thin glazes. It was the centrepiece of her 2020 solo exhibition and has not been shown publicly since.",
    storyZh:
      "此作在藝術家火炭工作室歷時十一個月完成，由四十多層薄塗罩染而成。它是2020年個展的主要作品，其後未曾公開展出。",
    condition: "Excellent. Minor stretcher-bar impression at the lower edge, stable; no retouching under UV.",
    custodian: "Hong Kong Fine Art Storage Ltd",
    custodianLocation: "Kwai Chung, Hong Kong — climate-controlled vault",
    insurer: "Pacific Fine Art Underwriters",
    insuredValueHkd: 2_400_000,
    provenance: [
      { year: 2019, event: "Studio of the artist, Fo Tan" },
      { year: 2020, event: "Exhibited: 'Afterglow', Central, Hong Kong" },
      { year: 2021, event: "Private collection, Hong Kong" },
      { year: 2026, event: "Acquired by Lumen Art Partners for fractional offering" },
    ],
    appraisals: [
      { date: "2021-03-01", valueHkd: 1_650_000, appraiser: "Kowloon Art Appraisers" },
      { date: "2026-06-15", valueHkd: 2_200_000, appraiser: "Meridian Valuation Services" },
    ],
    style: "colour-field",
    seed: 11,
    palette: ["#2b1d1a", "#c8553d", "#e9a03b", "#f3d9a4"],
    symbol: "HAD3",
    totalShares: 2000,
    pricePerShareHkd: 1000,
    rules: {
      allowedCountries: [344],
      categories: [...allCategories],
      maxHolders: 500,
      maxPerInvestor: 400,
      lockupDays: 30,
    },
    minTicket: 5,
    maxTicket: 200,
    offering: { startsInDays: -3, durationDays: 30, categories: [...allCategories] },
    purchases: { mei: 40, david: 150 },
  },
  {
    slug: "quiet-mountains",
    issuer: "lumen",
    title: "Quiet Mountains",
    titleZh: "靜山",
    artist: "Chow Ka-ming",
    artistBio: "Hong Kong, 1941–2017. Ink painter of the New Ink movement.",
    year: 2009,
    medium: "Ink and colour on xuan paper, mounted",
    dimensions: "96 × 180 cm",
    description:
      "Layer upon layer of diluted ink builds a range of mountains fading into mist, with a single vermilion sun.",
    descriptionZh: "層層淡墨堆疊出隱入霧中的山巒，一輪朱紅的太陽點綴其上。",
    story:
      "One of the last large-format works of the artist, painted after a journey through Guilin. The artist's seal appears twice, once in the lower left corner.",
    storyZh: "藝術家最後的大尺幅作品之一，繪於桂林之行後。畫上兩次鈐有藝術家印章，其一位於左下角。",
    condition: "Very good. Slight foxing at the upper margin, professionally stabilised in 2024.",
    custodian: "Hong Kong Fine Art Storage Ltd",
    custodianLocation: "Kwai Chung, Hong Kong — climate-controlled vault",
    insurer: "Pacific Fine Art Underwriters",
    insuredValueHkd: 3_100_000,
    provenance: [
      { year: 2009, event: "Estate of the artist" },
      { year: 2018, event: "Sold at auction, Hong Kong" },
      { year: 2025, event: "Acquired by Lumen Art Partners" },
    ],
    appraisals: [{ date: "2025-11-20", valueHkd: 3_000_000, appraiser: "Meridian Valuation Services" }],
    style: "ink-mountains",
    seed: 5,
    palette: ["#efe9dc", "#1e2a2f", "#b33a2b"],
    symbol: "QMTN",
    totalShares: 600,
    pricePerShareHkd: 5000,
    rules: {
      allowedCountries: [],
      categories: [...allCategories],
      maxHolders: 200,
      maxPerInvestor: 300,
      lockupDays: 0,
    },
    minTicket: 1,
    maxTicket: 300,
    offering: { startsInDays: -40, durationDays: 60, categories: [...allCategories] },
    purchases: { mei: 100, david: 300, priya: 80, kenji: 120 },
    close: true,
    transfers: [["david", "alice", 20]],
  },
  {
    slug: "composition-in-jade-and-vermilion",
    issuer: "harbourfront",
    title: "Composition in Jade and Vermilion",
    titleZh: "翡翠與朱紅的構成",
    artist: "Élodie Marchand",
    artistBio: "France, b. 1979. Lives and works in Lyon and Hong Kong.",
    year: 2021,
    medium: "Acrylic on canvas",
    dimensions: "140 × 105 cm",
    description:
      "A strict black lattice holds blocks of vermilion and yellow around a golden disc — a dialogue between order and warmth.",
    descriptionZh: "嚴謹的黑色格線承托着朱紅與明黃色塊，環繞一枚金色圓盤——秩序與溫暖的對話。",
    story:
      "Made during the artist's residency in Sheung Wan, the work borrows the grid of the district's tenement windows.",
    storyZh: "此作創作於藝術家在上環駐留期間，借用了區內唐樓窗格的網格。",
    condition: "Excellent. No restoration.",
    custodian: "Asia Art Custody Services",
    custodianLocation: "Wong Chuk Hang, Hong Kong",
    insurer: "Lion Rock Specialty Insurance",
    insuredValueHkd: 900_000,
    provenance: [
      { year: 2021, event: "Studio of the artist, Sheung Wan residency" },
      { year: 2022, event: "Gallery, Hollywood Road, Hong Kong" },
      { year: 2026, event: "Acquired by Harbourfront Fine Art" },
    ],
    appraisals: [{ date: "2026-08-01", valueHkd: 850_000, appraiser: "Kowloon Art Appraisers" }],
    style: "geometric",
    seed: 21,
    palette: ["#f2efe6", "#d7342a", "#f0c419", "#1f4e9c", "#f2efe6"],
    symbol: "CJV",
    totalShares: 1000,
    pricePerShareHkd: 850,
    rules: {
      allowedCountries: [],
      categories: [...allCategories],
      maxHolders: 300,
      maxPerInvestor: 250,
      lockupDays: 14,
    },
    minTicket: 2,
    maxTicket: 100,
    offering: { startsInDays: -1, durationDays: 21, categories: [...allCategories] },
    purchases: { priya: 25 },
  },
  {
    slug: "typhoon-signal-8",
    issuer: "harbourfront",
    title: "Typhoon Signal No. 8",
    titleZh: "八號風球",
    artist: "Kwok Hoi-yan",
    artistBio: "Hong Kong, b. 1990. Painter and installation artist.",
    year: 2023,
    medium: "Oil and pigment stick on canvas",
    dimensions: "200 × 150 cm",
    description:
      "Gestural strokes of flame and cobalt sweep across a midnight ground, the city in the grip of a storm.",
    descriptionZh: "火焰色與鈷藍的筆觸掠過午夜般的底色，描繪風暴中的城市。",
    story:
      "Painted in one night as Typhoon Saola passed in September 2023. Shortlisted for a regional young artists' prize.",
    storyZh: "2023年9月超強颱風蘇拉吹襲期間，一夜之間完成。曾入圍區內青年藝術家獎項。",
    condition: "Excellent. Thick impasto stable.",
    custodian: "Asia Art Custody Services",
    custodianLocation: "Wong Chuk Hang, Hong Kong",
    insurer: "Lion Rock Specialty Insurance",
    insuredValueHkd: 650_000,
    provenance: [
      { year: 2023, event: "Studio of the artist" },
      { year: 2026, event: "Acquired by Harbourfront Fine Art" },
    ],
    appraisals: [{ date: "2026-09-10", valueHkd: 600_000, appraiser: "Meridian Valuation Services" }],
    style: "brushstrokes",
    seed: 8,
    palette: ["#0f1b2d", "#f24c3d", "#f2a93b", "#e7e3d4", "#3a7ca5"],
    symbol: "TS8",
    totalShares: 1200,
    pricePerShareHkd: 500,
    rules: {
      allowedCountries: [344],
      categories: ["professional", "institutional"],
      maxHolders: 50,
      maxPerInvestor: 600,
      lockupDays: 90,
    },
    minTicket: 20,
    maxTicket: 600,
    offering: { startsInDays: 7, durationDays: 21, categories: ["professional", "institutional"] },
    purchases: {},
  },
  {
    slug: "still-life-with-lychees",
    issuer: "lumen",
    title: "Still Life with Lychees",
    titleZh: "荔枝靜物",
    artist: "Sofia Navarro",
    artistBio: "Spain, b. 1985. Painter of quiet domestic scenes.",
    year: 2020,
    medium: "Oil on panel",
    dimensions: "60 × 45 cm",
    description:
      "Nine spheres of fruit rest on a sage ledge under a warm sky — a contemporary take on the Dutch still life.",
    descriptionZh: "九個果實靜置於鼠尾草綠的檯面上，天色溫暖——荷蘭靜物畫的當代演繹。",
    story: "Painted during lockdown in Madrid with fruit sent by a friend in Hong Kong.",
    storyZh: "封城期間在馬德里繪成，所畫的水果由香港友人寄來。",
    condition: "Excellent.",
    custodian: "Hong Kong Fine Art Storage Ltd",
    custodianLocation: "Kwai Chung, Hong Kong — climate-controlled vault",
    insurer: "Pacific Fine Art Underwriters",
    insuredValueHkd: 400_000,
    provenance: [
      { year: 2020, event: "Studio of the artist, Madrid" },
      { year: 2024, event: "Private collection, Hong Kong" },
      { year: 2026, event: "Acquired by Lumen Art Partners" },
    ],
    appraisals: [{ date: "2026-05-05", valueHkd: 380_000, appraiser: "Kowloon Art Appraisers" }],
    style: "orbs",
    seed: 3,
    palette: ["#f4e7d3", "#6b8f71", "#c2452d", "#e9b44c", "#7a3b69"],
    symbol: "SLL",
    totalShares: 400,
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
    offering: { startsInDays: -20, durationDays: 30, categories: [...allCategories] },
    purchases: { mei: 60, alice: 140, david: 200 },
    close: true,
  },
  {
    slug: "tidal-grid",
    issuer: "harbourfront",
    title: "Tidal Grid",
    titleZh: "潮汐網格",
    artist: "Aiko Tanabe",
    artistBio: "Japan, b. 1976. Works with rhythm, repetition and light.",
    year: 2024,
    medium: "Acrylic on aluminium",
    dimensions: "120 × 90 cm",
    description: "A field of dots swells and recedes like a tide, in teal, saffron and crimson on black.",
    descriptionZh: "點陣如潮水般漲落，以青綠、橘黃與緋紅點綴於黑色之上。",
    story: "First shown at an art fair in Hong Kong in 2024, where it was acquired directly from the artist's gallery.",
    storyZh: "2024年於香港藝術博覽會首次展出，並直接從藝術家代理畫廊購入。",
    condition: "Excellent.",
    custodian: "Asia Art Custody Services",
    custodianLocation: "Wong Chuk Hang, Hong Kong",
    insurer: "Lion Rock Specialty Insurance",
    insuredValueHkd: 1_300_000,
    provenance: [
      { year: 2024, event: "Art fair, Wan Chai, Hong Kong" },
      { year: 2026, event: "Acquired by Harbourfront Fine Art" },
    ],
    appraisals: [{ date: "2026-10-01", valueHkd: 1_250_000, appraiser: "Meridian Valuation Services" }],
    style: "grid",
    seed: 4,
    palette: ["#101418", "#2ec4b6", "#ff9f1c", "#e71d36", "#fdfffc"],
    symbol: "TGRD",
    totalShares: 2500,
    pricePerShareHkd: 500,
    rules: {
      allowedCountries: [344, 702],
      categories: [...allCategories],
      maxHolders: 1000,
      maxPerInvestor: 500,
      lockupDays: 30,
    },
    minTicket: 10,
    maxTicket: 500,
    offering: { startsInDays: 14, durationDays: 30, categories: [...allCategories] },
    purchases: {},
  },
];

/**
 * Secondary-market activity seeded after the offerings (needs lock-up-free, sold-out tokens). Only Quiet Mountains
 * trades, so the catalogue shows one sold-out artwork (Still Life with Lychees) and one trading.
 */
export type DemoTrade = {
  slug: string;
  side: "ask" | "bid";
  maker: string;
  shares: number;
  priceHkd: number;
  /** who takes the order, and how many shares (default: all); absent = left open */
  taker?: string;
  fill?: number;
};

export const trades: DemoTrade[] = [
  { slug: "quiet-mountains", side: "ask", maker: "david", shares: 10, priceHkd: 5200, taker: "mei", fill: 10 },
  { slug: "quiet-mountains", side: "ask", maker: "david", shares: 20, priceHkd: 5350, taker: "alice", fill: 5 },
  { slug: "quiet-mountains", side: "bid", maker: "priya", shares: 8, priceHkd: 4900 },
];
