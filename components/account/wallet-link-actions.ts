"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { getServerEnv } from "@/lib/env";
import {
  cancelLinkRequest,
  getNewWalletMessage,
  signInvitedLink,
  signLinkAsCurrent,
  signLinkAsNew,
  startLinkRequest,
  type WalletLinkError,
} from "@/lib/kyc/wallet-links";
import { cancelUnlink, requestUnlink, type UnlinkError, type WalletExposure } from "@/lib/kyc/wallet-unlinks";

/*
 * The investor's side of linking a second wallet. Each action: zod → a session whose wallet the registry verifies
 * (role "verified") and that belongs to an investor → the request must be that investor's, opened from that wallet
 * → act → audit (in lib/kyc/wallet-links, in the same transaction as the change).
 */

export type LinkActionCode =
  WalletLinkError | UnlinkError | "invalid_input" | "unauthenticated" | "forbidden" | "unavailable";
export type LinkActionResult<T extends object = object> =
  ({ ok: true } & T) | { ok: false; code: LinkActionCode; message: string };

async function fail(code: LinkActionCode): Promise<{ ok: false; code: LinkActionCode; message: string }> {
  const t = await getTranslations("walletLinks.errors");
  return { ok: false, code, message: t(code) };
}

async function verifiedInvestor() {
  const ctx = await requireSession({ role: "verified" });
  if (!ctx.investor) throw new AuthError("forbidden");
  return { wallet: ctx.address.toLowerCase(), investor: ctx.investor };
}

async function handle(error: unknown) {
  if (error instanceof AuthError) return fail(error.code === "unauthenticated" ? "unauthenticated" : "forbidden");
  console.error("[wallet-links] action failed:", error instanceof Error ? error.message : error);
  return fail("unavailable");
}

const idInput = z.object({ id: z.uuid() });
const signature = z.string().regex(/^0x[0-9a-fA-F]{130}$/);

/** Opens (or resumes) a request; returns the message the current wallet signs. */
export async function startWalletLinkAction(): Promise<
  LinkActionResult<{ id: string; message: string; currentSigned: boolean }>
> {
  try {
    const { wallet, investor } = await verifiedInvestor();
    const env = getServerEnv();
    const r = await startLinkRequest(await getDb(), { investor, wallet, chainId: env.chainId, origin: env.appOrigin });
    if (!r.ok) return fail(r.code);
    revalidatePath("/account", "layout");
    return {
      ok: true,
      id: r.request.id,
      message: r.request.currentMessage,
      currentSigned: !!r.request.currentSignature,
    };
  } catch (error) {
    return handle(error);
  }
}

export async function signCurrentWalletAction(raw: { id: string; signature: string }): Promise<LinkActionResult> {
  const parsed = idInput.extend({ signature }).safeParse(raw);
  if (!parsed.success) return fail("invalid_input");
  try {
    const { wallet, investor } = await verifiedInvestor();
    const r = await signLinkAsCurrent(await getDb(), {
      id: parsed.data.id,
      investorId: investor.id,
      wallet,
      signature: parsed.data.signature,
    });
    if (!r.ok) return fail(r.code);
    revalidatePath("/account", "layout");
    return { ok: true };
  } catch (error) {
    return handle(error);
  }
}

const newWalletInput = idInput.extend({ newWallet: z.string().regex(/^0x[0-9a-fA-F]{40}$/) });

/** The message the new wallet signs, built by the server for this request and that wallet. */
export async function newWalletMessageAction(raw: {
  id: string;
  newWallet: string;
}): Promise<LinkActionResult<{ message: string }>> {
  const parsed = newWalletInput.safeParse(raw);
  if (!parsed.success) return fail("invalid_input");
  try {
    const { wallet, investor } = await verifiedInvestor();
    const env = getServerEnv();
    const r = await getNewWalletMessage(await getDb(), {
      id: parsed.data.id,
      investorId: investor.id,
      wallet,
      newWallet: parsed.data.newWallet,
      chainId: env.chainId,
      origin: env.appOrigin,
    });
    if (!r.ok) return fail(r.code);
    return { ok: true, message: r.message };
  } catch (error) {
    return handle(error);
  }
}

