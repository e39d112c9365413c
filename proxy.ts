import { type NextRequest, NextResponse } from "next/server";
import {
  ACTIVITY_REFRESH_SECONDS,
  getSessionCookieOptions,
  refreshSessionToken,
  SESSION_COOKIE_NAME,
  verifySessionToken,
} from "@/lib/auth/tokens";
import { getServerEnv } from "@/lib/env";
import { servePublicPage } from "@/lib/http/page-cache-serve";
import { createNonce, securityHeaders } from "@/lib/http/security-headers";

/**
 * Runs before every page, route handler, document and media response:
 * - an anonymous visitor's catalogue or artwork page is served from the public page cache (lib/http/page-cache.ts),
 *   with this request's nonce and headers;
 * - a fresh CSP nonce per request (Next.js reads it from the request's Content-Security-Policy and puts it
 *   on its own scripts; the root layout reads `x-nonce` for the theme script), and the security headers;
 * - the session's idle timer: a valid session cookie whose activity time is older than a few minutes is
 *   re-issued with the current time (same session, same expiry), so only a session left idle for
 *   IDLE_TIMEOUT_SECONDS is refused.
 * Server-action and multipart posts and the upload routes (/api/uploads/…) do not come here (see `config`).
 */
export async function proxy(request: NextRequest) {
  const env = getServerEnv();
  const nonce = createNonce();
  const headers = securityHeaders({
    nonce,
    appOrigin: env.appOrigin,
    publicRpcUrl: env.publicRpcUrl,
    walletConnectProjectId: env.walletConnectProjectId,
    dev: process.env.NODE_ENV === "development",
  });
  // An anonymous visitor's catalogue or artwork page: from the public page cache when it can be.
  if (env.pageCacheSeconds > 0) {
    const cached = await servePublicPage({
      request,
      ttlMs: env.pageCacheSeconds * 1000,
      port: env.port,
      nonce,
      headers,
    });
    if (cached) return cached;
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["content-security-policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);

  const token = request.cookies.get(SESSION_COOKIE_NAME)?.value;
  if (token) {
    const now = new Date();
    const claims = await verifySessionToken({ token, secret: env.sessionSecret, now });
    if (claims && now.getTime() - claims.activeAt.getTime() > ACTIVITY_REFRESH_SECONDS * 1000) {
      response.cookies.set(
        SESSION_COOKIE_NAME,
        await refreshSessionToken({ claims, secret: env.sessionSecret, now }),
        getSessionCookieOptions({ appOrigin: env.appOrigin, expiresAt: claims.expiresAt }),
      );
    }
  }
  return response;
}

export const config = {
  matcher: [
    {
      // Everything but Next's immutable build assets, which carry no document, and the upload routes (their
      // bodies reach the handler unbuffered, to be counted there and cut at the route's own limit)…
      source: "/((?!_next/static|_next/image|favicon.ico|api/uploads/).*)",
      // …and server-action and multipart posts: with a proxy, Next buffers a request's body in memory and cuts
      // it at proxyClientMaxBodySize (10 MB), which would truncate a 15 MB document upload. Their responses
      // are not documents, and sign-in/sign-out set the session cookie themselves.
      missing: [
        { type: "header", key: "next-action" },
        { type: "header", key: "content-type", value: "multipart/form-data.*" },
      ],
    },
  ],
};
