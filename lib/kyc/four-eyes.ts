/** Pure and dependency-free, so the console's client components can check the rule before an officer signs. */

/**
 * The identity registry's own rule (`IdentityRegistry.needsTwoAgents`), on category codes (0 = no record, 1 retail,
 * 2 professional, 3 institutional): a single agent may not register or change a category to or from 2 or 3.
 */
export function needsTwoAgents(fromCode: number, toCode: number): boolean {
  return fromCode !== toCode && (fromCode > 1 || toCode > 1);
}
