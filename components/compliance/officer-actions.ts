import "server-only";

import { z } from "zod";
import { type ActionContext, defineAction, defineFormAction, unwrap } from "@/lib/actions";

/*
 * The officer's actions that KYC (investors) and KYB (issuers) review alike, built once: a decision carrying a
 * message the applicant reads (reject, request information) and saving the checklist with an internal note. Each
 * action file names its actions, its domain call, its messages and the pages it refreshes; the pipeline is the same
 * (zod → the identity agents → the domain, which checks the state and audits → revalidate).
 */

const AUTH = "identityAgent";

type Db = ActionContext["db"];
type Outcome = { ok: boolean };
type Messages = { messages: string; fieldMessages: string };

/** A form action: rejects with a reason, or asks for information (a form with `id` and `message`). */
export function messageDecisionAction<Code extends string>({
  name,
  kind,
  decide,
  refresh,
  ...messages
}: Messages & {
  name: string;
  kind: "reject" | "request_information";
  decide: (
    db: Db,
    input: { id: string; actor: string; kind: "reject" | "request_information"; message: string },
  ) => Promise<Outcome>;
  refresh: (id: string) => void;
}) {
  const field = kind === "reject" ? "reason" : "request";
  return defineFormAction<Code>()({
    name,
    input: z.object({ id: z.uuid(), message: z.string({ error: field }).trim().min(10, field).max(2000, field) }),
    auth: AUTH,
    ...messages,
    fromForm: (form) => ({ id: form.get("id"), message: form.get("message") }),
    run: async ({ id, message }, { session, db }) => {
      unwrap(await decide(db, { id, actor: session.address.toLowerCase(), kind, message }));
      refresh(id);
      return {};
    },
  });
}

/** Saves the reviewer's checklist and appends a note (the notes are internal to compliance). */
export function reviewNotesAction<Code extends string>({
  name,
  save,
  refresh,
  ...messages
}: Messages & {
  name: string;
  save: (
    db: Db,
    input: { id: string; actor: string; checklist: Record<string, boolean>; note?: string },
  ) => Promise<Outcome>;
  refresh: (id: string) => void;
}) {
  return defineAction<Code>()({
    name,
    input: z.object({
      id: z.uuid(),
      checklist: z.record(z.string().regex(/^[a-z_]{1,40}$/), z.boolean()).refine((r) => Object.keys(r).length <= 20),
      note: z.string().trim().max(2000).optional(),
    }),
    auth: AUTH,
    ...messages,
    run: async ({ id, checklist, note }, { session, db }) => {
      unwrap(await save(db, { id, actor: session.address.toLowerCase(), checklist, note }));
      refresh(id);
      return {};
    },
  });
}

/**
 * An officer's step on one application, by its id (planning an approval, a pre-approval, an approval): the domain
 * call as this officer, the pages refreshed, and `answer` of its result to the page.
 */
export function officerStepAction<Code extends string, R extends Outcome, A extends object>({
  name,
  step,
  refresh,
  answer,
  ...messages
}: Messages & {
  name: string;
  step: (db: Db, input: { id: string; actor: string }) => Promise<R>;
  refresh: (id: string) => void;
  answer: (result: Extract<R, { ok: true }>) => A;
}) {
  return defineAction<Code>()({
    name,
    input: z.object({ id: z.uuid() }),
    auth: AUTH,
    ...messages,
    run: async ({ id }, { session, db }) => {
      const result = unwrap(await step(db, { id, actor: session.address.toLowerCase() }));
      refresh(id);
      return answer(result);
    },
  });
}
