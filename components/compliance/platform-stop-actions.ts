"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { Hex } from "viem";
import { z } from "zod";
import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth/guard";
import { settleConfirmedTx } from "@/lib/chain/settle";
import { getDb } from "@/lib/db";
import { type PlatformStopError, recordPlatformStop } from "@/lib/platform/stop";

/*
 * The platform admin's emergency stop. zod → session with the admin role (DEFAULT_ADMIN_ROLE on chain) → verify the
 * admin's own stopPlatform / resumePlatform transaction → audit with the reason (lib/platform/stop). The chain
 * enforces the stop; the server plans nothing and signs nothing.
 */

export type PlatformStopCode = PlatformStopError | "invalid_input" | "unauthenticated" | "forbidden" | "unavailable";
export type PlatformStopActionResult = { ok: true } | { ok: false; code: PlatformStopCode; message: string };

const input = z.object({
  stop: z.boolean(),
  reason: z.string().trim().min(5).max(500),
  txHash: z.string().regex(/^0x[0-9a-fA-F]{64}$/),
});

async function fail(code: PlatformStopCode): Promise<PlatformStopActionResult> {
  const t = await getTranslations("complianceConsole.platformStop.errors");
  return { ok: false, code, message: t(code) };
}

/** After the admin's transaction: verifies it and records the stop or resume with its reason. */
export async function recordPlatformStopAction(raw: {
  stop: boolean;
  reason: string;
  txHash: string;
}): Promise<PlatformStopActionResult> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return fail("invalid_input");
  try {
    const ctx = await requireSession({ role: "admin" });
    const txHash = parsed.data.txHash.toLowerCase() as Hex;
    const r = await recordPlatformStop(await getDb(), {
      stop: parsed.data.stop,
      reason: parsed.data.reason,
      txHash,
      admin: ctx.address,
    });
    if (!r.ok) return fail(r.code);
    await settleConfirmedTx({ txHash });
    revalidatePath("/", "layout");
    return { ok: true };
  } catch (error) {
    if (error instanceof AuthError) return fail(error.code === "unauthenticated" ? "unauthenticated" : "forbidden");
    console.error("[platform-stop] action failed:", error instanceof Error ? error.message : error);
    return fail("unavailable");
  }
}
