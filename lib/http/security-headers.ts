/**
 * Security headers of every response (pages, route handlers, documents, media), set by proxy.ts:
 * a nonce-based Content-Security-Policy, HSTS on an https origin, and cross-origin isolation of the
 * window. Pure: the proxy passes the configuration and a fresh nonce per request.
 */

/** Hosts the WalletConnect connector talks to (relay, RPC, verify frame), allowed only when it is configured. */
export const WALLETCONNECT_CONNECT = [
  "https://*.walletconnect.com",
  "https://*.walletconnect.org",
  "wss://relay.walletconnect.com",
  "wss://relay.walletconnect.org",
  "https://*.reown.com",
  "wss://*.reown.com",
];
export const WALLETCONNECT_FRAMES = ["https://verify.walletconnect.com", "https://verify.walletconnect.org"];

export type SecurityHeaderOptions = {
  nonce: string;
  /** APP_ORIGIN: https turns on HSTS and upgrade-insecure-requests. */
  appOrigin: string;
  /** The RPC endpoint browsers read from (PUBLIC_RPC_URL). */
  publicRpcUrl: string;
  walletConnectProjectId?: string | undefined;
  /** `next dev`: React needs eval for its dev tools and the dev server a websocket. */
  dev?: boolean;
};

/** A fresh nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function contentSecurityPolicy({
  nonce,
  appOrigin,
  publicRpcUrl,
  walletConnectProjectId,
  dev = false,
}: SecurityHeaderOptions): string {
  const https = appOrigin.startsWith("https://");
  const rpc = originOf(publicRpcUrl);
  const connect = ["'self'", ...(rpc ? [rpc] : []), ...(walletConnectProjectId ? WALLETCONNECT_CONNECT : [])];
  if (dev) connect.push("ws:", "wss:");
  const directives: Array<[string, string[]]> = [
    ["default-src", ["'self'"]],
    // 'strict-dynamic': scripts loaded by a nonced script (Next's chunks) may run; nothing else inline.
    ["script-src", ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])]],
    // React style attributes and next/font need inline styles; styles cannot run code.
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'", "data:"]],
    ["connect-src", connect],
    ["frame-src", walletConnectProjectId ? WALLETCONNECT_FRAMES : ["'none'"]],
    ["worker-src", ["'self'", "blob:"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
  ];
  const policy = directives.map(([name, values]) => `${name} ${values.join(" ")}`);
  if (https) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/** Every security header for one response (lower-case names). */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "content-security-policy": contentSecurityPolicy(options),
    "cross-origin-opener-policy": "same-origin",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
  };
  if (options.appOrigin.startsWith("https://"))
    headers["strict-transport-security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
