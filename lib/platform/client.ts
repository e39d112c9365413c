/**
 * lib/platform's client-safe surface: pure helpers and types (no server-only module behind a value), for client
 * components and for any layer.
 */
export { listRecentErrors, noteRecentError } from "./recent-errors";
export type { RecentError } from "./recent-errors";
