"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionContext, defineAction, unwrap } from "@/lib/actions";
import { settleConfirmedTx } from "@/lib/sync";
import type { KycActionCode } from "@/lib/kyc/client";
import {
  decideApplication,
  recordApproval,
  recordPreApproval,
  saveReview,
  startApproval,
  startPreApproval,
} from "@/lib/kyc";
import { messageDecisionAction, officerStepAction, reviewNotesAction } from "./officer-actions";

/*
 * Compliance actions on a KYC application, through the action pipeline (lib/actions): zod → session with the
 * identityAgent role (the registry's AGENT_ROLE, read from the chain) → one call into lib/kyc/decisions (the
 * application's state, four eyes, the on-chain id, the audit; its refusals are audited there) → revalidate. Approval is two calls around the
 * officer's own transaction: `beginApprovalAction` plans it, `confirmApprovalAction` verifies it on chain; with four
 * eyes the first officer's pre-approval is the same pair (`beginPreApprovalAction` → the proposal on the registry →
 * `preApproveAction`).
 */

const AUTH = "identityAgent";
const MESSAGES = { messages: "kyc.errors", fieldMessages: "kyc.fieldErrors" } as const;

const txHash = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/)
  .transform((h) => h as `0x${string}`)
  .nullable();

function refresh(id: string) {
  revalidatePath("/compliance/kyc");
  revalidatePath(`/compliance/kyc/${id}`);
}

const decisionAction = (kind: "reject" | "request_information") =>
  messageDecisionAction<KycActionCode>({ name: `kyc.${kind}`, kind, decide: decideApplication, refresh, ...MESSAGES });

/** Rejects the application with a reason for the investor (a form with `id` and `message`). */
export const rejectAction = decisionAction("reject");

/** Asks the investor for more information (a form with `id` and `message`). */
export const requestInformationAction = decisionAction("request_information");

/** The officer acting on one application (the wallet signed in). */
type OfficerStep<Extra, R> = (db: ActionContext["db"], input: { id: string; actor: string } & Extra) => Promise<R>;

/** Step 1 of an approval or of a pre-approval: checks this officer may, and returns the `plan` their wallet sends. */
const planAction = <R extends { ok: true; plan: unknown } | { ok: false }>(
  name: string,
  step: OfficerStep<object, R>,
) =>
  officerStepAction<KycActionCode, R, { plan: Extract<R, { ok: true }>["plan"] }>({
    name,
    step,
    refresh,
    answer: ({ plan }) => ({ plan }),
    ...MESSAGES,
  });

/**
 * Step 2: verifies the officer's transaction (when `txHash` is given) and the registry on chain, records the step,
 * brings the chain's mirror up to date, then refreshes the pages the step changes (`refreshed`).
 */
function recordAction<R extends { ok: boolean }>(
  name: string,
  record: OfficerStep<{ txHash: `0x${string}` | null }, R>,
  refreshed: (id: string) => void,
) {
  return defineAction<KycActionCode>()({
    name,
    input: z.object({ id: z.uuid(), txHash }),
    auth: AUTH,
    ...MESSAGES,
    run: async ({ id, txHash }, { session, db }) => {
      unwrap(await record(db, { id, actor: session.address.toLowerCase(), txHash }));
      if (txHash) await settleConfirmedTx({ txHash });
      refreshed(id);
      return {};
    },
  });
}

/**
 * Four eyes, first officer, step 1: returns the proposal this officer's wallet sends to the identity registry
 * (`plan.alreadyProposed`: the registry already holds it, nothing to sign).
 */
export const beginPreApprovalAction = planAction("kyc.beginPreApproval", startPreApproval);

/** Four eyes, first officer, step 2: verifies the proposal on chain, then records this officer's pre-approval. */
export const preApproveAction = recordAction("kyc.preApprove", recordPreApproval, refresh);

/** Saves the reviewer's checklist and appends a note (the notes are internal to compliance). */
export const saveReviewAction = reviewNotesAction<KycActionCode>({
  name: "kyc.saveReview",
  save: saveReview,
  refresh,
  ...MESSAGES,
});

/**
 * Approval, step 1: checks that this officer may approve (four eyes, also against the category the registry holds),
 * and returns what the officer's wallet will send (`registerInvestor`, `updateInvestor` or `confirmProposal`). When
 * the registry already holds this registration (an interrupted approval), `plan.alreadyRegistered` says so.
 */
export const beginApprovalAction = planAction("kyc.beginApproval", startApproval);

/**
 * Approval, step 2: verifies the receipt (when given) and the registry state on chain; only then is the
 * application approved, with the expiry the chain holds. Refuses if anything does not match. Every page that shows
 * the investor's status is refreshed.
 */
export const confirmApprovalAction = recordAction("kyc.confirmApproval", recordApproval, () =>
  revalidatePath("/", "layout"),
);
