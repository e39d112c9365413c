"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, unwrap } from "@/lib/actions";
import { settleConfirmedTx } from "@/lib/sync";
import { type AgentTxError, recordOfficerAgentTx } from "@/lib/compliance";
import { getRequestIp } from "@/lib/http/request-ip";

/*
 * Compliance console server actions, through the action pipeline (lib/actions): zod → session with the compliance
 * role → the transaction must be the officer's own (sender = session wallet), its receipt verified and its call
 * decoded → audit (lib/compliance/agent). Nothing here signs anything: the officer's wallet already did.
 */

const input = z.object({
  txHash: z
    .string()
    .regex(/^0x[0-9a-fA-F]{64}$/)
    .transform((h) => h.toLowerCase() as `0x${string}`),
  reason: z.string().trim().min(5, "reasonLength").max(500, "reasonLength"),
});

/** Records a confirmed agent transaction (token or registry) with the officer's reason in the audit log. */
export const recordAgentActionAction = defineAction<AgentTxError>()({
  name: "compliance.recordAgentAction",
  input,
  auth: "compliance",
  messages: "complianceConsole.errors",
  fieldMessages: "complianceConsole.errors",
  run: async ({ txHash, reason }, { session, db }) => {
    const { auditId, blockNumber } = unwrap(
      await recordOfficerAgentTx(db, { txHash, actor: session.address, reason, ip: await getRequestIp() }),
    );
    // The register the officer returns to must show this block, not the one before it.
    await settleConfirmedTx({ txHash, receipt: { status: "success", blockNumber } });
    revalidatePath("/compliance", "layout");
    return { auditId };
  },
});
