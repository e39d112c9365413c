import "server-only";
import type { Database } from "@/lib/db/connect";
import { getTokenRegister, readRegister, type TokenRegister } from "./register";
import { loadIdentities } from "./register-identities";
import {
  joinRegister,
  pagesWithoutIdentities,
  queryRegister,
  type RegisterParams,
  type RegisterRow,
} from "./register-query";

/** A register's header (everything but its rows) and how many holder wallets it lists. */
export type RegisterHeader = Omit<TokenRegister, "rows"> & { walletRows: number };

export type RegisterPage = { rows: RegisterRow[]; total: number; page: number; pages: number };

/**
 * One page of a register as the console shows it (search, sort and paging from the URL; the block read as
 * `readRegister` reads it). Sorted by the chain's fields without a search, only the page's rows need their identities
 * (a few queries whatever the holder count: the warm page of a 100,000-holder register stays fast); a search or a
 * sort by name, country or KYC joins every holder's identity first.
 */
export async function getRegisterPage(
  db: Database,
  token: string,
  block: string | undefined,
  p: Pick<RegisterParams, "q" | "sort" | "dir" | "page" | "per">,
): Promise<{ register: RegisterHeader; page: RegisterPage }> {
  const { data, extra } = await readRegister(db, token, block);
  const { holders, ...header } = data;
  const register: RegisterHeader = { ...header, ...extra, walletRows: holders.length };
  if (!pagesWithoutIdentities(p)) {
    const { rows, total, page, pages } = queryRegister((await getTokenRegister(db, token, block)).rows, p);
    return { register, page: { rows, total, page, pages } };
  }
  const { rows, total, page, pages } = queryRegister(holders, p);
  const identities = await loadIdentities(db, {
    investorIds: rows.map((h) => h.investorId),
    wallets: rows.map((h) => h.wallet),
  });
  return { register, page: { rows: joinRegister(rows, data.totalSupply, identities), total, page, pages } };
}
