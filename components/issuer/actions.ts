"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { getServerEnv } from "@/lib/env";
import {
  createListing,
  deleteListing,
  ListingError,
  removeListingDocument,
  removeListingImage,
  reviewListing,
  submitListing,
  updateListing,
  withdrawListing,
} from "@/lib/issuer/listings";
import { fieldIssueKey, fieldIssues, listingFormValues, listingInput } from "@/lib/issuer/validation";
import { RateLimitedError } from "@/lib/rate-limit";
import { filesRoot } from "@/lib/storage/files";

/*
 * Issuer and listing-review server actions. Each is a public POST endpoint: zod parse → session with role →
 * ownership (inside lib/issuer, on every call) → act → audit (inside lib/issuer). Errors reach the form as
 * a typed result in plain words, in the viewer's language.
 */

export type IssuerActionState =
  | { ok: true; message?: string; at?: number }
  | {
      ok: false;
      code: string;
      message: string;
      fieldErrors?: Record<string, string>;
      values?: Record<string, string>;
      at?: number;
    }
  | null;

const uuid = z.string().regex(/^[0-9a-f-]{36}$/i);

async function fail(code: string, fieldErrors?: Record<string, string>): Promise<IssuerActionState> {
  const t = await getTranslations("issuer.errors");
  return {
    ok: false,
    code,
    message: t(`codes.${code}` as never),
    ...(fieldErrors ? { fieldErrors } : {}),
    at: Date.now(),
  };
}

async function handle(error: unknown): Promise<IssuerActionState> {
  if (error instanceof AuthError) return fail(error.code);
  if (error instanceof ListingError) return fail(error.code);
  if (error instanceof RateLimitedError) return fail("rate_limited");
  console.error("[issuer] action failed:", error instanceof Error ? error.message : error);
  return fail("unavailable");
}

async function fieldErrorsOf(error: z.ZodError): Promise<Record<string, string>> {
  const t = await getTranslations();
  const issues = fieldIssues(error);
  return Object.fromEntries(
    Object.entries(issues).map(([field, issue]) => [field, t(fieldIssueKey(issue) as never, issue.params as never)]),
  );
}

/** Create (no id) or edit (id) a listing's text. Creating moves on to the listing's page. */
export async function saveListingAction(_prev: IssuerActionState, form: FormData): Promise<IssuerActionState> {
  const rawId = String(form.get("id") ?? "");
  const id = rawId === "" ? null : uuid.safeParse(rawId).success ? rawId : undefined;
  if (id === undefined) return fail("not_found");
  const values = listingFormValues(form);
  const parsed = listingInput.safeParse(values);
  // The typed values come back so the form (reset by React after an action) shows them again.
  if (!parsed.success)
    return { ...(await fail("invalid", await fieldErrorsOf(parsed.error))), values } as IssuerActionState;
  let createdId: string | null = null;
  try {
    const ctx = await requireSession({ role: "issuer" });
    const db = await getDb();
    if (id) {
      await updateListing(db, { id, issuer: ctx.address, input: parsed.data });
    } else {
      createdId = (await createListing(db, { issuer: ctx.address, input: parsed.data })).id;
    }
  } catch (error) {
    const result = await handle(error);
    return result && !result.ok ? { ...result, values } : result;
  }
  revalidatePath("/issuer", "layout");
  if (createdId) redirect(`/issuer/artworks/${createdId}`);
  const t = await getTranslations("issuer.form");
  return { ok: true, message: t("saved"), at: Date.now() };
}

/** Removes one image of an editable listing (the form asks for confirmation first). */
export async function removeImageAction(_prev: IssuerActionState, form: FormData): Promise<IssuerActionState> {
  const parsed = z
    .object({ id: uuid, src: z.string().max(300).startsWith("/media/") })
    .safeParse({ id: form.get("id"), src: form.get("src") });
  // The path only selects one of the listing's own images (lib/issuer matches it against the stored list).
  if (!parsed.success) return fail("image_not_found");
  try {
    const ctx = await requireSession({ role: "issuer" });
    await removeListingImage(await getDb(), {
      id: parsed.data.id,
      issuer: ctx.address,
      src: parsed.data.src,
      filesDir: filesRoot(),
    });
  } catch (error) {
    return handle(error);
  }
  revalidatePath(`/issuer/artworks/${parsed.data.id}`);
  return { ok: true, message: (await getTranslations("issuer.files"))("imageRemoved"), at: Date.now() };
}

