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

export { safeNextPath } from "@/lib/auth/client";
