import "server-only";
import { getDb } from "@/lib/db";
import { getInvestorWallets } from "@/lib/investors";
import { getInvestorLinkRequests, getInvitationFor, readWalletsVerified, getInvestorUnlinkRequests } from "@/lib/kyc";

/**
 * Server-only view loaders of the signed-in user's account pages: each page calls one and receives plain data;
 * pages and components never reach the database.
 */

/** The account page: how many wallets the investor has linked. */
export async function getAccountView({ investorId }: { investorId: string }) {
  const wallets = await getInvestorWallets(await getDb(), { investorId });
  return { walletCount: wallets.length };
}

/** A wallet not linked yet may have been named by a compliance officer: the invitation its holder confirms. */
export async function getWalletInvitationView({ wallet }: { wallet: string }) {
  return getInvitationFor(await getDb(), { wallet });
}

/**
 * The investor's wallets page: linked wallets (each with whether the registry verifies it), the open link request and
 * recent decisions, and the unlink requests by wallet.
 */
export async function getAccountWalletsView({ investorId, address }: { investorId: string; address: string }) {
  const db = await getDb();
  const [wallets, requests, unlinkRequests] = await Promise.all([
    getInvestorWallets(db, { investorId }),
    getInvestorLinkRequests(db, { investorId }),
    getInvestorUnlinkRequests(db, { investorId }),
  ]);
  const unlinkOf = new Map(unlinkRequests.map((u) => [u.wallet, u]));
  const verified = await readWalletsVerified(wallets.map((w) => w.address));
  const me = address.toLowerCase();
  // An unsigned request opened from another of the investor's wallets is replaced when this one starts.
  const open =
    requests.open &&
    (requests.open.status === "submitted" || requests.open.initiatedBy || requests.open.currentWallet === me)
      ? requests.open
      : null;
  return { wallets, unlinkOf, verified, me, open, lastDecided: requests.recent[0] };
}

export type AccountWalletsView = Awaited<ReturnType<typeof getAccountWalletsView>>;
