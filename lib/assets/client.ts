/**
 * lib/assets's client-safe surface: pure helpers and types (no server-only module behind a value), for client
 * components and for any layer.
 */
export { categoriesFromMask, categoryFromCode, maskFromCategories } from "./categories";
export type { CategoryName } from "./categories";
export * from "./document-look";
