/**
 * Where a signed-in person belongs and which console links they can open, from their on-chain roles. Pure, so the
 * sign-in action, the sign-in page and the header agree.
 */
export type HomeRoles = { admin: boolean; compliance: boolean; issuer: boolean; verified: boolean };

const isStaff = (r: HomeRoles) => r.admin || r.compliance || r.issuer;

/** The page after sign-in when no other page was asked for: the person's console, else the portfolio. */
export function homeFor(roles: HomeRoles): string {
  // The platform admin's own console: roles and health (listings and the emergency stop are one link away).
  if (roles.admin) return "/admin";
  if (roles.compliance) return "/compliance";
  if (roles.issuer) return "/issuer";
  return "/portfolio";
}

/** Sections of the compliance console. */
export type ConsoleSection = "home" | "tokens" | "audit" | "kyc" | "wallets" | "issuers" | "listings";

export type ConsoleRoles = { admin: boolean; compliance: boolean; identityAgent: boolean; enforcementAgent: boolean };

/**
 * The console sections a person can use, from the real on-chain roles: registers, tokens and the audit log for any
 * agent (identity or enforcement); the KYC queue and wallet links only for the registry's identity agents, who alone
 * can write identities; listings for agents and the admin.
 */
export function consoleSectionsFor(roles: ConsoleRoles): ConsoleSection[] {
  const out: ConsoleSection[] = [];
  if (roles.compliance || roles.admin) out.push("home");
  if (roles.compliance) out.push("tokens", "audit");
  if (roles.identityAgent) out.push("kyc", "wallets", "issuers");
  if (roles.compliance || roles.admin) out.push("listings");
  return out;
}

export type NavKey = "catalogue" | "portfolio" | "issuer" | "compliance" | "admin";

/**
 * The header links for a viewer (null = signed out). Staff see no portfolio unless they are also a verified
 * investor; the issuer console only for issuers; the compliance console for agents and the admin (listings); the
 * admin console for the platform admin.
 */
export function navFor(roles: HomeRoles | null): NavKey[] {
  const items: NavKey[] = ["catalogue"];
  if (!roles || !isStaff(roles) || roles.verified) items.push("portfolio");
  if (roles?.issuer) items.push("issuer");
  if (roles?.compliance || roles?.admin) items.push("compliance");
  if (roles?.admin) items.push("admin");
  return items;
}
