import { type NextRequest, NextResponse } from "next/server";
import { getServerEnv } from "@/lib/env";
import { createNonce, securityHeaders } from "@/lib/http/security-headers";

/**
 * Runs before every page, route handler, document and media response: a fresh CSP nonce per request
 * (Next.js reads it from the request's Content-Security-Policy and puts it on its own scripts; the root
 * layout reads `x-nonce` for the theme script), and the security headers on the response.
 */
export function proxy(request: NextRequest) {
  const env = getServerEnv();
  const nonce = createNonce();
  const headers = securityHeaders({
    nonce,
    appOrigin: env.appOrigin,
    publicRpcUrl: env.publicRpcUrl,
    walletConnectProjectId: env.walletConnectProjectId,
    dev: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["content-security-policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's immutable build assets, which carry no document.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
