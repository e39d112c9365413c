/**
 * lib/admin's public surface: what routes, server components, actions and other domains call. Its client-safe part
 * (pure helpers, types) is ./client, which client components import instead.
 */
export { getOperatorHealth } from "./health";
export type { HealthPart, OperatorHealth } from "./health";
export * from "./role-change";
export * from "./view";
export * from "./client";
