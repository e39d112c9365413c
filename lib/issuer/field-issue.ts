/**
 * The listing limits and the issue keys of listing, token-rule and offering-term validation (./validation), with no
 * zod behind them: client forms show limits and translate issues without bundling the schemas.
 */
export const LIMITS = {
  title: 120,
  short: 200,
  description: 8_000,
  provenanceEntries: 40,
  imageBytes: 10 * 1024 * 1024,
  documentBytes: 15 * 1024 * 1024,
  imagesPerListing: 8,
  documentsPerListing: 12,
} as const;

export type ErrorKey =
  | "required"
  | "tooLong"
  | "year"
  | "money"
  | "date"
  | "provenanceLine"
  | "provenanceTooMany"
  | "integer"
  | "positive"
  | "supplyZero"
  | "maxBelowMin"
  | "maxAboveSupply"
  | "endBeforeStart"
  | "endInPast"
  | "categories"
  | "countries"
  | "price"
  | "futureDate"
  | "valueZero"
  /** A refusal of the shared amount parser (lib/format/amount.ts), in the root namespace. */
  | `amounts.${string}`;

export type FieldIssue = { key: ErrorKey; params?: Record<string, string | number> };

/** An issue's message key from the root namespace: the amount parser's (`amounts.…`) or `issuer.errors.fields.…`. */
export function fieldIssueKey(issue: FieldIssue): string {
  return issue.key.startsWith("amounts.") ? issue.key : `issuer.errors.fields.${issue.key}`;
}
