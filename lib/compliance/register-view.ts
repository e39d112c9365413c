import "server-only";
import { getAddress } from "viem";
import { getDeployments, getPublicClient } from "@/lib/chain/server";
import { loadProposalTransferRows } from "@/lib/compliance/batch-transfer-preview";
import {
  getDeskAddress,
  getPaymentDecimals,
  getPendingProposals,
  getRecoveredWalletOrders,
  getWalletOpenOrders,
} from "@/lib/compliance/enforcement";
import { crossCheckRegister, getTokenTitle, readRegister, RegisterUnavailableError } from "@/lib/compliance/register";
import { getRegisterPage } from "@/lib/compliance/register-page";
import type { RegisterParams } from "@/lib/compliance/register-query";
import { getDb } from "@/lib/db";
import { readSuccessor } from "@/lib/chain/migrate-token";

/** Why the register asked for could not be read (the latest one is shown instead). */
export type RegisterNotice = { code: RegisterUnavailableError["code"]; through: string };

/**
 * Everything the holder register of one token shows: the register (at the block asked for, else the latest with a
 * notice), the optional archive cross-check, the listing's title and successor, the page of rows, and, for an
 * enforcement agent on the latest block, the desk's pending proposals and recovered wallets' open orders.
 * Null when the address is not a token.
 */
export async function getRegisterView(token: `0x${string}`, p: RegisterParams, opts: { enforcementAgent: boolean }) {
  const db = await getDb();
  let block = p.block;
  let notice: RegisterNotice | null = null;
  try {
    await readRegister(db, token, block);
  } catch (error) {
    if (!(error instanceof RegisterUnavailableError)) throw error;
    if (error.code === "not_a_token") return null;
    notice = { code: error.code, through: error.indexedThrough?.toString() ?? "" };
    block = undefined;
  }
  // The page's rows only carry identities (a page sorted by the chain's fields joins only its own rows').
  const { register, page } = await getRegisterPage(db, token, block, p);
  // The archive read as a cross-check of the indexer's register, on request (it costs a full read of that block).
  const check =
    p.check && register.source === "indexer"
      ? await readRegister(db, token, block).then(({ data }) => crossCheckRegister({ ...data, rows: data.holders }))
      : null;
  const [listing, successor] = await Promise.all([getTokenTitle(db, token), readSuccessor(getPublicClient(), token)]);
  const past = !register.atLatest;
  // Enforcement (pause, freeze, two-agent proposals) is for the desk's agents; an identity agent reads the register.
  const act = !past && opts.enforcementAgent;
  const desk = getDeskAddress();
  const proposals = desk && act ? await getPendingProposals(token) : [];
  // A recovery's reviewer sees the lost wallet's open orders and the escrow that will return to the new wallet.
  const lostOrders = await Promise.all(
    proposals.map((x) =>
      x.functionName === "recoverWallet" && typeof x.args.lostWallet === "string"
        ? getWalletOpenOrders({ token, wallet: getAddress(x.args.lostWallet) })
        : null,
    ),
  );
  // Wallets recovered already whose orders are still open: the officer cancels them (escrow to the recovered wallet).
  const market = getDeployments().market;
  const recovered = !past && market ? await getRecoveredWalletOrders({ token }) : [];
  const payDecimals = lostOrders.some((o) => o) || recovered.length > 0 ? await getPaymentDecimals() : 0;
  const transferRows = await loadProposalTransferRows(db, proposals);
  return {
    register,
    notice,
    check,
    title: listing?.title ?? register.name,
    successor,
    page,
    past,
    act,
    desk,
    market,
    proposals,
    lostOrders,
    recovered,
    payDecimals,
    transferRows,
  };
}

export type RegisterView = NonNullable<Awaited<ReturnType<typeof getRegisterView>>>;
