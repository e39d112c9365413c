/**
 * Listing, token-rule and offering-term validation, shared by server actions and the go-on-chain
 * wallet steps (so bad terms are refused before anything is signed). Issues carry message KEYS
 * (namespace `issuer.errors`), translated by the caller.
 */
import { z } from "zod";
import { amountValue, parseMoneyAmount, parseShareAmount } from "@/lib/format/amount";
import { moneyAmountField, optionalMoneyAmountField, shareAmountField } from "@/lib/format/amount-schema";
import { LIMITS, type ErrorKey, type FieldIssue } from "./field-issue";

export { LIMITS, fieldIssueKey } from "./field-issue";
export type { ErrorKey, FieldIssue } from "./field-issue";

const currentYear = () => new Date().getUTCFullYear();

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "tooLong" satisfies ErrorKey });
const required = (max: number) => text(max).min(1, { message: "required" satisfies ErrorKey });
const optional = (max: number) => text(max).transform((v) => (v === "" ? null : v));

/**
 * HKD amount as typed ("2,400,000", "HK$2,400,000.50"; lib/format/amount.ts decides) → cents as a
 * decimal string; empty → null. A refusal's key is the parser's (`amounts.money.*`).
 */
export const hkdCents = optionalMoneyAmountField(2, { allowZero: true, max: 10n ** 15n - 1n }).transform((v) =>
  v === null ? null : v.toString(),
);

export const isoDate = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
      ctx.addIssue({ code: "custom", message: "date" satisfies ErrorKey });
      return z.NEVER;
    }
    return v;
  });

/** One provenance entry per line: "2019 — Studio of the artist" (dash, colon or comma after the year). */
export function parseProvenance(
  input: string,
): { ok: true; entries: { year: number; event: string }[] } | { ok: false; line: number } {
  const lines = input
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const entries: { year: number; event: string }[] = [];
  for (const [i, line] of lines.entries()) {
    const m = /^(\d{4})\s*[—–\-:,]?\s*(.+)$/.exec(line);
    const year = m ? Number(m[1]) : NaN;
    if (!m || year < 1000 || year > currentYear() || m[2]!.length > LIMITS.short) return { ok: false, line: i + 1 };
    entries.push({ year, event: m[2]!.trim() });
  }
  return { ok: true, entries };
}

export function formatProvenance(entries: readonly { year: number; event: string }[]): string {
  return entries.map((e) => `${e.year} — ${e.event}`).join("\n");
}

export const listingInput = z
  .object({
    title: required(LIMITS.title),
    titleZh: optional(LIMITS.title),
    artist: required(LIMITS.title),
    year: z
      .string()
      .trim()
      .transform((v, ctx) => {
        if (v === "") return null;
        const n = Number(v);
        if (!/^\d{4}$/.test(v) || n < 1000 || n > currentYear()) {
          ctx.addIssue({ code: "custom", message: "year" satisfies ErrorKey });
          return z.NEVER;
        }
        return n;
      }),
    medium: optional(LIMITS.short),
    dimensions: optional(LIMITS.short),
    descriptionMd: required(LIMITS.description),
    descriptionZh: optional(LIMITS.description),
    provenance: z
      .string()
      .max(LIMITS.description, { message: "tooLong" satisfies ErrorKey })
      .transform((v, ctx) => {
        const parsed = parseProvenance(v);
        if (!parsed.ok) {
          ctx.addIssue({ code: "custom", message: "provenanceLine" satisfies ErrorKey, params: { line: parsed.line } });
          return z.NEVER;
        }
        if (parsed.entries.length > LIMITS.provenanceEntries) {
          ctx.addIssue({ code: "custom", message: "provenanceTooMany" satisfies ErrorKey });
          return z.NEVER;
        }
        return parsed.entries;
      }),
    conditionReport: optional(LIMITS.description),
    custodian: optional(LIMITS.short),
    custodianLocation: optional(LIMITS.short),
    insurer: optional(LIMITS.short),
    insuredValue: hkdCents,
    appraisalValue: hkdCents,
    appraiser: optional(LIMITS.short),
    appraisalDate: isoDate,
  })
  .superRefine((v, ctx) => {
    // An appraisal is all three fields or none.
    const parts = [v.appraisalValue, v.appraiser, v.appraisalDate];
    if (parts.some((p) => p !== null) && parts.some((p) => p === null)) {
      if (v.appraisalValue === null)
        ctx.addIssue({ code: "custom", path: ["appraisalValue"], message: "required" satisfies ErrorKey });
      if (v.appraiser === null)
        ctx.addIssue({ code: "custom", path: ["appraiser"], message: "required" satisfies ErrorKey });
      if (v.appraisalDate === null)
        ctx.addIssue({ code: "custom", path: ["appraisalDate"], message: "required" satisfies ErrorKey });
    }
  });
export type ListingInput = z.output<typeof listingInput>;
export type ListingField = keyof z.input<typeof listingInput>;
export const listingFields = [
  "title",
  "titleZh",
  "artist",
  "year",
  "medium",
  "dimensions",
  "descriptionMd",
  "descriptionZh",
  "provenance",
  "conditionReport",
  "custodian",
  "custodianLocation",
  "insurer",
  "insuredValue",
  "appraisalValue",
  "appraiser",
  "appraisalDate",
] as const satisfies readonly ListingField[];

/** FormData → plain object of strings for the listing fields (missing → ""). */
export function listingFormValues(form: FormData): Record<ListingField, string> {
  return Object.fromEntries(listingFields.map((f) => [f, String(form.get(f) ?? "")])) as Record<ListingField, string>;
}

