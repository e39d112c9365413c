/**
 * Where a signed-in person belongs and which console links they can open, from their on-chain roles. Pure, so the
 * sign-in action, the sign-in page and the header agree.
 */
export type HomeRoles = { admin: boolean; compliance: boolean; issuer: boolean; verified: boolean };

const isStaff = (r: HomeRoles) => r.admin || r.compliance || r.issuer;

/** The page after sign-in when no other page was asked for: the person's console, else the portfolio. */
export function homeFor(roles: HomeRoles): string {
  if (roles.compliance) return "/compliance";
  if (roles.issuer) return "/issuer";
  // The platform admin reviews listings (the rest of the compliance console is for agents).
  if (roles.admin) return "/compliance/listings";
  return "/portfolio";
}

export type NavKey = "catalogue" | "portfolio" | "issuer" | "compliance";

/**
 * The header links for a viewer (null = signed out). Staff see no portfolio unless they are also a verified
 * investor; the issuer console only for issuers; the compliance console for agents and the admin (listings).
 */
export function navFor(roles: HomeRoles | null): NavKey[] {
  const items: NavKey[] = ["catalogue"];
  if (!roles || !isStaff(roles) || roles.verified) items.push("portfolio");
  if (roles?.issuer) items.push("issuer");
  if (roles?.compliance || roles?.admin) items.push("compliance");
  return items;
}
