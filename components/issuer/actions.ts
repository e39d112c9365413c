"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { type ActionResult, defineFormAction, refuse } from "@/lib/actions";
import { getServerEnv } from "@/lib/env";
import {
  createListing,
  deleteListing,
  ListingError,
  type ListingErrorCode,
  removeListingDocument,
  removeListingImage,
  reviewListing,
  submitListing,
  updateListing,
  withdrawListing,
} from "@/lib/issuer";
import { fieldIssueKey, fieldIssues, listingFields, listingFormValues, listingInput } from "@/lib/issuer/client";
import { fileStorage } from "@/lib/storage";

/*
 * Issuer and listing-review server actions, through the action pipeline (lib/actions): zod → session with role →
 * ownership (inside lib/issuer, on every call) → act → audit (inside lib/issuer). Refusals (`ListingError`, an
 * `ActionError`) reach the form as a typed result in words from `issuer.errors.codes`, in the viewer's language.
 */

type IssuerCode = ListingErrorCode | "invalid";
/** A form's state: null before the first submission; a refused listing form carries the values typed back. */
export type IssuerActionState = ActionResult<
  { message?: string },
  IssuerCode,
  { values: Record<string, string> }
> | null;

const define = defineFormAction<IssuerCode, { values: Record<string, string> }>();
const messages = "issuer.errors.codes";
const uuid = z.string().regex(/^[0-9a-f-]{36}$/i);
const idOf = (form: FormData) => ({ id: form.get("id") });

const listingForm = z.object({
  id: z.union([z.literal(""), uuid]),
  values: z.object(Object.fromEntries(listingFields.map((f) => [f, z.string()])) as Record<string, z.ZodString>),
});

/** Create (no id) or edit (id) a listing's text. Creating moves on to the listing's page. */
export const saveListingAction = define({
  name: "issuer.saveListing",
  input: listingForm,
  fromForm: (form) => ({ id: String(form.get("id") ?? ""), values: listingFormValues(form) }),
  auth: "issuer",
  messages,
  run: async ({ id, values }, { session, db }) => {
    // The listing's own rules (lib/issuer/validation), with their words and numbers; the typed values come back so the
    // form (reset by React after an action) shows them again.
    const parsed = listingInput.safeParse(values);
    if (!parsed.success) {
      const t = await getTranslations();
      const fieldErrors = Object.fromEntries(
        Object.entries(fieldIssues(parsed.error)).map(([field, issue]) => [
          field,
          [t(fieldIssueKey(issue) as never, issue.params as never)],
        ]),
      );
      refuse("invalid", { extra: { fieldErrors, values } });
    }
    let createdId: string | null = null;
    try {
      if (id) await updateListing(db, { id, issuer: session.address, input: parsed.data });
      else createdId = (await createListing(db, { issuer: session.address, input: parsed.data })).id;
    } catch (error) {
      if (error instanceof ListingError) refuse(error.code, { extra: { values } });
      throw error;
    }
    revalidatePath("/issuer", "layout");
    if (createdId) redirect(`/issuer/artworks/${createdId}`);
    return { message: (await getTranslations("issuer.form"))("saved") };
  },
});

/** Removes one image of an editable listing (the form asks for confirmation first). */
export const removeImageAction = define({
  name: "issuer.removeImage",
  // The path only selects one of the listing's own images (lib/issuer matches it against the stored list).
  input: z.object({ id: uuid, src: z.string().max(300).startsWith("/media/") }),
  fromForm: (form) => ({ id: form.get("id"), src: form.get("src") }),
  auth: "issuer",
  messages,
  run: async ({ id, src }, { session, db }) => {
    await removeListingImage(db, { id, issuer: session.address, src, storage: fileStorage() });
    revalidatePath(`/issuer/artworks/${id}`);
    return { message: (await getTranslations("issuer.files"))("imageRemoved") };
  },
});

export const removeDocumentAction = define({
  name: "issuer.removeDocument",
  input: z.object({ id: uuid, documentId: uuid }),
  fromForm: (form) => ({ id: form.get("id"), documentId: form.get("documentId") }),
  auth: "issuer",
  messages,
  run: async ({ id, documentId }, { session, db }) => {
    await removeListingDocument(db, { id, issuer: session.address, documentId });
    revalidatePath(`/issuer/artworks/${id}`);
    return {};
  },
});

/** A listing's review step (submit, withdraw): the step, then the issuer's console and the compliance queue. */
const reviewStep = (name: string, step: typeof submitListing, done: "submitted" | "withdrawn") =>
  define({
    name,
    input: z.object({ id: uuid }),
    fromForm: idOf,
    auth: "issuer",
    messages,
    run: async ({ id }, { session, db }) => {
      await step(db, { id, issuer: session.address });
      revalidatePath("/issuer", "layout");
      revalidatePath("/compliance/listings");
      return { message: (await getTranslations("issuer.detail"))(done) };
    },
  });

export const submitListingAction = reviewStep("issuer.submitListing", submitListing, "submitted");

/** The issuer takes its listing back out of review (the form asks for confirmation first). */
export const withdrawListingAction = reviewStep("issuer.withdrawListing", withdrawListing, "withdrawn");

/** The issuer deletes a listing never approved, with its files (after confirmation); back to the console. */
export const deleteListingAction = define({
  name: "issuer.deleteListing",
  input: z.object({ id: uuid }),
  fromForm: idOf,
  auth: "issuer",
  messages,
  run: async ({ id }, { session, db }) => {
    await deleteListing(db, { id, issuer: session.address, storage: fileStorage() });
    revalidatePath("/issuer", "layout");
    revalidatePath("/compliance/listings");
    redirect("/issuer?deleted=1");
  },
});

/** Compliance officer or platform admin: approve (freezes the metadata) or return with a comment. */
export const reviewListingAction = define({
  name: "issuer.reviewListing",
  input: z.object({
    id: uuid,
    decision: z.enum(["approve", "return"]),
    comment: z.string().trim().max(2_000),
  }),
  fromForm: (form) => ({ id: form.get("id"), decision: form.get("decision"), comment: form.get("comment") ?? "" }),
  auth: ["compliance", "admin"],
  messages,
  fieldMessages: messages,
  run: async ({ id, decision, comment }, { session, db }) => {
    if (decision === "return" && comment === "")
      refuse("comment_required", { fieldErrors: { comment: ["comment_required"] } });
    await reviewListing(db, {
      id,
      reviewer: session.address,
      reviewerRole: session.roles.compliance ? "compliance" : "admin",
      decision,
      comment: comment || null,
      appOrigin: getServerEnv().appOrigin,
      storage: fileStorage(),
    });
    revalidatePath("/issuer", "layout");
    // The reviewed card leaves the queue: the outcome is shown at the top of the page (post/redirect/get).
    redirect(`/compliance/listings?reviewed=${id}&decision=${decision}`);
  },
});
