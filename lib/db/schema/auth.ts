/** Sign-in and sessions: SIWE nonces, revocations, sign-outs and rate limits. */
import type { InferSelectModel } from "drizzle-orm";
import { integer, text } from "drizzle-orm/pg-core";
import { timestamptz, createdAt, addressChecks, blockNumber, lapsingTable, walletTable } from "./columns";

// ---------------------------------------------------------------------------------------------
// Sign-in and sessions (sessions themselves are stateless signed cookies)

export const siweNonces = lapsingTable(
  "siwe_nonces",
  "nonce",
  "expiresAt",
  {
    /** Set when the nonce is bound to a wallet at issue time, or recorded when it is used. */
    address: text("address"),
    createdAt: createdAt(),
    expiresAt: timestamptz("expires_at").notNull(),
    usedAt: timestamptz("used_at"),
  },
  (t) => addressChecks("siwe_nonces", t.address),
);
export type SiweNonce = InferSelectModel<typeof siweNonces>;

/** Signed-out sessions: a cookie whose jti is here is refused until it would have expired anyway. */
export const sessionRevocations = lapsingTable("session_revocations", "jti", "expiresAt", {
  revokedAt: timestamptz("revoked_at").notNull().defaultNow(),
  expiresAt: timestamptz("expires_at").notNull(),
});
export type SessionRevocation = InferSelectModel<typeof sessionRevocations>;

/** "Sign out everywhere": every session of the wallet issued up to `signed_out_at` is refused. */
export const sessionSignOuts = walletTable("session_sign_outs", {
  signedOutAt: timestamptz("signed_out_at").notNull(),
});
export type SessionSignOut = InferSelectModel<typeof sessionSignOuts>;

/**
 * Rate-limit windows (owned by lib/rate-limit): one fixed window per key such as `signIn:ip:203.0.113.9`,
 * shared by every instance. Rows whose window has ended are removed by housekeeping.
 */
export const rateLimits = lapsingTable("rate_limits", "key", "resetAt", {
  hits: integer("hits").notNull(),
  resetAt: timestamptz("reset_at").notNull(),
});
export type RateLimit = InferSelectModel<typeof rateLimits>;

/**
 * A platform role taken from a wallet (owned by lib/admin): its sessions read their roles at this block or later, so a
 * revoked officer's next request on any instance sees the revocation (never a cached read from before it).
 */
export const sessionRoleFloors = walletTable("session_role_floors", {
  blockNumber: blockNumber().notNull(),
  changedAt: timestamptz("changed_at").notNull().defaultNow(),
});
export type SessionRoleFloor = InferSelectModel<typeof sessionRoleFloors>;
