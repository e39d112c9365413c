/** Sign-in failure codes shared by the server actions and the island (messages in `signIn.errors`). */
export const signInErrorCodes = [
  "invalid_input",
  "nonce_invalid",
  "nonce_used",
  "nonce_expired",
  "domain_mismatch",
  "uri_mismatch",
  "chain_mismatch",
  "expired",
  "not_yet_valid",
  "bad_signature",
  "address_mismatch",
  "malformed",
  "rate_limited",
  "unavailable",
  "rejected",
  "unknown",
] as const;

export type SignInErrorCode = (typeof signInErrorCodes)[number];

export function toSignInErrorCode(code: unknown): SignInErrorCode {
  return typeof code === "string" && (signInErrorCodes as readonly string[]).includes(code)
    ? (code as SignInErrorCode)
    : "unknown";
}

export type ActionFailure = { ok: false; code: SignInErrorCode; message: string };
export type ActionResult<T extends object = object> = ({ ok: true } & T) | ActionFailure;

/** A same-origin relative path, else the fallback. Blocks `//evil`, `/\evil`, schemes. */
export function safeNextPath(next: unknown, fallback = "/portfolio"): string {
  if (typeof next !== "string" || next.length > 512) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  try {
    const url = new URL(next, "http://atelier.invalid");
    if (url.origin !== "http://atelier.invalid") return fallback;
    if (url.pathname === "/sign-in") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
