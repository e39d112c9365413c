/** Investor categories as numbered on chain (IdentityRegistry), and the token/offering bitmask (1 << category). */
export const CATEGORY_CODES = { retail: 1, professional: 2, institutional: 3 } as const;
export type CategoryName = keyof typeof CATEGORY_CODES;

export function categoriesFromMask(mask: number): CategoryName[] {
  return (Object.keys(CATEGORY_CODES) as CategoryName[]).filter((c) => (mask & (1 << CATEGORY_CODES[c])) !== 0);
}

export function maskFromCategories(categories: readonly CategoryName[]): number {
  return categories.reduce((m, c) => m | (1 << CATEGORY_CODES[c]), 0);
}

export function categoryFromCode(code: number): CategoryName | null {
  return (Object.keys(CATEGORY_CODES) as CategoryName[]).find((c) => CATEGORY_CODES[c] === code) ?? null;
}
