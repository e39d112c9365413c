import "server-only";
import { cache } from "react";
import { unstable_rethrow } from "next/navigation";
import { getAddress } from "viem";
import { getRoles, getSession } from "@/lib/auth";
import type { HomeRoles } from "@/lib/auth/client";
import type { Address } from "@/lib/wallet/types";

export type ViewerRole = "admin" | "issuer" | "compliance";

export type Viewer = {
  address: Address;
  /** Console roles, most powerful first. Empty when the chain could not be read. */
  roles: ViewerRole[];
  /** The registry's agent role (identity writes) and the desk's agent role (token enforcement). */
  identityAgent: boolean;
  enforcementAgent: boolean;
  verified: boolean;
};

/** The signed-in wallet and its on-chain roles for the shell (header, nav), or null. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  let session;
  try {
    session = await getSession();
  } catch (error) {
    unstable_rethrow(error);
    console.error("[shell] session read failed:", error instanceof Error ? error.message : error);
    return null;
  }
  if (!session) return null;
  try {
    const r = await getRoles(session.address);
    const roles: ViewerRole[] = [];
    if (r.admin) roles.push("admin");
    if (r.compliance) roles.push("compliance");
    if (r.issuer) roles.push("issuer");
    return {
      address: getAddress(session.address),
      roles,
      identityAgent: r.identityAgent,
      enforcementAgent: r.enforcementAgent,
      verified: r.verified,
    };
  } catch (error) {
    unstable_rethrow(error);
    // A chain outage must not break every page: show the wallet without console links.
    console.error("[shell] role read failed:", error instanceof Error ? error.message : error);
    return {
      address: getAddress(session.address),
      roles: [],
      identityAgent: false,
      enforcementAgent: false,
      verified: false,
    };
  }
});

/** The viewer's roles in the shape of lib/auth/home (landing page and header links). */
export function homeRolesOf(viewer: Viewer): HomeRoles {
  return {
    admin: viewer.roles.includes("admin"),
    compliance: viewer.roles.includes("compliance"),
    issuer: viewer.roles.includes("issuer"),
    verified: viewer.verified,
  };
}
