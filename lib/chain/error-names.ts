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
  let e: unknown = error;
  for (let depth = 0; e && typeof e === "object" && depth < 10; depth++) {
    if (wanted.includes(String((e as { name?: unknown }).name))) return e as T;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}
