/**
 * lib/auth's public surface: what routes, server components, actions and other domains call. Its client-safe part
 * (pure helpers, types) is ./client, which client components import instead.
 */
export { getFileViewer, requirePageSession, requireRegisteredPageSession, requireSession } from "./guard";
export type { AuthContext, Role } from "./guard";
export { auditKnownWalletRead } from "./known-wallet";
export { deleteExpiredRevocations, raiseRoleFloor } from "./revocations";
export { CATEGORY_BY_CODE, CODE_BY_CATEGORY, getRoles } from "./roles";
export { createSignInNonce, getSession, signIn, signOut, signOutEverywhere } from "./session";
export { deleteExpiredNonces } from "./siwe";
export { NO_ROLES } from "./roles";
export type { Roles } from "./roles";
export type { Session } from "./session";
export * from "./client";
