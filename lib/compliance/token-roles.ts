/**
 * The role history of a share token, from the indexer's record of the token's own events: roles granted and revoked
 * on the token (RoleGranted / RoleRevoked) and its owner changing hands in two steps (OwnershipTransferStarted, then
 * OwnershipTransferred; the first owner is set by `initialize`). Shown on the compliance register and on the
 * issuer's token page. Platform agents act on every token through the identity registry and hold no role on it.
 *
 * Plain module (no `server-only`): the db tests import it.
 */
import { keccak256, stringToHex, zeroAddress, zeroHash } from "viem";
import type { Database } from "@/lib/db/connect";
import type { ChainEvent } from "@/lib/db/schema";
import { TOKEN_ROLE_EVENTS } from "./indexed-events";
import { type EventPlace, placeOf, tokenHistory } from "./token-events";

export type TokenRoleKey =
  "admin" | "pauser" | "freezer" | "enforcer" | "recovery" | "minter" | "burner" | "document" | "owner" | "unknown";

const ROLE_BY_ID = new Map<string, TokenRoleKey>([
  [zeroHash, "admin"],
  ...(
    [
      ["PAUSER_ROLE", "pauser"],
      ["FREEZER_ROLE", "freezer"],
      ["ENFORCER_ROLE", "enforcer"],
      ["RECOVERY_ROLE", "recovery"],
      ["MINTER_ROLE", "minter"],
      ["BURNER_ROLE", "burner"],
      ["DOCUMENT_ROLE", "document"],
    ] as const
  ).map(([name, key]) => [keccak256(stringToHex(name)), key] as [string, TokenRoleKey]),
]);

/** The role's key for display (`unknown` for a role id the token does not define). */
export function tokenRoleKey(roleId: string): TokenRoleKey {
  return ROLE_BY_ID.get(roleId.toLowerCase()) ?? "unknown";
}

export type TokenRoleChange = EventPlace & {
  change: "granted" | "revoked" | "ownershipOffered" | "ownershipTaken";
  role: TokenRoleKey;
  /** The role id as on the chain (owner changes: null). */
  roleId: string | null;
  /** Who received or lost the role, or the new (offered) owner. */
  account: string;
  /** Who made the change (an offer: the owner; a take-over: the new owner; null when the token was created). */
  by: string | null;
  /** An ownership change: the owner before it (null when the token was created). */
  previousOwner: string | null;
};

/** The token's role changes, newest first, and how many there are in all. */
export const listTokenRoleHistory = (db: Database, token: string, options: { limit?: number } = {}) =>
  tokenHistory(db, token, TOKEN_ROLE_EVENTS, options, (events) => events.map(roleChangeOf));

function roleChangeOf(e: ChainEvent): TokenRoleChange {
  const a = e.args as Record<string, string>;
  const base = placeOf(e);
  if (e.eventName === "RoleGranted" || e.eventName === "RoleRevoked") {
    return {
      ...base,
      change: e.eventName === "RoleGranted" ? "granted" : "revoked",
      role: tokenRoleKey(String(a.role)),
      roleId: String(a.role).toLowerCase(),
      account: String(a.account).toLowerCase(),
      by: a.sender ? String(a.sender).toLowerCase() : null,
      previousOwner: null,
    };
  }
  const previous = String(a.previousOwner).toLowerCase();
  const created = previous === zeroAddress;
  const offered = e.eventName === "OwnershipTransferStarted";
  const account = String(a.newOwner).toLowerCase();
  return {
    ...base,
    change: offered ? "ownershipOffered" : "ownershipTaken",
    role: "owner",
    roleId: null,
    account,
    // The offer is the owner's call; the take-over is the new owner's (acceptOwnership).
    by: created ? null : offered ? previous : account,
    previousOwner: created ? null : previous,
  };
}
