import "server-only";

import { bumpPageEpoch } from "@/lib/db/page-epoch";
import { z } from "zod";
import type { AuthContext } from "@/lib/auth";
import {
  addListingDocument,
  addListingImage,
  getListingById,
  isEditable,
  ListingError,
  UPDATE_LIMITS,
  updateFormValues,
  validateUpdate,
  createUpdate,
  setIssuerLogo,
} from "@/lib/issuer";
import { fieldIssueKey, fieldIssues, LIMITS, PROFILE_LIMITS } from "@/lib/issuer/client";
import { type FileStorage, fileStorage } from "@/lib/storage";
import type { Database } from "@/lib/db/connect";
import { type Artwork, documentKinds } from "@/lib/db/schema";
import { admitUpload, type Refusal, refuse, type UploadWords, wordsFor } from "./guard";
import { uploadJson } from "./respond";

/*
 * Issuer uploads (listing images and documents, an update with its PDFs) as route handlers: the file's bytes
 * are the request body (an update's text and PDFs one multipart body), the small fields ride in the query.
 * Session, role and ownership are checked before the body is read (lib/uploads/guard.ts); the content check,
 * hashing, storage and the audit entry stay in lib/issuer, as under the server actions these replace.
 */

export type UploadDeps = {
  /** Where files go; the configured store (`fileStorage()`) when absent. */
  storage?: FileStorage;
  /** Next's revalidatePath, passed in by the route (absent in tests). */
  revalidate?: (path: string, type?: "layout" | "page") => void;
};

const uuid = z.uuid();

/** The listing exists, is the caller's, and (unless `editable: false`) can still take files — before any byte. */
async function ownListing(
  db: Database,
  ctx: AuthContext,
  words: UploadWords,
  id: string,
  { editable = true }: { editable?: boolean } = {},
): Promise<Refusal | { listing: Artwork }> {
  if (!uuid.safeParse(id).success) return { refused: refuse(words, 404, "not_found") };
  const listing = await getListingById(db, { id });
  if (!listing) return { refused: refuse(words, 404, "not_found") };
  if (listing.issuerAddress !== ctx.address.toLowerCase()) return { refused: refuse(words, 403, "not_found") };
  if (editable && !isEditable(listing)) return { refused: refuse(words, 409, "not_editable") };
  return { listing };
}

/** A refusal from lib/issuer after the body was read: content problems beside the file field. */
function listingRefusal(words: UploadWords, error: unknown, field: string): Response {
  if (!(error instanceof ListingError)) throw error;
  const status =
    error.code === "not_found"
      ? 404
      : error.code === "not_editable" || error.code === "too_many_files"
        ? 409
        : error.code === "tooLarge"
          ? 413
          : 422;
  // A refusal of the file itself is shown beside the file field; any other above the form.
  return FILE_CODES.includes(error.code)
    ? refuse(words, status, error.code, { [field]: words.code(error.code) })
    : refuse(words, status, error.code);
}

const FILE_CODES: readonly string[] = [
  "empty",
  "tooLarge",
  "notImage",
  "notPdf",
  "unreadableImage",
  "imageTooSmall",
  "too_many_files",
];

const imageQuery = z.object({ alt: z.string().trim().max(LIMITS.short) });

/**
 * One listing file upload, in the order every upload route keeps: the caller (session, issuer role), the listing
 * (theirs, still editable), the small fields from the query string, then the body (by length and by stream, rate
 * limited) — read last — and the store; answers 201 with `added` words.
 */
async function uploadListingFile<Q>(
  request: Request,
  id: string,
  deps: UploadDeps,
  spec: {
    maxBytes: number;
    /** The query's fields, or the field errors to answer 400 with. */
    query: (
      params: URLSearchParams,
      words: UploadWords,
    ) => { ok: true; data: Q } | { ok: false; fieldErrors: Record<string, string> };
    store: (
      db: Database,
      args: { issuer: string; bytes: Uint8Array; storage: FileStorage; query: Q },
    ) => Promise<unknown>;
    added: string;
  },
): Promise<Response> {
  const words = await wordsFor(request, "issuer");
  const admitted = await admitUpload(request, words, {
    role: "issuer",
    maxBytes: spec.maxBytes,
    field: "file",
    check: async ({ ctx, db }) => {
      const owned = await ownListing(db, ctx, words, id);
      if ("refused" in owned) return owned;
      const query = spec.query(new URL(request.url).searchParams, words);
      return query.ok ? { query: query.data } : { refused: refuse(words, 400, "invalid", query.fieldErrors) };
    },
  });
  if ("refused" in admitted) return admitted.refused;
  const { ctx, db, bytes, checked } = admitted;
  try {
    await spec.store(db, {
      issuer: ctx.address,
      bytes,
      storage: deps.storage ?? fileStorage(),
      query: checked.query,
    });
  } catch (error) {
    return listingRefusal(words, error, "file");
  }
  deps.revalidate?.(`/issuer/artworks/${id}`);
  return uploadJson(201, { ok: true, message: words.t(spec.added) });
}

/** POST /api/uploads/listings/:id/images?alt=… — body: the image (JPEG, PNG or WebP, ≤ 10 MB). */
export function postListingImage(request: Request, id: string, deps: UploadDeps = {}): Promise<Response> {
  return uploadListingFile(request, id, deps, {
    maxBytes: LIMITS.imageBytes,
    query: (params, words) => {
      const q = imageQuery.safeParse({ alt: params.get("alt") ?? "" });
      return q.success
        ? { ok: true, data: q.data }
        : { ok: false, fieldErrors: { alt: words.t("issuer.errors.fields.tooLong") } };
    },
    store: (db, { issuer, bytes, storage, query }) =>
      addListingImage(db, { id, issuer, bytes, alt: query.alt, storage }),
    added: "issuer.files.imageAdded",
  });
}

