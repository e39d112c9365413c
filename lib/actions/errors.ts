/**
 * The one base class of typed domain errors. A domain function that refuses throws an `ActionError` (or returns a
 * `{ ok: false, code }` result); the action pipeline turns either into a translated `{ ok: false, code, message }`.
 * `code` is a message key in the action's namespace; `values` fill its placeholders; `fieldErrors` name the inputs
 * at fault (each a message key too); `extra` carries what the client needs beside the words to show the refusal (the
 * numbered lines of a refused list, the holdings that block an unlink), spread into the failure as it is.
 */
export class ActionError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly values: Record<string, string | number> | undefined;
  readonly fieldErrors: Record<string, string[]> | undefined;
  readonly extra: Record<string, unknown> | undefined;
  constructor(
    code: Code,
    opts: {
      values?: Record<string, string | number>;
      fieldErrors?: Record<string, string[]>;
      extra?: Record<string, unknown>;
      detail?: string;
    } = {},
  ) {
    super(opts.detail ? `${code}: ${opts.detail}` : code);
    this.name = "ActionError";
    this.code = code;
    this.values = opts.values;
    this.fieldErrors = opts.fieldErrors;
    this.extra = opts.extra;
  }
}

/** Codes every action can answer with, whatever its domain. */
export type CommonActionCode = "invalid_input" | "unauthenticated" | "forbidden" | "rate_limited" | "unavailable";

/** What a refused action returns: a code the client may branch on and the same refusal in the reader's words. */
export type ActionFailure<Code extends string = string> = {
  ok: false;
  code: Code | CommonActionCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
  /** With `rate_limited`: seconds until the next attempt is counted. */
  retryAfterSeconds?: number;
  /** With `unavailable`: the reference under which the server logged what went wrong. */
  requestId?: string;
};

/** `Extra`: fields some refusals carry beside the words (see `ActionError`'s `extra`), each optional. */
export type ActionResult<Data extends object, Code extends string = string, Extra extends object = object> =
  ({ ok: true } & Data) | (ActionFailure<Code> & Partial<Extra>);
