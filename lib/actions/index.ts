import "server-only";

import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { AuthError } from "@/lib/auth/errors";
import { requireSession, type AuthContext, type Role } from "@/lib/auth";
import { noteRecentError } from "@/lib/platform/client";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/connect";
import { bumpPageEpoch } from "@/lib/db/page-epoch";
import { isAmountMessageKey } from "@/lib/format/amount-schema";
import { RateLimitedError } from "@/lib/rate-limit";
import { ActionError, type ActionFailure, type ActionResult } from "./errors";
export * from "./errors";

/*
 * The one pipeline every server action goes through, in this order:
 *   1. parse the input with zod (nothing else runs on bad input);
 *   2. the session and, when the action names one, the role (`requireSession`, which audits refusals);
 *   3. the domain call (`run`), which checks ownership through the domain and writes its own audit entry; an action
 *      that says it changed public pages (`publicPagesChanged`) then moves their cache's epoch;
 *   4. refusals — `ActionError` (thrown, or a domain `{ ok: false, code }` passed to `unwrap`), `AuthError`,
 *      `RateLimitedError` — become `{ ok: false, code, message }` in the reader's language; redirects and
 *      not-found pass through (`unstable_rethrow`); anything else is logged with a request id and answered
 *      `unavailable`, with that id, and nothing about it is shown.
 * An action file then holds only: its input schema, its role, one `run` that calls `lib/` (with the `db` the pipeline
 * hands it: action files never import `@/lib/db` or drizzle) and revalidates.
 */

/** Who may call an action: anyone signed in, one of some roles, or anyone at all (sign-in itself, preferences). */
export type ActionAuth = "signedIn" | "public" | Role | readonly Role[];

type Messages = {
  /** Namespace whose keys are the action's refusal codes (`t(code)`), e.g. "complianceConsole.errors". */
  messages: string;
  /** Namespace whose keys are the zod issue messages of the input schema (field errors); optional. */
  fieldMessages?: string;
};

type Spec<Schema extends z.ZodType, Data extends object, Auth extends ActionAuth> = Messages & {
  /** Name for the server log, e.g. "compliance.recordAgentAction". */
  name: string;
  input: Schema;
  auth: Auth;
  run: (input: z.output<Schema>, ctx: ActionContext<Auth>) => Promise<Data>;
};

/**
 * What `run` is given beside its input: the caller's session (null only for public actions) and the database, so
 * that action files never open one themselves (domain functions take `db` first, as their tests do).
 */
export type ActionContext<Auth extends ActionAuth = "signedIn"> = {
  session: Auth extends "public" ? null : AuthContext;
  db: Database;
  /**
   * Says the action changed what the catalogue or an artwork's page shows (a token deployed, an offering opened, an
   * update published, the platform stopped): once it succeeds the pipeline moves the public page epoch, so no
   * instance serves a cached page from before it (lib/http/page-cache.ts).
   */
  publicPagesChanged: () => void;
};

type Translator = Awaited<ReturnType<typeof getTranslations>>;

/** Refuse from inside `run`: throws the `ActionError` the pipeline answers with. */
export function refuse<Code extends string>(
  code: Code,
  opts?: ConstructorParameters<typeof ActionError<Code>>[1],
): never {
  throw new ActionError(code, opts);
}

/** A domain result `{ ok: true, … } | { ok: false, code }` as its success value, or the refusal it carries. */
export function unwrap<R extends { ok: boolean }>(result: R): Extract<R, { ok: true }> {
  if (result.ok) return result as Extract<R, { ok: true }>;
  const failure = result as unknown as { code: string; values?: Record<string, string | number> };
  throw new ActionError(failure.code, { values: failure.values });
}

/** The refusal in words: the action's own message for the code, else the common one, else none (a coding slip). */
function message(t: Translator, common: Translator, code: string, values?: Record<string, string | number>) {
  if (t.has(code)) return t(code, values);
  if (code !== "unavailable" && common.has(code)) return common(code, values);
  return null;
}

type FieldTranslators = { tf: Translator | null; root: Translator; common: Translator };

/**
 * A field message key in words: from `fieldMessages`; a typed amount's refusal (`amounts.…`, made by
 * lib/format/amount-schema) from the root namespace, in the amount parser's own words; else "check this field".
 */
function fieldWords(key: string, { tf, root, common }: FieldTranslators): string {
  if (tf && tf.has(key)) return tf(key);
  if (isAmountMessageKey(key) && root.has(key)) return root(key);
  return common("invalid_field");
}

