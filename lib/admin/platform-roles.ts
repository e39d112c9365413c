/**
 * The platform roles the admin console shows, each with the contract that holds it: issuers on the share token
 * factory, identity agents on the identity registry, enforcement agents on the enforcement desk, and the platform
 * admin (DEFAULT_ADMIN_ROLE on the registry, shown but not granted from the console). Pure module: the db tests, the
 * projection and the pages share it.
 */
import { type Address, getAddress, type Hex, keccak256, toHex, zeroHash } from "viem";

export type PlatformRole = "admin" | "issuer" | "identityAgent" | "enforcementAgent";

/** The roles the console grants and revokes (the admin role itself is handed over by script, never from a page). */
export const GRANTABLE_ROLES = ["identityAgent", "enforcementAgent", "issuer"] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export const ROLE_IDS = {
  admin: zeroHash,
  issuer: keccak256(toHex("ISSUER_ROLE")),
  identityAgent: keccak256(toHex("AGENT_ROLE")),
  enforcementAgent: keccak256(toHex("AGENT_ROLE")),
} as const satisfies Record<PlatformRole, Hex>;

export type PlatformContracts = {
  identityRegistry: Address;
  shareTokenFactory: Address;
  enforcementDesk?: Address | undefined;
};

/** The contract a role is held on (null: the deployment has no enforcement desk). */
export function roleContract(role: PlatformRole, c: PlatformContracts): Address | null {
  switch (role) {
    case "admin":
    case "identityAgent":
      return c.identityRegistry;
    case "issuer":
      return c.shareTokenFactory;
    case "enforcementAgent":
      return c.enforcementDesk ?? null;
  }
}

/** Which platform role a (contract, role id) pair is, or null for any other (the factory's admin, the desk's admin). */
export function platformRoleOf(contract: string, roleId: string, c: PlatformContracts): PlatformRole | null {
  const at = getAddress(contract);
  const id = roleId.toLowerCase();
  if (at === getAddress(c.identityRegistry)) {
    if (id === ROLE_IDS.admin) return "admin";
    if (id === ROLE_IDS.identityAgent) return "identityAgent";
    return null;
  }
  if (at === getAddress(c.shareTokenFactory)) return id === ROLE_IDS.issuer ? "issuer" : null;
  if (c.enforcementDesk && at === getAddress(c.enforcementDesk))
    return id === ROLE_IDS.enforcementAgent ? "enforcementAgent" : null;
  return null;
}

/** Roles whose last holder the chain will not let go (`IdentityRegistryLastAgent`, `DeskLastAgent`). */
export const KEEPS_LAST_HOLDER: ReadonlySet<PlatformRole> = new Set(["identityAgent", "enforcementAgent"]);
