/**
 * The register's search and its sorts by identity (name, country, KYC) in SQL: the holders of the register (the
 * chain's rows at its block, in memory) are sent as one packed parameter and joined there with `investors` (hash
 * join on its unique `on_chain_id`; a holder whose investor id names nobody is looked up by its wallet in
 * `investor_wallets`, on its primary key), filtered, ordered and cut to the page; only the page's positions come back.
 * A 100,000-holder register is one statement (~0.8 s on PGlite on a busy 2-core machine), not 100,000 identities read
 * into the server. Plain module: the page (`register-page.ts`) and its tests call it.
 *
 * The order is that of `queryRegister` (register-query.ts): a row's identity is the investor its on-chain investor id
 * names, else the investor its wallet is linked to; names compare case-insensitively, then as written (code points),
 * missing last ascending and first descending; countries by code, missing as "ZZZ"; KYC by `KYC_ORDER`, missing
 * first; ties by lowercase wallet ascending, whatever the direction.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/connect";
import type { ChainHolder } from "./register-chain";
import { KYC_ORDER, type RegisterParams } from "./register-query";

/** Wallet (42 characters) and investor id (66), lowercase, packed per holder: one string, split in the statement. */
const WALLET_CHARS = 42;
function pack(holders: readonly ChainHolder[]): string {
  return holders.map((h) => `${h.wallet.toLowerCase()}${h.investorId.toLowerCase()}`).join(",");
}

const kycRank = sql.raw(
  `CASE j.kyc_status::text ${Object.entries(KYC_ORDER)
    .map(([status, rank]) => `WHEN '${status}' THEN ${rank}`)
    .join(" ")} ELSE -1 END`,
);

function orderBy(p: Pick<RegisterParams, "sort" | "dir">): SQL {
  const dir = sql.raw(p.dir === "asc" ? "ASC" : "DESC");
  switch (p.sort) {
    case "name":
      return sql`lower(j.legal_name) COLLATE "C" ${dir}, j.legal_name COLLATE "C" ${dir}`;
    case "country":
      return sql`coalesce(j.residence, 'ZZZ') COLLATE "C" ${dir}`;
    case "kyc":
      return sql`${kycRank} ${dir}`;
    default:
      // Chain sorts: the caller sends the holders in that order already.
      return sql`j.ord ASC`;
  }
}

/**
 * A field of the holder's identity: the investor its on-chain id names (hash-joined), else (a sub-select by the
 * wallet's primary key, run only for those rows) the investor its wallet is linked to.
 */
const identityField = (column: "legal_name" | "residence" | "kyc_status") =>
  sql.raw(`CASE WHEN ic.id IS NOT NULL THEN ic.${column} ELSE (
    SELECT iw.${column} FROM investor_wallets w JOIN investors iw ON iw.id = w.investor_id WHERE w.address = h.wallet
  ) END AS ${column}`);

/** The holders (packed) joined to their identities: position, wallet, investor id, name, country, KYC. */
const joined = (packed: string) => sql`
  WITH h AS (
    SELECT u.ord, substr(u.x, 1, ${WALLET_CHARS}) AS wallet, substr(u.x, ${WALLET_CHARS + 1}) AS investor_id
    FROM unnest(string_to_array(${packed}::text, ',')) WITH ORDINALITY AS u(x, ord)
  ), j AS (
    SELECT h.ord, h.wallet, h.investor_id, ${identityField("legal_name")}, ${identityField("residence")},
      ${identityField("kyc_status")}
    FROM h LEFT JOIN investors ic ON ic.on_chain_id = h.investor_id
  )`;

/**
 * The positions (0-based, in `holders`) of the rows of one page of the register searched by `q` (a substring of the
 * wallet, the investor id or the name, case-insensitive; or the country code) and sorted by `sort` (the page clamped
 * to the last one), and how many rows match. For a chain sort (`shares`, `frozen`) the caller sorts the chain's rows
 * itself; here any sort may be combined with a search.
 */
export async function queryRegisterPositions(
  db: Database,
  holders: readonly ChainHolder[],
  p: Pick<RegisterParams, "q" | "sort" | "dir" | "page" | "per">,
): Promise<{ positions: number[]; total: number; page: number; pages: number }> {
  if (holders.length === 0) return { positions: [], total: 0, page: 1, pages: 1 };
  const q = p.q.toLowerCase();
  const where = q
    ? sql`WHERE strpos(j.wallet, ${q}) > 0 OR strpos(j.investor_id, ${q}) > 0
            OR strpos(lower(coalesce(j.legal_name, '')), ${q}) > 0 OR lower(coalesce(j.residence, '')) = ${q}`
    : sql``;
  const packed = pack(holders);
  return db.transaction(async (tx) => {
    // The join and the count over every holder fit in memory (the default 4 MB spills them to disk); no JIT (the
    // sub-selects' estimate makes PostgreSQL compile the plan: a second of LLVM for a plan that runs in less).
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    await tx.execute(sql`SET LOCAL jit = off`);
    const run = async (page: number) =>
      (
        await tx.execute<{ ord: string | number; total: string | number }>(sql`${joined(packed)}
          SELECT j.ord, count(*) OVER () AS total FROM j ${where}
          ORDER BY ${orderBy(p)}, j.wallet COLLATE "C" ASC
          LIMIT ${p.per} OFFSET ${(page - 1) * p.per}`)
      ).rows;
    let rows = await run(p.page);
    let page = p.page;
    let total = rows.length > 0 ? Number(rows[0]!.total) : -1;
    if (total < 0) {
      // Past the last page (or nothing matches): the number of matches, then the last page as `queryRegister` does.
      const [count] = (
        await tx.execute<{ n: string | number }>(sql`${joined(packed)} SELECT count(*) AS n FROM j ${where}`)
      ).rows;
      total = Number(count?.n ?? 0);
      page = Math.max(1, Math.ceil(total / p.per));
      rows = total > 0 && page !== p.page ? await run(page) : [];
    }
    return {
      positions: rows.map((r) => Number(r.ord) - 1),
      total,
      page,
      pages: Math.max(1, Math.ceil(total / p.per)),
    };
  });
}
