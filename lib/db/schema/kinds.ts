/**
 * The kinds of listing documents and artwork updates: plain lists with no drizzle behind them, so client forms can
 * import them without bundling the schema (the pg enums in ./artworks are built from them).
 */
export const documentKinds = [
  "appraisal",
  "condition",
  "insurance",
  "custody",
  "provenance",
  "prospectus",
  "other",
] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const artworkUpdateKinds = ["valuation", "condition", "exhibition", "custody"] as const;
export type ArtworkUpdateKind = (typeof artworkUpdateKinds)[number];