const documentQuery = z.object({
  title: z.string().trim().min(1, { message: "required" }).max(LIMITS.short, { message: "tooLong" }),
  kind: z.enum(documentKinds),
});

/** POST /api/uploads/listings/:id/documents?title=…&kind=… — body: the PDF (≤ 15 MB), hashed for anchoring. */
export function postListingDocument(request: Request, id: string, deps: UploadDeps = {}): Promise<Response> {
  return uploadListingFile(request, id, deps, {
    maxBytes: LIMITS.documentBytes,
    query: (params, words) => {
      const q = documentQuery.safeParse({ title: params.get("title") ?? "", kind: params.get("kind") });
      if (q.success) return { ok: true, data: q.data };
      const issues = fieldIssues(q.error);
      const fieldErrors: Record<string, string> = {};
      if (issues.title) fieldErrors.title = words.t(`issuer.errors.fields.${issues.title.key}`);
      if (issues.kind) fieldErrors.kind = words.t("issuer.errors.fields.required");
      return { ok: false, fieldErrors };
    },
    store: (db, { issuer, bytes, storage, query }) =>
      addListingDocument(db, { id, issuer, bytes, title: query.title, kind: query.kind, storage }),
    added: "issuer.files.documentAdded",
  });
}

/** An update's text and up to three PDFs in one multipart body: at most this much is read. */
export const UPDATE_BODY_BYTES = UPDATE_LIMITS.documents * LIMITS.documentBytes + 256 * 1024;

/**
 * POST /api/uploads/listings/:id/updates — multipart: the update's fields and its PDFs (`files`). Saved whole
 * or not at all (lib/issuer/updates); without documents it is published at once.
 */
export async function postListingUpdate(request: Request, id: string, deps: UploadDeps = {}): Promise<Response> {
  const words = await wordsFor(request, "issuer");
  const contentType = request.headers.get("content-type") ?? "";
  const admitted = await admitUpload(request, words, {
    role: "issuer",
    maxBytes: UPDATE_BODY_BYTES,
    field: "files",
    check: async ({ ctx, db }) => {
      // Updates follow an artwork whose listing is frozen: ownership, not editability.
      const owned = await ownListing(db, ctx, words, id, { editable: false });
      if ("refused" in owned) return owned;
      if (!owned.listing.tokenAddress) return { refused: refuse(words, 409, "not_on_chain") };
      if (!/^multipart\/form-data;/i.test(contentType)) return { refused: refuse(words, 400, "invalid") };
      return owned;
    },
  });
  if ("refused" in admitted) return admitted.refused;
  const { ctx, db, bytes } = admitted;
  const { listing } = admitted.checked;
  let form: FormData;
  try {
    // Parsed from the bounded copy: never more than UPDATE_BODY_BYTES in memory.
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    return refuse(words, 400, "invalid");
  }
  const files = form.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
  const parsed = validateUpdate(updateFormValues(form));
  const fieldErrors: Record<string, string> = {};
  if (!parsed.ok)
    for (const [field, issue] of Object.entries(parsed.issues))
      fieldErrors[field] = words.t(fieldIssueKey(issue), issue.params);
  let status = 400;
  if (files.length > UPDATE_LIMITS.documents) fieldErrors.files = words.code("too_many_files");
  else if (files.some((f) => f.size > LIMITS.documentBytes)) {
    fieldErrors.files = words.tooLarge;
    status = 413;
  }
  if (!parsed.ok || Object.keys(fieldErrors).length > 0) return refuse(words, status, "invalid", fieldErrors);
  let published: boolean;
  try {
    const update = await createUpdate(db, {
      id,
      issuer: ctx.address,
      input: parsed.data,
      files: await Promise.all(files.map(async (f) => new Uint8Array(await f.arrayBuffer()))),
      storage: deps.storage ?? fileStorage(),
    });
    published = update.publishedAt !== null;
  } catch (error) {
    return listingRefusal(words, error, "files");
  }
  deps.revalidate?.(`/issuer/artworks/${id}`);
  deps.revalidate?.(`/artworks/${listing.slug}`);
  return uploadJson(201, {
    ok: true,
    message: words.t(published ? "issuer.updates.publishedNow" : "issuer.updates.savedAnchorNext"),
  });
}

/** POST /api/uploads/issuer-profile/logo — body: the issuer's logo (PNG, JPEG or WebP, ≤ 2 MB), for its own profile. */
export async function postIssuerLogo(request: Request, deps: UploadDeps = {}): Promise<Response> {
  const words = await wordsFor(request, "issuer");
  const admitted = await admitUpload(request, words, {
    role: "issuer",
    maxBytes: PROFILE_LIMITS.logoBytes,
    field: "file",
    // The profile is the caller's own (keyed by the session's wallet): nothing else to own.
    check: async () => ({}),
  });
  if ("refused" in admitted) return admitted.refused;
  const { ctx, db, bytes } = admitted;
  try {
    await setIssuerLogo(db, { issuer: ctx.address, bytes, storage: deps.storage ?? fileStorage() });
  } catch (error) {
    return listingRefusal(words, error, "file");
  }
  // Every artwork page of this issuer shows the logo: no cached public page from before it.
  await bumpPageEpoch(db);
  deps.revalidate?.("/issuer/profile");
  deps.revalidate?.("/artworks/[slug]", "page");
  return uploadJson(201, { ok: true, message: words.t("issuer.profile.logoSaved") });
}
