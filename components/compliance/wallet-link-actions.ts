"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { Hex } from "viem";
import { z } from "zod";
import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth/guard";
import { settleConfirmedTx } from "@/lib/chain/settle";
import { getDb } from "@/lib/db";
import {
  confirmWalletLink,
  type LinkPlan,
  planWalletLink,
  rejectWalletLink,
  type WalletLinkError,
} from "@/lib/kyc/wallet-links";

/*
 * Compliance's side of wallet links. zod → session with the compliance role (AGENT_ROLE on chain) → the request's
 * state → act → audit (lib/kyc/wallet-links). The officer's own wallet signs `linkWallet`; the server only plans
 * the call and verifies it afterwards.
 */

export type LinkDecisionCode = WalletLinkError | "invalid_input" | "unauthenticated" | "forbidden" | "unavailable";
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
  return (await requireSession({ role: "compliance" })).address.toLowerCase();
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
    await officer();
    const r = await planWalletLink(await getDb(), { id: parsed.data.id });
    return r.ok ? { ok: true, plan: r.plan } : fail(r.code);
  } catch (error) {
    return handle(error);
  }
}

/** Step 2: verifies the officer's transaction and the registry, then records the link. */
export async function confirmWalletLinkAction(raw: { id: string; txHash: string | null }): Promise<LinkDecisionResult> {
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
    return { ok: true };
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
