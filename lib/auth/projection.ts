/**
 * lib/auth's part of the indexer: the role floors. When a platform role of a wallet changes on-chain (through the
 * admin console or straight on a contract), the wallet's sessions read their roles at or after that block from their
 * next request on, on every instance. The admin console's action raises the floor at once; the indexer's role
 * projection (lib/admin/projection) raises it for every change it sees. A plain module (no `server-only`): the
 * indexer worker loads it outside Next.
 */
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import { sessionRoleFloors } from "@/lib/db/schema";

/**
 * A platform role of this wallet changed at `blockNumber` (granted or revoked through the admin console): its
 * sessions read their roles at that block or later from their next request on (`getRoles`), on every instance.
 */
export async function raiseRoleFloor(
  db: Database,
  { address, blockNumber, now = new Date() }: { address: string; blockNumber: bigint; now?: Date },
): Promise<void> {
  await db
    .insert(sessionRoleFloors)
    .values({ address: address.toLowerCase(), blockNumber, changedAt: now })
    .onConflictDoUpdate({
      target: sessionRoleFloors.address,
      set: {
        blockNumber: sql`GREATEST(${sessionRoleFloors.blockNumber}, excluded.block_number)`,
        changedAt: sql`excluded.changed_at`,
      },
    });
}

/** The block this wallet's roles must be read at or after, or null (no role change recorded). */
export async function readRoleFloor(db: Database, address: string): Promise<bigint | null> {
  const [row] = await db
    .select({ blockNumber: sessionRoleFloors.blockNumber })
    .from(sessionRoleFloors)
    .where(eq(sessionRoleFloors.address, address.toLowerCase()))
    .limit(1);
  return row?.blockNumber ?? null;
}
