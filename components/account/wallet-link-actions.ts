"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionContext, defineAction, refuse, unwrap } from "@/lib/actions";
import { getServerEnv } from "@/lib/env";
import {
  cancelLinkRequest,
  getNewWalletMessage,
  signInvitedLink,
  signLinkAsCurrent,
  signLinkAsNew,
  startLinkRequest,
  type WalletLinkError,
  cancelUnlink,
  requestUnlink,
  type UnlinkError,
  type WalletExposure,
} from "@/lib/kyc";

/*
 * The investor's side of linking a second wallet, through the action pipeline (lib/actions): zod → a session whose
 * wallet the registry verifies (role "verified") and that belongs to an investor → the request must be that
 * investor's, opened from that wallet → act → audit (in lib/kyc/wallet-links, in the same transaction as the change).
 */

/** Takes no input: whatever is sent is ignored. */
const noInput = z.custom<void>();

const define = defineAction<WalletLinkError | UnlinkError>();
const messages = "walletLinks.errors";

/** The signed-in wallet and its investor; a verified wallet that belongs to no investor is refused. */
function verifiedInvestor({ session }: ActionContext<"verified">) {
  if (!session.investor) refuse("forbidden");
  return { wallet: session.address.toLowerCase(), investor: session.investor };
}

function refreshAccount(alsoCompliance = true) {
  revalidatePath("/account", "layout");
  if (alsoCompliance) revalidatePath("/compliance/wallets");
}

const idInput = z.object({ id: z.uuid() });
const signature = z.string().regex(/^0x[0-9a-fA-F]{130}$/);
const newWalletInput = idInput.extend({ newWallet: z.string().regex(/^0x[0-9a-fA-F]{40}$/) });

/** Opens (or resumes) a request; returns the message the current wallet signs. */
export const startWalletLinkAction = define({
  name: "walletLinks.start",
  input: noInput,
  auth: "verified",
  messages,
  run: async (_, ctx) => {
    const { wallet, investor } = verifiedInvestor(ctx);
    const env = getServerEnv();
    const { request } = unwrap(
      await startLinkRequest(ctx.db, { investor, wallet, chainId: env.chainId, origin: env.appOrigin }),
    );
    refreshAccount(false);
    return { id: request.id, message: request.currentMessage, currentSigned: !!request.currentSignature };
  },
});

export const signCurrentWalletAction = define({
  name: "walletLinks.signCurrent",
  input: idInput.extend({ signature }),
  auth: "verified",
  messages,
  run: async ({ id, signature }, ctx) => {
    const { wallet, investor } = verifiedInvestor(ctx);
    unwrap(await signLinkAsCurrent(ctx.db, { id, investorId: investor.id, wallet, signature }));
    refreshAccount(false);
    return {};
  },
});

/** The message the new wallet signs, built by the server for this request and that wallet. */
export const newWalletMessageAction = define({
  name: "walletLinks.newWalletMessage",
  input: newWalletInput,
  auth: "verified",
  messages,
  run: async ({ id, newWallet }, ctx) => {
    const { wallet, investor } = verifiedInvestor(ctx);
    const env = getServerEnv();
    const { message } = unwrap(
      await getNewWalletMessage(ctx.db, {
        id,
        investorId: investor.id,
        wallet,
        newWallet,
        chainId: env.chainId,
        origin: env.appOrigin,
      }),
    );
    return { message };
  },
});

export const signNewWalletAction = define({
  name: "walletLinks.signNew",
  input: newWalletInput.extend({ signature }),
  auth: "verified",
  messages,
  run: async ({ id, newWallet, signature }, ctx) => {
    const { wallet, investor } = verifiedInvestor(ctx);
    const env = getServerEnv();
    unwrap(
      await signLinkAsNew(ctx.db, {
        id,
        investorId: investor.id,
        wallet,
        newWallet,
        signature,
        chainId: env.chainId,
        origin: env.appOrigin,
      }),
    );
    refreshAccount();
    return {};
  },
});

/** Withdraws one of the investor's own requests (by id), from the wallet that opened it. */
function cancelAction(
  name: string,
  cancel: (
    db: ActionContext["db"],
    input: { id: string; investorId: string; wallet: string },
  ) => Promise<{ ok: boolean }>,
) {
  return define({
    name,
    input: idInput,
    auth: "verified",
    messages,
    run: async ({ id }, ctx) => {
      const { wallet, investor } = verifiedInvestor(ctx);
      unwrap(await cancel(ctx.db, { id, investorId: investor.id, wallet }));
      refreshAccount();
      return {};
    },
  });
}

export const cancelWalletLinkAction = cancelAction("walletLinks.cancel", cancelLinkRequest);

/**
 * A compliance officer opened a link request for this wallet: its holder, signed in with it (no investor role needed —
 * the wallet is not linked yet), signs the statement. The server checks the session's wallet is the one named.
 */
export const signInvitedLinkAction = define({
  name: "walletLinks.signInvited",
  input: idInput.extend({ signature }),
  auth: "signedIn",
  messages,
  run: async ({ id, signature }, { session, db }) => {
    unwrap(await signInvitedLink(db, { id, wallet: session.address, signature }));
    refreshAccount();
    return {};
  },
});

/**
 * Ask compliance to unlink one of the investor's other wallets. Refused (with the holdings and orders named) while
 * that wallet holds shares or has open market orders, and for the signed-in wallet itself.
 */
export const requestUnlinkAction = defineAction<WalletLinkError | UnlinkError, { exposure: WalletExposure }>()({
  name: "walletLinks.requestUnlink",
  input: z.object({ wallet: z.string().regex(/^0x[0-9a-fA-F]{40}$/) }),
  auth: "verified",
  messages,
  run: async ({ wallet: target }, ctx) => {
    const { wallet, investor } = verifiedInvestor(ctx);
    const r = await requestUnlink(ctx.db, { investorId: investor.id, wallet, target });
    if (!r.ok) refuse(r.code, r.exposure ? { extra: { exposure: r.exposure } } : {});
    refreshAccount();
    return {};
  },
});

export const cancelUnlinkAction = cancelAction("walletLinks.cancelUnlink", cancelUnlink);
