/** Typed, plain-words errors of sign-in and authorisation. Safe to show to the user. */

export type SignInErrorCode =
  | "malformed"
  | "nonce_invalid"
  | "nonce_used"
  | "nonce_expired"
  | "domain_mismatch"
  | "uri_mismatch"
  | "chain_mismatch"
  | "expired"
  | "not_yet_valid"
  | "bad_signature";

const signInMessages: Record<SignInErrorCode, string> = {
  malformed: "The sign-in message is not a valid Sign-In with Ethereum message.",
  nonce_invalid: "This sign-in request is unknown. Please start signing in again.",
  nonce_used: "This sign-in request was already used. Please start signing in again.",
  nonce_expired: "This sign-in request has expired. Please start signing in again.",
  domain_mismatch: "The message was prepared for a different website.",
  uri_mismatch: "The message was prepared for a different website address.",
  chain_mismatch: "The message was signed for a different network.",
  expired: "The sign-in message has expired. Please sign in again.",
  not_yet_valid: "The sign-in message is not valid yet. Check your device's clock.",
  bad_signature: "The signature does not match the wallet address.",
};

export class SignInError extends Error {
  readonly code: SignInErrorCode;
  constructor(code: SignInErrorCode, detail?: string) {
    super(detail ? `${signInMessages[code]} (${detail})` : signInMessages[code]);
    this.name = "SignInError";
    this.code = code;
  }
  /** The message without technical detail, for the user. */
  get userMessage(): string {
    return signInMessages[this.code];
  }
}

export type AuthErrorCode = "unauthenticated" | "forbidden";

export class AuthError extends Error {
  readonly code: AuthErrorCode;
  constructor(code: AuthErrorCode, message?: string) {
    super(
      message ??
        (code === "unauthenticated"
          ? "Please sign in with your wallet to continue."
          : "Your wallet is not allowed to do this."),
    );
    this.name = "AuthError";
    this.code = code;
  }
}
