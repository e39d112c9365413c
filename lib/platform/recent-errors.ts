/**
 * The last unexpected errors of this instance (a server action that failed with a request id), for the operators'
 * health page. Kept in memory, per instance, on purpose: an error is often the database failing, so recording it there
 * would lose exactly the errors that matter; the full trace stays in the instance's log under the same request id, and
 * the page says the list is this instance's. Plain module.
 */
export type RecentError = { at: Date; requestId: string; where: string; message: string };

const LIMIT = 50;
const store = globalThis as unknown as { __atelierRecentErrors?: RecentError[] };

/** Remember one error (the first line of its message; never more than the last 50). */
export function noteRecentError({
  requestId,
  where,
  error,
  at = new Date(),
}: {
  requestId: string;
  where: string;
  error: unknown;
  at?: Date;
}): void {
  const list = (store.__atelierRecentErrors ??= []);
  const text = error instanceof Error ? error.message : String(error);
  list.unshift({ at, requestId, where, message: (text.split("\n")[0] ?? "").slice(0, 300) });
  if (list.length > LIMIT) list.length = LIMIT;
}

/** The last errors of this instance, newest first. */
export function listRecentErrors(limit = 20): RecentError[] {
  return (store.__atelierRecentErrors ?? []).slice(0, limit);
}
