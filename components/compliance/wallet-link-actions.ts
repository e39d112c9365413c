"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, defineFormAction, refuse, unwrap } from "@/lib/actions";
import { settleConfirmedTx } from "@/lib/sync";
import {
  confirmWalletLink,
  officerStartLinkRequest,
  planWalletLink,
  rejectWalletLink,
  type WalletLinkError,
  confirmUnlink,
  planUnlink,
  type UnlinkError,
  type WalletExposure,
} from "@/lib/kyc";
import { getServerEnv } from "@/lib/env";

/*
 * Compliance's side of wallet links, through the action pipeline (lib/actions): zod → session with the identity
 * agent role (AGENT_ROLE on the registry) → the request's state → act → audit (lib/kyc/wallet-links). The officer's
 * own wallet signs `linkWallet`; the server only plans the call and verifies it afterwards.
 */

type LinkDecisionCode = WalletLinkError | UnlinkError;
const define = defineAction<LinkDecisionCode>();
const messages = "walletLinks.errors";
const txHash = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/)
  .transform((h) => h.toLowerCase() as `0x${string}`);

const refresh = () => revalidatePath("/compliance/wallets");

/** Step 1: what the officer's wallet will sign (or nothing, when the registry already holds the link). */
export const beginWalletLinkAction = define({
  name: "walletLinks.beginLink",
  input: z.object({ id: z.uuid() }),
  auth: "identityAgent",
  messages,
  run: async ({ id }, { session, db }) => {
    const { plan } = unwrap(await planWalletLink(db, { id, officer: session.address.toLowerCase() }));
    return { plan };
  },
});

/**
 * Step 2: verifies the officer's transaction and the registry, then records the link — or, for a professional or
 * institutional investor's first officer, records the on-chain proposal (`proposed`) for another officer to confirm.
 */
export const confirmWalletLinkAction = define({
  name: "walletLinks.confirmLink",
  input: z.object({ id: z.uuid(), txHash: txHash.nullable() }),
  auth: "identityAgent",
  messages,
  run: async ({ id, txHash }, { session, db }) => {
    const r = unwrap(await confirmWalletLink(db, { id, txHash, officer: session.address.toLowerCase() }));
    if (txHash) await settleConfirmedTx({ txHash });
    refresh();
    revalidatePath("/account", "layout");
    return r.proposed ? { proposed: true } : {};
  },
});

/** Form action (useActionState): reject with a reason the investor sees. */
export const rejectWalletLinkAction = defineFormAction<LinkDecisionCode>()({
  name: "walletLinks.rejectLink",
  input: z.object({ id: z.uuid(), reason: z.string().trim().min(5, "reasonLength").max(500, "reasonLength") }),
  fromForm: (form) => ({ id: form.get("id"), reason: form.get("reason") }),
  auth: "identityAgent",
  messages,
  fieldMessages: messages,
  run: async ({ id, reason }, { session, db }) => {
    unwrap(await rejectWalletLink(db, { id, officer: session.address.toLowerCase(), reason }));
    refresh();
    return {};
  },
});

/**
 * The console's "Link a wallet": opens a request that the new wallet's holder must sign in the portal (the same
 * statement as the investor's own flow); another officer then registers it. Nothing is linked here, and every
 * refusable condition (wallet already linked, to this investor or another; investor not verified; a request
 * already open) is refused before anyone is asked to sign.
 */
export const officerStartLinkAction = define({
  name: "walletLinks.officerStart",
  input: z.object({
    investorId: z.uuid(),
    wallet: z
      .string()
      .trim()
      .regex(/^0x[0-9a-fA-F]{40}$/, "address"),
  }),
  auth: "identityAgent",
  messages,
  fieldMessages: messages,
  run: async ({ investorId, wallet }, { session, db }) => {
    const env = getServerEnv();
    const { request } = unwrap(
      await officerStartLinkRequest(db, {
        investorId,
        officer: session.address.toLowerCase(),
        newWallet: wallet,
        chainId: env.chainId,
        origin: env.appOrigin,
      }),
    );
    refresh();
    revalidatePath(`/compliance/investors/${investorId}`);
    revalidatePath("/account", "layout");
    return { id: request.id };
  },
});

/** Step 1 of an unlink: what the officer's wallet will sign; refused while the wallet holds shares or orders. */
export const beginUnlinkAction = defineAction<LinkDecisionCode, { exposure: WalletExposure }>()({
  name: "walletLinks.beginUnlink",
  input: z.object({ id: z.uuid() }),
  auth: "identityAgent",
  messages,
  run: async ({ id }, { db }) => {
    const r = await planUnlink(db, { id });
    if (!r.ok) refuse(r.code, r.exposure ? { extra: { exposure: r.exposure } } : {});
    return { plan: r.plan };
  },
});

/** Step 2 of an unlink: verifies the officer's transaction and the registry, then records it. */
export const confirmUnlinkAction = define({
  name: "walletLinks.confirmUnlink",
  input: z.object({ id: z.uuid(), txHash }),
  auth: "identityAgent",
  messages,
  run: async ({ id, txHash }, { session, db }) => {
    unwrap(await confirmUnlink(db, { id, txHash, officer: session.address.toLowerCase() }));
    await settleConfirmedTx({ txHash });
    refresh();
    revalidatePath("/account", "layout");
    return {};
  },
});