/** Field errors of a zod failure: the first message per field, in words (`fieldWords`). */
function fieldErrorsOf(error: z.ZodError, translators: FieldTranslators): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_";
    if (out[field]) continue;
    out[field] = [fieldWords(issue.message, translators)];
  }
  return out;
}

function translateFieldErrors(fieldErrors: Record<string, string[]>, translators: FieldTranslators) {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, keys]) => [field, keys.map((k) => fieldWords(k, translators))]),
  );
}

async function execute<
  Schema extends z.ZodType,
  Data extends object,
  Auth extends ActionAuth,
  Code extends string,
  Extra extends object,
>(spec: Spec<Schema, Data, Auth>, raw: unknown): Promise<ActionResult<Data, Code, Extra>> {
  const [t, common, tf, root] = await Promise.all([
    getTranslations(spec.messages),
    getTranslations("actionErrors"),
    spec.fieldMessages ? getTranslations(spec.fieldMessages) : null,
    getTranslations(),
  ]);
  const translators: FieldTranslators = { tf, root, common };
  const failure = async (
    code: string,
    extra: Omit<ActionFailure, "ok" | "code" | "message"> & { values?: Record<string, string | number> } = {},
  ): Promise<ActionFailure<Code>> => {
    const { values, ...rest } = extra;
    const words = message(t, common, code, values);
    if (words !== null) return { ok: false, code: code as Code, message: words, ...rest };
    const requestId = randomUUID();
    if (code !== "unavailable") console.error(`[action ${spec.name}] request ${requestId}: no words for "${code}"`);
    return { ok: false, code: code as Code, message: common("unavailable", { requestId }), requestId };
  };

  const parsed = spec.input.safeParse(raw);
  if (!parsed.success) return failure("invalid_input", { fieldErrors: fieldErrorsOf(parsed.error, translators) });
  try {
    const session =
      spec.auth === "public" ? null : await requireSession(spec.auth === "signedIn" ? {} : { role: spec.auth });
    const db = await getDb();
    let publicPages = false;
    const publicPagesChanged = () => void (publicPages = true);
    const data = await spec.run(parsed.data, { session, db, publicPagesChanged } as ActionContext<Auth>);
    if (publicPages) await bumpPageEpoch(db);
    return { ok: true, ...data } as ActionResult<Data, Code, Extra>;
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ActionError)
      return {
        ...error.extra,
        ...(await failure(error.code, {
          values: error.values,
          ...(error.fieldErrors ? { fieldErrors: translateFieldErrors(error.fieldErrors, translators) } : {}),
        })),
      };
    if (error instanceof AuthError) return failure(error.code);
    if (error instanceof RateLimitedError) {
      const seconds = error.retryAfterSeconds;
      return {
        ok: false,
        code: "rate_limited",
        message: t.has("rate_limited_wait") ? t("rate_limited_wait", { seconds }) : common("rate_limited", { seconds }),
        retryAfterSeconds: seconds,
      };
    }
    const requestId = randomUUID();
    console.error(`[action ${spec.name}] request ${requestId} failed:`, error instanceof Error ? error.stack : error);
    noteRecentError({ requestId, where: spec.name, error });
    return { ok: false, code: "unavailable", message: common("unavailable", { requestId }), requestId };
  }
}

/**
 * A server action with one object argument. `Code` lists the action's own refusal codes (the common ones are
 * always possible): `export const doAction = defineAction<"not_found">()({ name, input, auth, messages, run })`.
 */
export function defineAction<Code extends string = never, Extra extends object = object>() {
  return <Schema extends z.ZodType, Data extends object, Auth extends ActionAuth>(spec: Spec<Schema, Data, Auth>) =>
    async (raw: z.input<Schema>): Promise<ActionResult<Data, Code, Extra>> =>
      execute<Schema, Data, Auth, Code, Extra>(spec, raw);
}

/**
 * A server action for a `<form>` with `useActionState`: `(previousState, formData)`. `fromForm` turns the form into
 * the object the schema parses (no coercion there: the schema does that, so bad input is refused, not rewritten).
 */
export function defineFormAction<Code extends string = never, Extra extends object = object>() {
  return <Schema extends z.ZodType, Data extends object, Auth extends ActionAuth>(
      spec: Spec<Schema, Data, Auth> & { fromForm: (form: FormData) => unknown },
    ) =>
    async (_previous: unknown, form: FormData): Promise<ActionResult<Data, Code, Extra>> =>
      execute<Schema, Data, Auth, Code, Extra>(spec, spec.fromForm(form));
}
