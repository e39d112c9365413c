/**
 * Validation of an issuer's update (valuation, condition report, exhibition, custody change), shared by the
 * server action and its tests. Issues carry message KEYS of `issuer.errors.fields`, translated by the caller.
 */
import { z } from "zod";
import { artworkUpdateKinds, type ArtworkUpdateKind, type DocumentKind } from "@/lib/db/schema";
import { type ErrorKey, fieldIssues, hkdCents, isoDate, LIMITS } from "./validation";

export const UPDATE_LIMITS = { title: LIMITS.title, body: LIMITS.description, documents: 3 } as const;

/** The kind each update's PDFs are filed under in `artwork_documents`. */
export const updateDocumentKind: Record<ArtworkUpdateKind, DocumentKind> = {
  valuation: "appraisal",
  condition: "condition",
  exhibition: "provenance",
  custody: "custody",
};

/** Today's date in Hong Kong (YYYY-MM-DD): the platform's calendar, whatever the server's time zone. */
export const todayInHongKong = (now = new Date()) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Hong_Kong" }).format(now);

type Cross = { kind: string; eventDate: string | null; value: string | null; appraiser: string | null };

/** Checks across fields (which fields a kind needs, and when its date may be). */
function crossIssues(v: Cross, { valueIsCents }: { valueIsCents: boolean }): { path: string; key: ErrorKey }[] {
  const out: { path: string; key: ErrorKey }[] = [];
  if (v.eventDate === null) out.push({ path: "eventDate", key: "required" });
  // Exhibitions may be announced ahead; everything else reports something that has happened.
  else if (v.kind !== "exhibition" && /^\d{4}-\d{2}-\d{2}$/.test(v.eventDate) && v.eventDate > todayInHongKong())
    out.push({ path: "eventDate", key: "futureDate" });
  if (v.kind === "valuation") {
    if (v.value === null) out.push({ path: "value", key: "required" });
    else if (valueIsCents && BigInt(v.value) === 0n) out.push({ path: "value", key: "valueZero" });
    if (v.appraiser === null) out.push({ path: "appraiser", key: "required" });
  }
  return out;
}

export const updateInput = z
  .object({
    kind: z.enum(artworkUpdateKinds, { message: "required" satisfies ErrorKey }),
    title: z
      .string()
      .trim()
      .min(1, { message: "required" satisfies ErrorKey })
      .max(UPDATE_LIMITS.title, { message: "tooLong" satisfies ErrorKey }),
    bodyMd: z
      .string()
      .trim()
      .min(1, { message: "required" satisfies ErrorKey })
      .max(UPDATE_LIMITS.body, { message: "tooLong" satisfies ErrorKey }),
    eventDate: isoDate,
    value: hkdCents,
    appraiser: z
      .string()
      .trim()
      .max(LIMITS.short, { message: "tooLong" satisfies ErrorKey })
      .transform((v) => (v === "" ? null : v)),
  })
  .superRefine((v, ctx) => {
    for (const c of crossIssues(v, { valueIsCents: true }))
      ctx.addIssue({ code: "custom", path: [c.path], message: c.key });
  })
  .transform((v) => ({
    kind: v.kind,
    title: v.title,
    bodyMd: v.bodyMd,
    eventDate: v.eventDate!,
    // A value and an appraiser belong to valuations only; other kinds drop whatever was typed.
    value: v.kind === "valuation" ? v.value : null,
    appraiser: v.kind === "valuation" ? v.appraiser : null,
  }));

/**
 * The form's strings → the update, or every field's first issue. zod skips the cross-field checks when a
 * field already failed, so they are run again on the raw strings: all messages appear at once.
 */
export function validateUpdate(raw: Record<string, unknown>) {
  const parsed = updateInput.safeParse(raw);
  if (parsed.success) return { ok: true as const, data: parsed.data };
  const issues = fieldIssues(parsed.error);
  const str = (k: string) =>
    typeof raw[k] === "string" && (raw[k] as string).trim() !== "" ? (raw[k] as string).trim() : null;
  const loose: Cross = {
    kind: String(raw.kind ?? ""),
    eventDate: str("eventDate"),
    value: str("value"),
    appraiser: str("appraiser"),
  };
  for (const c of crossIssues(loose, { valueIsCents: false })) issues[c.path] ??= { key: c.key };
  return { ok: false as const, issues };
}
export type UpdateInput = z.output<typeof updateInput>;
export const updateFields = ["kind", "title", "bodyMd", "eventDate", "value", "appraiser"] as const;
export type UpdateField = (typeof updateFields)[number];

export function updateFormValues(form: FormData): Record<UpdateField, string> {
  return Object.fromEntries(updateFields.map((f) => [f, String(form.get(f) ?? "")])) as Record<UpdateField, string>;
}
