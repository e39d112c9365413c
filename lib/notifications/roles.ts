/**
 * A platform role granted to or revoked from a wallet, told to the person whose wallet it is: with the console they
 * can now open (or home, once it is taken). Called by the admin console's projection of the platform contracts'
 * RoleGranted / RoleRevoked (lib/admin/projection.ts) for live blocks, inside the indexer's transaction, so every
 * change is told once — one made from `/admin`, by a script or straight on the chain alike. Plain module.
 */
import type { Database } from "@/lib/db/connect";
import { type MailSettings, notify } from "./emit";
import { recipientOfWallet } from "./recipients";

export type NotifiedRole = "admin" | "issuer" | "identityAgent" | "enforcementAgent";

export type RoleChangeNotice = {
  change: "granted" | "revoked";
  role: NotifiedRole;
  account: string;
  txHash: string;
  logIndex: number;
};

/** Where a holder of each role acts. */
const CONSOLES: Record<NotifiedRole, string> = {
  admin: "/admin",
  issuer: "/issuer",
  identityAgent: "/compliance",
  enforcementAgent: "/compliance",
};

/** One notice per role event (keyed by its transaction and log index). Returns how many were new. */
export async function emitRoleChanges(
  db: Database,
  notices: readonly RoleChangeNotice[],
  settings?: MailSettings,
): Promise<number> {
  let told = 0;
  for (const n of notices) {
    const id = await notify(
      db,
      {
        recipient: await recipientOfWallet(db, n.account),
        kind: n.change === "granted" ? "role_granted" : "role_revoked",
        params: { role: n.role },
        link: n.change === "granted" ? CONSOLES[n.role] : "/",
        dedupeKey: `role:${n.txHash.toLowerCase()}:${n.logIndex}`,
      },
      settings,
    );
    if (id) told += 1;
  }
  return told;
}
