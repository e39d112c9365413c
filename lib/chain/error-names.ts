/**
 * Errors told by name along their cause chain, in a module of its own: the wallet's rejection check (every wallet
 * page's first load) bundles this and not ./errors' wording tables.
 */

/**
 * The first error along the cause chain whose name is one of `names` (a viem error class name), or null. Matched by
 * name rather than `instanceof`: a bundle (the built server) may hold two copies of viem, so the class of the
 * client's error is not always this module's.
 */
export function findErrorByName<T extends object = { name: string; cause?: unknown }>(
  error: unknown,
  names: string | readonly string[],
): T | null {
  const wanted = typeof names === "string" ? [names] : names;
  return findCause(error, (e) => wanted.includes(String((e as { name?: unknown }).name))) as T | null;
}

/** The first error along the cause chain (at most ten deep) that `matches`, or null. */
function findCause(error: unknown, matches: (e: object) => boolean): object | null {
  let e: unknown = error;
  for (let depth = 0; e && typeof e === "object" && depth < 10; depth++) {
    if (matches(e)) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

type DecodedRevert = { data?: { errorName?: string; args?: readonly unknown[] } };

/**
 * The reason code a contract's refusal carries: argument `index` of the first decoded custom error along the cause
 * chain named one of `errorNames` (from a simulation or a receipt, e.g. the distributor's `ClaimRefused(id, holder,
 * code)`), or null when the error is not such a refusal.
 */
export function refusalCode(error: unknown, errorNames: readonly string[], index: number): number | null {
  const e = findCause(error, (c) => {
    const data = (c as DecodedRevert).data;
    return !!data?.errorName && errorNames.includes(data.errorName) && (data.args?.length ?? 0) > index;
  }) as DecodedRevert | null;
  return e ? Number(e.data!.args![index]) : null;
}
