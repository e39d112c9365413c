"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { txHashField } from "@/lib/chain/tx-hash-field";
import { defineAction, unwrap } from "@/lib/actions";
import { settleConfirmedTx } from "@/lib/sync";
import { recordPlatformStop, type PlatformStopError } from "@/lib/platform";

/*
 * The platform admin's emergency stop, through the action pipeline (lib/actions): zod → session with the admin role
 * (DEFAULT_ADMIN_ROLE on chain) → verify the admin's own stopPlatform / resumePlatform transaction → audit with the
 * reason (lib/platform/stop). The chain enforces the stop; the server plans nothing and signs nothing.
 */

const input = z.object({
  stop: z.boolean(),
  reason: z.string().trim().min(5).max(500),
  txHash: txHashField,
});

/** After the admin's transaction: verifies it and records the stop or resume with its reason. */
export const recordPlatformStopAction = defineAction<PlatformStopError>()({
  name: "platform.recordStop",
  input,
  auth: "admin",
  messages: "complianceConsole.platformStop.errors",
  run: async ({ stop, reason, txHash }, { session, db, publicPagesChanged }) => {
    unwrap(await recordPlatformStop(db, { stop, reason, txHash, admin: session.address }));
    publicPagesChanged();
    await settleConfirmedTx({ txHash });
    revalidatePath("/", "layout");
    return {};
  },
});
