import "server-only";
import { writeAudit } from "@/lib/audit";
import { getTokenRegister } from "@/lib/compliance/register";
import { buildRegisterCsv, queryRegister, type RegisterParams } from "@/lib/compliance/register-query";
import { getDb } from "@/lib/db";

/**
 * A token's whole register as CSV (search and sort apply; no paging), audited. A past block comes from the same source
 * as the page (the indexer once it has reached the block, else the node's archive). Throws RegisterUnavailableError
 * when that register cannot be read.
 */
export async function exportRegisterCsv({
  actor,
  token,
  params: p,
  ip,
}: {
  actor: string;
  token: `0x${string}`;
  params: RegisterParams;
  ip: string | null;
}): Promise<{ csv: string; filename: string; source: string }> {
  const db = await getDb();
  const register = await getTokenRegister(db, token, p.block);
  const { all } = queryRegister(register.rows, { ...p, page: 1, per: 50 });
  const csv = buildRegisterCsv({ blockNumber: register.blockNumber, rows: all });
  await writeAudit(db, {
    actor,
    actorRole: "compliance",
    action: "register.exported",
    subjectType: "token",
    subjectId: token.toLowerCase(),
    after: {
      token: token.toLowerCase(),
      blockNumber: register.blockNumber.toString(),
      source: register.source,
      rows: all.length,
      q: p.q || null,
      sort: p.sort,
      dir: p.dir,
    },
    ip,
  });
  return {
    csv,
    filename: `register-${register.symbol}-block-${register.blockNumber}.csv`,
    source: register.source,
  };
}
