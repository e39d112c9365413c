/**
 * The portal follows a token migration (`npm run migrate-token`): the listing whose row names the retired token
 * names its successor instead, so the artwork page, the catalogue and the consoles read the new token. The chain is
 * asked first — the retired token's `migration()` must name the successor and the successor's copy must have ended —
 * so nothing but a finished on-chain migration moves a listing. Audited. Plain module taking a database and a client
 * (the script has no request, no session).
 */
import { eq } from "drizzle-orm";
import { getAddress, type Address, type PublicClient } from "viem";
import { writeAudit } from "@/lib/audit";
import { artworkShareTokenAbi } from "@/lib/chain/abis";
import { readSuccessor } from "@/lib/chain/migrate-token";
import type { Database } from "@/lib/db";
import { artworks } from "@/lib/db/schema";

// A chain read the compliance register makes too, so it lives with the token migration in lib/chain.
export { readSuccessor };

export type FollowResult =
  | { status: "moved"; artworkId: string; from: Address; to: Address }
  | { status: "already"; artworkId: string; to: Address }
  | { status: "no_listing" };

export class TokenMigrationError extends Error {
  constructor(readonly code: "not_retired" | "copy_running") {
    super(code === "not_retired" ? "The token is not retired" : "The successor is still being copied");
    this.name = "TokenMigrationError";
  }
}

export async function followTokenMigration({
  db,
  client,
  token,
  actor,
}: {
  db: Database;
  client: PublicClient;
  token: Address;
  /** Lowercase wallet address of whoever ran the migration (the token's owner), or "system". */
  actor: string;
}): Promise<FollowResult> {
  const successor = await readSuccessor(client, token);
  if (!successor) throw new TokenMigrationError("not_retired");
  const [, , copying] = await client.readContract({
    address: successor,
    abi: artworkShareTokenAbi,
    functionName: "migration",
  });
  if (copying) throw new TokenMigrationError("copy_running");
  const from = token.toLowerCase();
  const to = successor.toLowerCase();
  return db.transaction(async (tx) => {
    const [moved] = await tx
      .update(artworks)
      .set({ tokenAddress: to, updatedAt: new Date() })
      .where(eq(artworks.tokenAddress, from))
      .returning({ id: artworks.id });
    if (!moved) {
      const [done] = await tx.select({ id: artworks.id }).from(artworks).where(eq(artworks.tokenAddress, to));
      return done ? { status: "already", artworkId: String(done.id), to: successor } : { status: "no_listing" };
    }
    await writeAudit(tx as unknown as Database, {
      actor,
      actorRole: "issuer",
      action: "listing.token_migrated",
      subjectType: "artwork",
      subjectId: String(moved.id),
      before: { tokenAddress: from },
      after: { tokenAddress: to },
    });
    return { status: "moved", artworkId: String(moved.id), from: getAddress(token), to: successor };
  });
}
