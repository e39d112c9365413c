/**
 * lib/auth's client-safe surface: pure helpers and types (no server-only module behind a value), for client components
 * and for any layer.
 */
export { consoleSectionsFor, homeFor, navFor } from "./home";
export type { HomeRoles } from "./home";
export { buildSignInMessage } from "./siwe-message";
export * from "./next-path";
