import "server-only";

import { createTranslator } from "next-intl";
import { defaultLocale, isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";

/*
 * Answers of the upload route handlers: JSON, never cached, in the caller's language (the same words the
 * forms show), with Retry-After on a 429.
 */

/** What every upload route answers; the forms show `message` (and `fieldErrors` beside the fields). */
export type UploadResult =
  | { ok: true; message: string }
  | {
      ok: false;
      code: string;
      message: string;
      fieldErrors?: Record<string, string>;
      retryAfterSeconds?: number;
    };

/** The request's language: the language switch's cookie, else Accept-Language (as lib/i18n/request.ts). */
export function requestLocale(request: Request): Locale {
  const cookie = request.headers.get("cookie") ?? "";
  const match = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`).exec(cookie);
  const fromCookie = match ? decodeURIComponent(match[1]!) : null;
  if (isLocale(fromCookie)) return fromCookie;
  const accept = request.headers.get("accept-language") ?? "";
  return /\bzh\b|zh-(hk|tw|hant)/i.test(accept) ? "zh-HK" : defaultLocale;
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A translator of the request's language over the whole catalogue (keys from the root). */
export async function translatorFor(request: Request): Promise<Translate> {
  const locale = requestLocale(request);
  const t = createTranslator({ locale, messages: await loadMessages(locale) });
  return (key, values) => t(key as never, values as never);
}

const noStore = { "Cache-Control": "private, no-store" };

export function uploadJson(status: number, body: UploadResult, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...noStore, ...headers } });
}

/** 429 with the wait in seconds, in the header and in words. */
export function tooManyUploads(message: string, retryAfterSeconds: number): Response {
  return uploadJson(
    429,
    { ok: false, code: "rate_limited", message, retryAfterSeconds },
    { "Retry-After": String(retryAfterSeconds) },
  );
}

/**
 * A browser marks a request sent by another site's page: uploads are refused from anywhere but the portal's
 * own pages (the session cookie is SameSite=Lax already; this holds even where that does not).
 */
export function isCrossSite(request: Request): boolean {
  return request.headers.get("sec-fetch-site") === "cross-site";
}
