/**
 * lib/admin's client-safe surface: pure helpers and types (no server-only module behind a value), for client
 * components and for any layer.
 */
export { GRANTABLE_ROLES, KEEPS_LAST_HOLDER, ROLE_IDS } from "./platform-roles";
export type { GrantableRole, PlatformRole } from "./platform-roles";
