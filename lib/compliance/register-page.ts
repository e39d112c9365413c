import "server-only";
import type { Database } from "@/lib/db/connect";
import { readRegister, type TokenRegister } from "./register";
import { loadIdentities } from "./register-identities";
import { queryRegisterPositions } from "./register-order";
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
 * `readRegister` reads it). Sorted by the chain's fields without a search, the chain's rows are sorted and cut here;
 * a search or a sort by name, country or KYC runs in the database (`queryRegisterPositions`: the holders joined to
 * the identities there, only the page's positions come back). Either way only the page's rows have their
 * identities read: a few statements whatever the holder count.
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
  let cut: { rows: typeof holders; total: number; page: number; pages: number };
  if (pagesWithoutIdentities(p)) cut = queryRegister(holders, p);
  else {
    // A chain sort with a search: the chain's order first, the database keeps it among the matches.
    const chainSorted = pagesWithoutIdentities({ q: "", sort: p.sort });
    const ordered = chainSorted ? queryRegister(holders, { ...p, q: "", page: 1 }).all : holders;
    const { positions, ...rest } = await queryRegisterPositions(db, ordered, p);
    cut = { rows: positions.map((i) => ordered[i]!), ...rest };
  }
  const identities = await loadIdentities(db, {
    investorIds: cut.rows.map((h) => h.investorId),
    wallets: cut.rows.map((h) => h.wallet),
  });
  const { total, page, pages } = cut;
  return { register, page: { rows: joinRegister(cut.rows, data.totalSupply, identities), total, page, pages } };
}
