import "server-only";

import { notFound, redirect } from "next/navigation";
import type { Address } from "viem";
import { writeAudit } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { getInvestorByWallet, type Investor } from "@/lib/investors";
import { hitRateLimit, RATE_LIMITS } from "@/lib/rate-limit";
import { AuthError } from "./errors";
import { getRoles, NO_ROLES, type Roles } from "./roles";
import { getSession } from "./session";

/**
 * "compliance": either agent role (opens the console, reads registers and audit); "identityAgent": the registry's
 * agents (KYC decisions, wallet links and unlinks); "enforcementAgent": the desk's agents (pause, freeze, two-agent
 * forced transfers, recoveries, burns).
 */
export type Role = "admin" | "compliance" | "identityAgent" | "enforcementAgent" | "issuer" | "investor" | "verified";

export type AuthContext = {
  address: Address;
  expiresAt: Date;
  /** On-chain roles; `rolesAvailable` is false when the chain could not be read and no role was required. */
  roles: Roles;
  rolesAvailable: boolean;
  /** The off-chain investor record linked to this wallet, if any. */
  investor: Investor | null;
};

export function hasRole(ctx: Pick<AuthContext, "roles" | "investor">, role: Role): boolean {
  switch (role) {
    case "admin":
      return ctx.roles.admin;
    case "compliance":
      return ctx.roles.compliance;
    case "identityAgent":
      return ctx.roles.identityAgent;
    case "enforcementAgent":
      return ctx.roles.enforcementAgent;
    case "issuer":
      return ctx.roles.issuer;
    case "investor":
      return ctx.investor !== null || ctx.roles.registered;
    case "verified":
      return ctx.roles.verified;
  }
}

/** The roles a context holds, for the audit entry of a refusal ("investor" when none). */
function heldRoles(ctx: Pick<AuthContext, "roles" | "investor">): string {
  const held = (["admin", "compliance", "issuer"] as const).filter((r) => ctx.roles[r]);
  return held.length ? held.join(",") : ctx.investor ? "investor" : "none";
}

/**
 * The one check for every server action and protected route: session, then (optionally) a role.
 * `role` may be a list: any one of them suffices. Throws `AuthError` ("unauthenticated" | "forbidden").
 * A signed-in wallet refused for want of a role is audited (`auth.forbidden`): an attempt at a privileged action
 * leaves a trace like the action would. Page visits (`requirePageSession`) are not audited.
 */
export async function requireSession({
  role,
  auditRefusal = true,
}: { role?: Role | readonly Role[]; auditRefusal?: boolean } = {}): Promise<AuthContext> {
  const session = await getSession();
  if (!session) throw new AuthError("unauthenticated");
  const required = role === undefined ? [] : typeof role === "string" ? [role] : role;

  const db = await getDb();
  const investorPromise = getInvestorByWallet(db, { address: session.address });
  let roles: Roles;
  let rolesAvailable = true;
  try {
    roles = await getRoles(session.address);
  } catch (error) {
    // Without a role requirement, a chain outage must not lock people out of their own pages.
    if (required.length > 0) throw error;
    console.error("[auth] role read failed:", error instanceof Error ? error.message : error);
    roles = NO_ROLES;
    rolesAvailable = false;
  }
  const ctx: AuthContext = {
    address: session.address,
    expiresAt: session.expiresAt,
    roles,
    rolesAvailable,
    investor: await investorPromise,
  };
  if (required.length > 0 && !required.some((r) => hasRole(ctx, r))) {
    // A wallet the portal does not know (no investor record, role or registry entry) leaves no permanent row: any
    // number of self-made wallets could otherwise each add refusals to the append-only log. Its refusal stands.
    const known =
      ctx.investor !== null || ctx.roles.admin || ctx.roles.compliance || ctx.roles.issuer || ctx.roles.registered;
    if (auditRefusal && !known)
      console.warn(`[auth] refusal of ${session.address} not audited: a wallet the portal does not know`);
    if (auditRefusal && known) {
      try {
        // Capped per wallet, so that a script calling staff actions cannot flood the audit log; past the cap the
        // refusal still stands and is logged here.
        const recorded = await hitRateLimit(db, {
          key: `forbiddenAudit:address:${session.address.toLowerCase()}`,
          rule: RATE_LIMITS.forbiddenAudit,
        });
        if (!recorded.ok) {
          console.warn(`[auth] refusal of ${session.address} not audited: over the per-wallet audit cap`);
          throw new AuthError("forbidden");
        }
        await writeAudit(db, {
          actor: session.address,
          actorRole: heldRoles(ctx),
          action: "auth.forbidden",
          subjectType: "role",
          subjectId: required.join(","),
          after: { required },
        });
      } catch (error) {
        if (error instanceof AuthError) throw error;
        // The refusal stands even if it could not be recorded.
        console.error("[auth] could not audit a refusal:", error instanceof Error ? error.message : error);
      }
    }
    throw new AuthError("forbidden");
  }
  return ctx;
}

/**
 * The signed-in viewer of a file that is not public (a listing in review): wallet and whether it holds the
 * compliance role. Null when signed out; compliance false when the chain cannot be read.
 */
export async function getFileViewer(): Promise<{ address: string; compliance: boolean } | null> {
  try {
    const ctx = await requireSession();
    return { address: ctx.address, compliance: ctx.roles.compliance };
  } catch (error) {
    if (error instanceof AuthError) return null;
    throw error;
  }
}

/**
 * Page variant: redirects to `/sign-in?next=…` when signed out; when the role is missing, redirects to
 * `onForbidden` if given, else renders the not-found page (does not reveal that the page exists).
 */
export async function requirePageSession({
  role,
  next,
  onForbidden,
}: {
  role?: Role | readonly Role[];
  /** Path to come back to after sign-in, e.g. "/portfolio". */
  next: string;
  onForbidden?: string;
}): Promise<AuthContext> {
  try {
    return await requireSession({ role, auditRefusal: false });
  } catch (error) {
    if (error instanceof AuthError) {
      if (error.code === "unauthenticated") {
        const safeNext = next.startsWith("/") && !next.startsWith("//") ? next : "/";
        redirect(`/sign-in?next=${encodeURIComponent(safeNext)}`);
      }
      if (onForbidden) redirect(onForbidden);
      notFound();
    }
    throw error;
  }
}

/**
 * A page that trades (buy, the market): signed in (else sign-in, coming back to `next`), and the wallet registered
 * on-chain (else onboarding first). A registered wallet whose KYC expired stays: the page's checks say so. When the
 * chain cannot be read, the page opens and its own checks refuse.
 */
export async function requireRegisteredPageSession(next: string): Promise<AuthContext> {
  const session = await requirePageSession({ next });
  if (!session.roles.registered && session.rolesAvailable) redirect("/onboarding");
  return session;
}
