import "server-only";

import { AuthError } from "@/lib/auth/errors";
import { type AuthContext, requireSession, type Role } from "@/lib/auth";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/connect";
import { requestIp } from "@/lib/http/request-ip";
import { enforceRateLimits, RateLimitedError } from "@/lib/rate-limit";
import { BodyTooLargeError, readBoundedBody, refuseDeclaredOver } from "./body";
import { isCrossSite, tooManyUploads, type Translate, translatorFor, uploadJson } from "./respond";

/*
 * The order every upload route keeps, so that nothing of a body is read for a caller who may not send it:
 *   1. session and role (401 / 403) — `admitCaller`;
 *   2. ownership of the listing or application (403), by the route — before any byte;
 *   3. the declared size (413) and the rate limit (429 + Retry-After) — `admitBody`;
 *   4. the body, counted as it streams and cut at the limit (413) — `admitBody`;
 *   5. the content check, storage and audit entry, in lib/issuer or lib/kyc as before.
 */

/** How a route names its refusals: message keys under one namespace (`issuer.errors.codes`, `kyc.errors`). */
export type UploadWords = {
  t: Translate;
  /** The message of a refusal code. */
  code: (code: string) => string;
  /** "Too many uploads … try again in N seconds". */
  wait: (seconds: number) => string;
  /** The 413 words: the same the browser's size guard shows. */
  tooLarge: string;
};

export type Refusal = { refused: Response };

export function refuse(words: UploadWords, status: number, code: string, fieldErrors?: Record<string, string>) {
  return uploadJson(status, { ok: false, code, message: words.code(code), ...(fieldErrors ? { fieldErrors } : {}) });
}

/** Session (and role) of the caller, checked before anything of the body is read. */
export async function admitCaller(
  request: Request,
  words: UploadWords,
  { role }: { role?: Role },
): Promise<{ ctx: AuthContext; db: Database } | Refusal> {
  if (isCrossSite(request)) return { refused: refuse(words, 403, "forbidden") };
  try {
    const ctx = await requireSession(role ? { role } : {});
    return { ctx, db: await getDb() };
  } catch (error) {
    if (error instanceof AuthError)
      return { refused: refuse(words, error.code === "unauthenticated" ? 401 : 403, error.code) };
    throw error;
  }
}

/**
 * The body of an admitted caller: refused by its declared length, then counted against the upload rate limit
 * (per IP and per wallet), then read up to `maxBytes` and no further.
 */
export async function admitBody(
  request: Request,
  words: UploadWords,
  { db, address, maxBytes, field }: { db: Database; address: string; maxBytes: number; field: string },
): Promise<{ bytes: Uint8Array<ArrayBuffer> } | Refusal> {
  const tooLarge = () => ({
    refused: uploadJson(413, {
      ok: false,
      code: "tooLarge",
      message: words.tooLarge,
      fieldErrors: { [field]: words.tooLarge },
    }),
  });
  try {
    refuseDeclaredOver(request, maxBytes);
    await enforceRateLimits(db, { name: "upload", subjects: { ip: requestIp(request), address } });
    return { bytes: await readBoundedBody(request, maxBytes) };
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLarge();
    if (error instanceof RateLimitedError)
      return { refused: tooManyUploads(words.wait(error.retryAfterSeconds), error.retryAfterSeconds) };
    throw error;
  }
}

/**
 * The upload sequence in the order above: the caller (1), then the route's own checks before any byte is read
 * (`check`: ownership, editability, the query — 2), then the declared size, the rate limit and the body (3, 4).
 * Answers what the check found, with the caller and the bytes, or the first refusal.
 */
export async function admitUpload<T extends object>(
  request: Request,
  words: UploadWords,
  {
    role,
    maxBytes,
    field,
    check,
  }: {
    role?: Role;
    maxBytes: number;
    field: string;
    check: (caller: { ctx: AuthContext; db: Database }) => Promise<T | Refusal>;
  },
): Promise<{ ctx: AuthContext; db: Database; checked: Exclude<T, Refusal>; bytes: Uint8Array<ArrayBuffer> } | Refusal> {
  const caller = await admitCaller(request, words, { role });
  if ("refused" in caller) return caller;
  const checked = await check(caller);
  if ("refused" in checked) return checked;
  const body = await admitBody(request, words, { db: caller.db, address: caller.ctx.address, maxBytes, field });
  if ("refused" in body) return body;
  return { ...caller, checked: checked as Exclude<T, Refusal>, bytes: body.bytes };
}

export async function wordsFor(request: Request, area: "issuer" | "kyc" | "kyb"): Promise<UploadWords> {
  const t = await translatorFor(request);
  if (area === "issuer")
    return {
      t,
      code: (code) => t(`issuer.errors.codes.${code}`),
      wait: (seconds) => t("issuer.errors.codes.rate_limited_wait", { seconds }),
      tooLarge: t("issuer.errors.codes.tooLarge"),
    };
  if (area === "kyb")
    return {
      t,
      code: (code) => t(`kyb.errors.${code}`),
      wait: (seconds) => t("kyb.errors.rate_limited_wait", { seconds }),
      tooLarge: t("kyc.documents.errors.too_large"),
    };
  return {
    t,
    code: (code) => t(`kyc.errors.${code}`),
    wait: (seconds) => t("kyc.errors.rate_limited_wait", { seconds }),
    tooLarge: t("kyc.documents.errors.too_large"),
  };
}