export async function signNewWalletAction(raw: {
  id: string;
  newWallet: string;
  signature: string;
}): Promise<LinkActionResult> {
  const parsed = newWalletInput.extend({ signature }).safeParse(raw);
  if (!parsed.success) return fail("invalid_input");
  try {
    const { wallet, investor } = await verifiedInvestor();
    const env = getServerEnv();
    const r = await signLinkAsNew(await getDb(), {
      id: parsed.data.id,
      investorId: investor.id,
      wallet,
      newWallet: parsed.data.newWallet,
      signature: parsed.data.signature,
      chainId: env.chainId,
      origin: env.appOrigin,
    });
    if (!r.ok) return fail(r.code);
    revalidatePath("/account", "layout");
    revalidatePath("/compliance/wallets");
    return { ok: true };
  } catch (error) {
    return handle(error);
  }
}

export async function cancelWalletLinkAction(raw: { id: string }): Promise<LinkActionResult> {
  const parsed = idInput.safeParse(raw);
  if (!parsed.success) return fail("invalid_input");
  try {
    const { wallet, investor } = await verifiedInvestor();
    const r = await cancelLinkRequest(await getDb(), { id: parsed.data.id, investorId: investor.id, wallet });
    if (!r.ok) return fail(r.code);
    revalidatePath("/account", "layout");
    revalidatePath("/compliance/wallets");
    return { ok: true };
  } catch (error) {
    return handle(error);
  }
}

/**
 * A compliance officer opened a link request for this wallet: its holder, signed in with it (no investor role needed —
 * the wallet is not linked yet), signs the statement. The server checks the session's wallet is the one named.
 */
export async function signInvitedLinkAction(raw: { id: string; signature: string }): Promise<LinkActionResult> {
  const parsed = idInput.extend({ signature }).safeParse(raw);
  if (!parsed.success) return fail("invalid_input");
  try {
    const ctx = await requireSession();
    const r = await signInvitedLink(await getDb(), {
      id: parsed.data.id,
      wallet: ctx.address,
      signature: parsed.data.signature,
    });
    if (!r.ok) return fail(r.code);
    revalidatePath("/account", "layout");
    revalidatePath("/compliance/wallets");
    return { ok: true };
  } catch (error) {
    return handle(error);
  }
}

const walletInput = z.object({ wallet: z.string().regex(/^0x[0-9a-fA-F]{40}$/) });

/**
 * Ask compliance to unlink one of the investor's other wallets. Refused (with the holdings and orders named) while
 * that wallet holds shares or has open market orders, and for the signed-in wallet itself.
 */
export async function requestUnlinkAction(raw: {
  wallet: string;
}): Promise<LinkActionResult | { ok: false; code: LinkActionCode; message: string; exposure: WalletExposure }> {
  const parsed = walletInput.safeParse(raw);
  if (!parsed.success) return fail("invalid_input");
  try {
    const { wallet, investor } = await verifiedInvestor();
    const r = await requestUnlink(await getDb(), { investorId: investor.id, wallet, target: parsed.data.wallet });
    if (!r.ok) return r.exposure ? { ...(await fail(r.code)), exposure: r.exposure } : fail(r.code);
    revalidatePath("/account", "layout");
    revalidatePath("/compliance/wallets");
    return { ok: true };
  } catch (error) {
    return handle(error);
  }
}

export async function cancelUnlinkAction(raw: { id: string }): Promise<LinkActionResult> {
  const parsed = idInput.safeParse(raw);
  if (!parsed.success) return fail("invalid_input");
  try {
    const { wallet, investor } = await verifiedInvestor();
    const r = await cancelUnlink(await getDb(), { id: parsed.data.id, investorId: investor.id, wallet });
    if (!r.ok) return fail(r.code);
    revalidatePath("/account", "layout");
    revalidatePath("/compliance/wallets");
    return { ok: true };
  } catch (error) {
    return handle(error);
  }
}