export async function removeDocumentAction(_prev: IssuerActionState, form: FormData): Promise<IssuerActionState> {
  const parsed = z
    .object({ id: uuid, documentId: uuid })
    .safeParse({ id: form.get("id"), documentId: form.get("documentId") });
  if (!parsed.success) return fail("not_found");
  try {
    const ctx = await requireSession({ role: "issuer" });
    await removeListingDocument(await getDb(), {
      id: parsed.data.id,
      issuer: ctx.address,
      documentId: parsed.data.documentId,
    });
  } catch (error) {
    return handle(error);
  }
  revalidatePath(`/issuer/artworks/${parsed.data.id}`);
  return { ok: true, at: Date.now() };
}

export async function submitListingAction(_prev: IssuerActionState, form: FormData): Promise<IssuerActionState> {
  const parsed = uuid.safeParse(form.get("id"));
  if (!parsed.success) return fail("not_found");
  try {
    const ctx = await requireSession({ role: "issuer" });
    await submitListing(await getDb(), { id: parsed.data, issuer: ctx.address });
  } catch (error) {
    return handle(error);
  }
  revalidatePath("/issuer", "layout");
  revalidatePath("/compliance/listings");
  return { ok: true, message: (await getTranslations("issuer.detail"))("submitted"), at: Date.now() };
}

/** The issuer takes its listing back out of review (the form asks for confirmation first). */
export async function withdrawListingAction(_prev: IssuerActionState, form: FormData): Promise<IssuerActionState> {
  const parsed = uuid.safeParse(form.get("id"));
  if (!parsed.success) return fail("not_found");
  try {
    const ctx = await requireSession({ role: "issuer" });
    await withdrawListing(await getDb(), { id: parsed.data, issuer: ctx.address });
  } catch (error) {
    return handle(error);
  }
  revalidatePath("/issuer", "layout");
  revalidatePath("/compliance/listings");
  return { ok: true, message: (await getTranslations("issuer.detail"))("withdrawn"), at: Date.now() };
}

/** The issuer deletes a listing never approved, with its files (after confirmation); back to the console. */
export async function deleteListingAction(_prev: IssuerActionState, form: FormData): Promise<IssuerActionState> {
  const parsed = uuid.safeParse(form.get("id"));
  if (!parsed.success) return fail("not_found");
  try {
    const ctx = await requireSession({ role: "issuer" });
    await deleteListing(await getDb(), { id: parsed.data, issuer: ctx.address, filesDir: filesRoot() });
  } catch (error) {
    return handle(error);
  }
  revalidatePath("/issuer", "layout");
  revalidatePath("/compliance/listings");
  redirect("/issuer?deleted=1");
}

/** Compliance officer or platform admin: approve (freezes the metadata) or return with a comment. */
export async function reviewListingAction(_prev: IssuerActionState, form: FormData): Promise<IssuerActionState> {
  const parsed = z
    .object({
      id: uuid,
      decision: z.enum(["approve", "return"]),
      comment: z.string().trim().max(2_000, { message: "tooLong" }),
    })
    .safeParse({ id: form.get("id"), decision: form.get("decision"), comment: form.get("comment") ?? "" });
  if (!parsed.success) return fail("invalid");
  const { id, decision, comment } = parsed.data;
  if (decision === "return" && comment === "") {
    const t = await getTranslations("issuer.errors");
    return fail("comment_required", { comment: t("codes.comment_required") });
  }
  try {
    const ctx = await requireSession({ role: ["compliance", "admin"] });
    const env = getServerEnv();
    await reviewListing(await getDb(), {
      id,
      reviewer: ctx.address,
      reviewerRole: ctx.roles.compliance ? "compliance" : "admin",
      decision,
      comment: comment || null,
      appOrigin: env.appOrigin,
      filesDir: filesRoot(),
    });
  } catch (error) {
    return handle(error);
  }
  revalidatePath("/issuer", "layout");
  // The reviewed card leaves the queue: the outcome is shown at the top of the page (post/redirect/get).
  redirect(`/compliance/listings?reviewed=${id}&decision=${decision}`);
}