/** zod issues → first issue per field, as message keys. */
export function fieldIssues(error: z.ZodError): Record<string, FieldIssue> {
  const out: Record<string, FieldIssue> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_");
    if (out[field]) continue;
    const params = issue.code === "custom" ? (issue.params as Record<string, string | number> | undefined) : undefined;
    out[field] = { key: (issue.message as ErrorKey) ?? "required", ...(params ? { params } : {}) };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// On-chain terms (validated in the browser before signing; the contracts check again)

/** A number of shares typed by a person (lib/format/amount.ts), as a number (at most 10¹² − 1). */
const shareCount = (options: { allowZero?: boolean } = {}) =>
  shareAmountField({ ...options, max: 10n ** 12n - 1n }).transform(Number);

const wholeNumber = (min: number) =>
  z
    .string()
    .trim()
    .min(1, { message: "required" satisfies ErrorKey })
    .regex(/^\d{1,12}$/, { message: "integer" satisfies ErrorKey })
    .transform(Number)
    .refine((n) => n >= min, { message: (min === 1 ? "positive" : "integer") satisfies ErrorKey });

export const tokenRulesInput = z.object({
  /** The artwork's share count: the token's immutable maximum supply. */
  totalShares: wholeNumber(1),
  /** ISO 3166-1 numeric codes; empty = any country. */
  allowedCountries: z.array(z.number().int().min(1).max(999)).max(50, { message: "countries" satisfies ErrorKey }),
  categories: z
    .array(z.enum(["retail", "professional", "institutional"]))
    .min(1, { message: "categories" satisfies ErrorKey }),
  maxHolders: wholeNumber(0),
  maxPerInvestor: shareCount({ allowZero: true }),
  lockupDays: wholeNumber(0).refine((n) => n <= 3650, { message: "integer" satisfies ErrorKey }),
});
export type TokenRulesInput = z.output<typeof tokenRulesInput>;

/** Price per share in HKD (up to 2 decimals) → payment-token units at `decimals`; null if refused. */
export function hkdToUnits(value: string, decimals: number): bigint | null {
  return amountValue(parseMoneyAmount(value, decimals, { allowZero: true }));
}

/**
 * Offering terms as typed in the form. `now` (seconds) is the chain's time: an end in the past is refused.
 * Start and end arrive as epoch seconds (the form converts its local date-time fields).
 */
export function offeringTermsInput({ decimals, now }: { decimals: number; now: number }) {
  return z
    .object({
      price: moneyAmountField(decimals),
      supply: shareCount({ allowZero: true }).refine((n) => n > 0, { message: "supplyZero" satisfies ErrorKey }),
      minTicket: shareCount(),
      maxTicket: shareCount(),
      start: z
        .number({ message: "date" satisfies ErrorKey })
        .int()
        .nonnegative({ message: "date" satisfies ErrorKey }),
      end: z
        .number({ message: "date" satisfies ErrorKey })
        .int()
        .nonnegative({ message: "date" satisfies ErrorKey }),
      categories: z
        .array(z.enum(["retail", "professional", "institutional"]))
        .min(1, { message: "categories" satisfies ErrorKey }),
    })
    .superRefine((v, ctx) => {
      for (const issue of crossFieldIssues(v, now))
        ctx.addIssue({ code: "custom", path: [issue.path], message: issue.key });
    });
}

type TermsRaw = { supply: unknown; minTicket: unknown; maxTicket: unknown; start: unknown; end: unknown };

/** The checks between fields, on whatever fields are readable (so they show even when another field is wrong). */
function crossFieldIssues(raw: TermsRaw, now: number): { path: keyof TermsRaw; key: ErrorKey }[] {
  const n = (v: unknown) => {
    if (typeof v === "number") return v;
    const parsed = typeof v === "string" ? parseShareAmount(v, { allowZero: true }) : null;
    return parsed?.ok ? Number(parsed.value) : Number.NaN;
  };
  const [supply, min, max, start, end] = [n(raw.supply), n(raw.minTicket), n(raw.maxTicket), n(raw.start), n(raw.end)];
  const out: { path: keyof TermsRaw; key: ErrorKey }[] = [];
  if (max < min) out.push({ path: "maxTicket", key: "maxBelowMin" });
  if (supply > 0 && min > supply) out.push({ path: "minTicket", key: "maxAboveSupply" });
  if (end <= start) out.push({ path: "end", key: "endBeforeStart" });
  else if (end <= now) out.push({ path: "end", key: "endInPast" });
  return out;
}

/**
 * Offering terms → parsed terms, or every field's first problem (single-field and cross-field together).
 */
export function validateOfferingTerms(raw: Record<string, unknown>, opts: { decimals: number; now: number }) {
  const parsed = offeringTermsInput(opts).safeParse(raw);
  if (parsed.success) return { ok: true as const, data: parsed.data };
  const issues = fieldIssues(parsed.error);
  for (const c of crossFieldIssues(raw as TermsRaw, opts.now)) issues[c.path] ??= { key: c.key };
  return { ok: false as const, issues };
}
export type OfferingTermsInput = z.output<ReturnType<typeof offeringTermsInput>>;

/** A bytes32-safe on-chain document name: kind + short suffix, ASCII, ≤ 32 bytes. */
export function documentOnChainName(kind: string, suffix: string): string {
  return `${kind}-${suffix}`
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "-")
    .slice(0, 32);
}

export function slugify(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return base || "artwork";
}
