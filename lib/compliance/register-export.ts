import "server-only";
import { writeAudit } from "@/lib/audit";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/connect";
import { readRegister, type RegisterSource } from "./register";
import type { ChainHolder } from "./register-chain";
import { loadIdentities } from "./register-identities";
import { queryRegisterPositions } from "./register-order";
import {
  joinRegister,
  pagesWithoutIdentities,
  queryRegister,
  REGISTER_CSV_HEADER,
  registerCsvLines,
  type RegisterParams,
} from "./register-query";

/** Holder wallets written per batch of a streamed export: their identities are read by one lookup. */
export const REGISTER_EXPORT_BATCH = 1_000;

/**
 * The register's holders in the order of the page (search and sort apply; no paging), before identities are joined.
 * Sorted by the chain's fields without a search, the chain's rows are sorted here; a search or a sort by name, country
 * or KYC runs in the database, which sends back the matching positions only (as the page does: register-page.ts).
 */
export async function orderRegisterHolders(
  db: Database,
  holders: readonly ChainHolder[],
  p: Pick<RegisterParams, "q" | "sort" | "dir">,
): Promise<ChainHolder[]> {
  const all = { ...p, page: 1, per: Math.max(1, holders.length) };
  if (pagesWithoutIdentities(p)) return queryRegister(holders, all).all;
  const ordered = pagesWithoutIdentities({ q: "", sort: p.sort })
    ? queryRegister(holders, { ...all, q: "" }).all
    : holders;
  const { positions } = await queryRegisterPositions(db, ordered, all);
  return positions.map((i) => ordered[i]!);
}

/**
 * The CSV of `holders` (already in order) as a stream: the header, then one batch of `batch` rows at a time, each
 * batch's identities read when the reader asks for it, so the identities and the text held at once are one batch's
 * whatever the register's size.
 */
export function streamRegisterCsv({
  db,
  blockNumber,
  totalSupply,
  holders,
  batch = REGISTER_EXPORT_BATCH,
  identitiesOf = loadIdentities,
}: {
  db: Database;
  blockNumber: bigint;
  totalSupply: bigint;
  holders: readonly ChainHolder[];
  batch?: number;
  identitiesOf?: typeof loadIdentities;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(REGISTER_CSV_HEADER));
      if (holders.length === 0) controller.close();
    },
    async pull(controller) {
      const part = holders.slice(next, next + batch);
      next += part.length;
      const identities = await identitiesOf(db, {
        investorIds: part.map((h) => h.investorId),
        wallets: part.map((h) => h.wallet),
      });
      controller.enqueue(
        encoder.encode(registerCsvLines({ blockNumber, rows: joinRegister(part, totalSupply, identities) })),
      );
      if (next >= holders.length) controller.close();
    },
  });
}

/**
 * A token's whole register as a CSV stream (search and sort apply; no paging), audited when the export starts. A past
 * block comes from the same source as the page (the indexer once it has reached the block, else the node's archive).
 * Throws RegisterUnavailableError when that register cannot be read.
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
}): Promise<{ body: ReadableStream<Uint8Array>; rows: number; filename: string; source: RegisterSource }> {
  const db = await getDb();
  const { data, extra } = await readRegister(db, token, p.block);
  const holders = await orderRegisterHolders(db, data.holders, p);
  await writeAudit(db, {
    actor,
    actorRole: "compliance",
    action: "register.exported",
    subjectType: "token",
    subjectId: token.toLowerCase(),
    after: {
      token: token.toLowerCase(),
      blockNumber: data.blockNumber.toString(),
      source: extra.source,
      rows: holders.length,
      q: p.q || null,
      sort: p.sort,
      dir: p.dir,
    },
    ip,
  });
  return {
    body: streamRegisterCsv({ db, blockNumber: data.blockNumber, totalSupply: data.totalSupply, holders }),
    rows: holders.length,
    filename: `register-${data.symbol}-block-${data.blockNumber}.csv`,
    source: extra.source,
  };
}
