"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { txHashField } from "@/lib/chain/tx-hash-field";
import { defineAction, unwrap } from "@/lib/actions";
import { checkRoleChange, recordRoleChange, type RoleChangeError, type RoleChangeRefusal } from "@/lib/admin";
import { GRANTABLE_ROLES } from "@/lib/admin/client";
import { settleConfirmedTx } from "@/lib/sync";

/*
 * The admin console's role changes, through the action pipeline (lib/actions): zod → session with the admin role
 * (DEFAULT_ADMIN_ROLE on the registry, read from the chain) → the domain (lib/admin/role-change). The admin's own
 * wallet signs grantRole / revokeRole between the two calls; the server plans nothing and signs nothing.
 */

const address = z
  .string()
  .trim()
  .regex(/^0x[0-9a-fA-F]{40}$/, "account_invalid")
  .transform((a) => a as `0x${string}`);
const change = z.object({
  change: z.enum(["grant", "revoke"]),
  role: z.enum(GRANTABLE_ROLES),
  account: address,
});

/** Before the wallet is asked: refuses a grant the wallet already holds and the revoke of the last agent. */
export const checkRoleChangeAction = defineAction<RoleChangeRefusal>()({
  name: "admin.checkRoleChange",
  input: change,
  auth: "admin",
  messages: "admin.errors",
  fieldMessages: "admin.fields",
  run: async (input, { db }) => {
    unwrap(await checkRoleChange(db, input));
    return {};
  },
});

/** After the admin's transaction: verifies it and audits the grant or revoke with the reason. */
export const recordRoleChangeAction = defineAction<RoleChangeError>()({
  name: "admin.recordRoleChange",
  input: change.extend({
    reason: z.string().trim().min(5, "reason_required").max(500, "reason_too_long"),
    txHash: txHashField,
  }),
  auth: "admin",
  messages: "admin.errors",
  fieldMessages: "admin.fields",
  run: async (input, { session, db }) => {
    unwrap(await recordRoleChange(db, { ...input, admin: session.address }));
    await settleConfirmedTx({ txHash: input.txHash });
    revalidatePath("/admin");
    return {};
  },
});
