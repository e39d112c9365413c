import { sql } from "drizzle-orm";
import { notePageEpoch } from "@/lib/http/page-cache";
import type { Database } from "./connect";
import { pageEpochs } from "./schema";

/**
 * The public page epoch in the database (see lib/http/page-cache.ts): `bumpPageEpoch` when something public pages
 * show has changed, `readPageEpoch` for the poll of every instance. Each tells this process's cache at once.
 */
const NAME = "public";

export async function bumpPageEpoch(db: Database): Promise<number> {
  const [row] = await db
    .insert(pageEpochs)
    .values({ name: NAME, epoch: 1 })
    .onConflictDoUpdate({
      target: pageEpochs.name,
      set: { epoch: sql`${pageEpochs.epoch} + 1`, changedAt: sql`now()` },
    })
    .returning({ epoch: pageEpochs.epoch });
  notePageEpoch(row!.epoch);
  return row!.epoch;
}

export async function readPageEpoch(db: Database): Promise<number> {
  const rows = await db
    .select({ epoch: pageEpochs.epoch })
    .from(pageEpochs)
    .where(sql`${pageEpochs.name} = ${NAME}`);
  const epoch = rows[0]?.epoch ?? 0;
  notePageEpoch(epoch);
  return epoch;
}
