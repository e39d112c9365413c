import "server-only";

import { getDb } from "@/lib/db";
import { listRoleHolders, type RoleHolders } from "./holders";

/** The admin console's roles page: the holders, or a failure said in words when the chain or database is down. */
export async function listAdminRoles(): Promise<{ ok: true; value: RoleHolders } | { ok: false }> {
  try {
    return { ok: true, value: await listRoleHolders(await getDb()) };
  } catch (error) {
    console.error("[admin] role holders unavailable:", error instanceof Error ? error.message : error);
    return { ok: false };
  }
}
