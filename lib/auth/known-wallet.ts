import "server-only";

import { type AuditInput, writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { investorIdOfWallet } from "@/lib/investors";
import { getRoles, type Roles } from "./roles";

type ReadRoles = (address: string) => Promise<Pick<Roles, "admin" | "compliance" | "issuer" | "registered">>;

/**
 * Whether the portal already knows this wallet: linked to an investor record, holding an on-chain role or
 * registered in the IdentityRegistry. When the chain cannot be read the answer is yes, so that an outage
 * never drops the audit of a real user.
 */
export async function isKnownWallet(
  db: Database,
  { address, readRoles = getRoles }: { address: string; readRoles?: ReadRoles },
): Promise<boolean> {
  if ((await investorIdOfWallet(db, address)) !== null) return true;
  try {
    const roles = await readRoles(address);
    return roles.admin || roles.compliance || roles.issuer || roles.registered;
  } catch {
    return true;
  }
}

/**
 * Audit a sign-in or sign-out, but only for a wallet the portal knows: the audit log is append-only, so
 * any self-made wallet that signs in would otherwise leave a row that can never be deleted. A new wallet's
 * trail starts when it starts onboarding (which creates its investor record and audits that).
 */
export async function auditSessionEvent(
  db: Database,
  {
    address,
    action,
    jti,
    ip,
    readRoles,
  }: {
    address: string;
    action: "auth.sign_in" | "auth.sign_out" | "auth.sign_out_everywhere";
    jti: string;
    ip: string | null;
    readRoles?: ReadRoles;
  },
): Promise<boolean> {
  if (!(await isKnownWallet(db, { address, readRoles }))) return false;
  await writeAudit(db, { actor: address, actorRole: "user", action, subjectType: "session", subjectId: jti, ip });
  return true;
}

/**
 * Audit a read that any signed-in wallet may make (a statement download), on the same rule: a wallet the portal does
 * not know leaves no row, so a self-made wallet cannot add rows to the append-only log by repeating the read.
 */
export async function auditKnownWalletRead(
  db: Database,
  { entry, readRoles }: { entry: AuditInput & { actor: string }; readRoles?: ReadRoles },
): Promise<boolean> {
  if (!(await isKnownWallet(db, { address: entry.actor, readRoles }))) return false;
  await writeAudit(db, entry);
  return true;
}
