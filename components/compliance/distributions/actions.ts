"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { txHashField } from "@/lib/chain/tx-hash-field";
import { defineAction, unwrap } from "@/lib/actions";
import { type LifecycleRefusal, recordAgentHold } from "@/lib/distributions";

/*
 * Compliance's hold and release of a distribution, through the action pipeline (lib/actions): zod → session with the
 * registry's agent role (the distributor lets only the identity registry's agents hold) → the officer's own mined
 * `hold` transaction read back, its reason taken from the chain's event → audit (lib/distributions/lifecycle).
 */
export const recordDistributionHoldAction = defineAction<LifecycleRefusal>()({
  name: "distributions.hold",
  input: z.object({
    onChainId: z.string().regex(/^\d{1,30}$/),
    txHash: txHashField,
  }),
  auth: "identityAgent",
  messages: "distributions.errors",
  run: async ({ onChainId, txHash }, { session, db }) => {
    const { held, reason } = unwrap(
      await recordAgentHold(db, {
        agent: session.address,
        onChainId: BigInt(onChainId),
        txHash,
      }),
    );
    revalidatePath("/compliance", "layout");
    return { held, reason };
  },
});
