"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { Hex } from "viem";
import { z } from "zod";
import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth/guard";
import { settleConfirmedTx } from "@/lib/sync/settle";
import { getDb } from "@/lib/db";
import { getServerEnv } from "@/lib/env";
import {
  confirmWalletLink,
  type LinkPlan,
  officerStartLinkRequest,
  planWalletLink,
  rejectWalletLink,
  type WalletLinkError,
} from "@/lib/kyc/wallet-links";
import {
  confirmUnlink,
  planUnlink,
  type UnlinkError,
  type UnlinkPlan,
  type WalletExposure,
} from "@/lib/kyc/wallet-unlinks";

/*
 * Compliance's side of wallet links. zod → session with the compliance role (AGENT_ROLE on chain) → the request's
 * state → act → audit (lib/kyc/wallet-links). The officer's own wallet signs `linkWallet`; the server only plans
 * the call and verifies it afterwards.
 */

export type LinkDecisionCode =
  WalletLinkError | UnlinkError | "invalid_input" | "unauthenticated" | "forbidden" | "unavailable";
export type LinkDecisionResult<T extends object = object> =
  ({ ok: true } & T) | { ok: false; code: LinkDecisionCode; message: string; fieldErrors?: Record<string, string> };

async function fail(
  code: LinkDecisionCode,
  fieldErrors?: Record<string, string>,
): Promise<{ ok: false; code: LinkDecisionCode; message: string; fieldErrors?: Record<string, string> }> {
  const t = await getTranslations("walletLinks.errors");
  return { ok: false, code, message: t(code), ...(fieldErrors ? { fieldErrors } : {}) };
}

async function officer(): Promise<string> {
  return (await requireSession({ role: "identityAgent" })).address.toLowerCase();
}

async function handle(error: unknown) {
  if (error instanceof AuthError) return fail(error.code === "unauthenticated" ? "unauthenticated" : "forbidden");
  console.error("[compliance/wallet-links] action failed:", error instanceof Error ? error.message : error);
  return fail("unavailable");
}

const refresh = () => revalidatePath("/compliance/wallets");

/** Step 1: what the officer's wallet will sign (or nothing, when the registry already holds the link). */
export async function beginWalletLinkAction(raw: { id: string }): Promise<LinkDecisionResult<{ plan: LinkPlan }>> {
  const parsed = z.object({ id: z.uuid() }).safeParse(raw);
  if (!parsed.success) return fail("invalid_input");
  try {
    const actor = await officer();
    const r = await planWalletLink(await getDb(), { id: parsed.data.id, officer: actor });
    return r.ok ? { ok: true, plan: r.plan } : fail(r.code);
  } catch (error) {
    return handle(error);
  }
}

/**
 * Step 2: verifies the officer's transaction and the registry, then records the link — or, for a professional or
 * institutional investor's first officer, records the on-chain proposal (`proposed`) for another officer to confirm.
 */
export async function confirmWalletLinkAction(raw: {
  id: string;
  txHash: string | null;
}): Promise<LinkDecisionResult<{ proposed?: boolean }>> {
  const parsed = z
    .object({
      id: z.uuid(),
      txHash: z
        .string()
        .regex(/^0x[0-9a-fA-F]{64}$/)
        .nullable(),
    })
    .safeParse(raw);
  if (!parsed.success) return fail("invalid_input");
  try {
    const actor = await officer();
    const txHash = (parsed.data.txHash?.toLowerCase() ?? null) as Hex | null;
    const r = await confirmWalletLink(await getDb(), { id: parsed.data.id, txHash, officer: actor });
    if (!r.ok) return fail(r.code);
    if (txHash) await settleConfirmedTx({ txHash });
    refresh();
    revalidatePath("/account", "layout");
    return r.proposed ? { ok: true, proposed: true } : { ok: true };
  } catch (error) {
    return handle(error);
  }
}

const rejectInput = z.object({ id: z.uuid(), reason: z.string().trim().min(5).max(500) });

/** Form action (useActionState): reject with a reason the investor sees. */
export async function rejectWalletLinkAction(
  _prev: LinkDecisionResult | null,
  form: FormData,
): Promise<LinkDecisionResult> {
  const parsed = rejectInput.safeParse({ id: form.get("id"), reason: form.get("reason") });
  if (!parsed.success) {
    const t = await getTranslations("walletLinks.errors");
    return fail("invalid_input", parsed.error.flatten().fieldErrors.reason ? { reason: t("reasonLength") } : undefined);
  }
  try {
    const actor = await officer();
    const r = await rejectWalletLink(await getDb(), { id: parsed.data.id, officer: actor, reason: parsed.data.reason });
    if (!r.ok) return fail(r.code);
    refresh();
    return { ok: true };
  } catch (error) {
    return handle(error);
  }
}

const officerLinkInput = z.object({
  investorId: z.uuid(),
  wallet: z
    .string()
    .trim()
    .regex(/^0x[0-9a-fA-F]{40}$/),
});

/**
 * The console's "Link a wallet": opens a request that the new wallet's holder must sign in the portal (the same
 * statement as the investor's own flow); another officer then registers it. Nothing is linked here, and every
 * refusable condition (wallet already linked, to this investor or another; investor not verified; a request
 * already open) is refused before anyone is asked to sign.
 */
export async function officerStartLinkAction(raw: {
  investorId: string;
  wallet: string;
}): Promise<LinkDecisionResult<{ id: string }>> {
  const parsed = officerLinkInput.safeParse(raw);
  if (!parsed.success) {
    const t = await getTranslations("walletLinks.errors");
    return fail("invalid_input", { wallet: t("address") });
  }
  try {
    const actor = await officer();
    const env = getServerEnv();
    const r = await officerStartLinkRequest(await getDb(), {
      investorId: parsed.data.investorId,
      officer: actor,
      newWallet: parsed.data.wallet,
      chainId: env.chainId,
      origin: env.appOrigin,
    });
    if (!r.ok) return fail(r.code);
    refresh();
    revalidatePath(`/compliance/investors/${parsed.data.investorId}`);
    revalidatePath("/account", "layout");
    return { ok: true, id: r.request.id };
  } catch (error) {
    return handle(error);
  }
}

export type UnlinkDecisionResult<T extends object = object> =
  ({ ok: true } & T) | { ok: false; code: LinkDecisionCode; message: string; exposure?: WalletExposure };

/** Step 1 of an unlink: what the officer's wallet will sign; refused while the wallet holds shares or orders. */
export async function beginUnlinkAction(raw: { id: string }): Promise<UnlinkDecisionResult<{ plan: UnlinkPlan }>> {
  const parsed = z.object({ id: z.uuid() }).safeParse(raw);
  if (!parsed.success) return fail("invalid_input");
  try {
    await officer();
    const r = await planUnlink(await getDb(), { id: parsed.data.id });
    if (r.ok) return { ok: true, plan: r.plan };
    return { ...(await fail(r.code)), ...(r.exposure ? { exposure: r.exposure } : {}) };
  } catch (error) {
    return handle(error);
  }
}

/** Step 2 of an unlink: verifies the officer's transaction and the registry, then records it. */
export async function confirmUnlinkAction(raw: { id: string; txHash: string }): Promise<UnlinkDecisionResult> {
  const parsed = z.object({ id: z.uuid(), txHash: z.string().regex(/^0x[0-9a-fA-F]{64}$/) }).safeParse(raw);
  if (!parsed.success) return fail("invalid_input");
  try {
    const actor = await officer();
    const txHash = parsed.data.txHash.toLowerCase() as Hex;
    const r = await confirmUnlink(await getDb(), { id: parsed.data.id, txHash, officer: actor });
    if (!r.ok) return fail(r.code);
    await settleConfirmedTx({ txHash });
    refresh();
    revalidatePath("/account", "layout");
    return { ok: true };
  } catch (error) {
    return handle(error);
  }
}
