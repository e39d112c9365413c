/**
 * lib/platform's public surface: what routes, server components, actions and other domains call. Its client-safe part
 * (pure helpers, types) is ./client, which client components import instead.
 */
export { getHealth } from "./health";
export { getPlatformStopControl, getPlatformStopped } from "./status";
export { recordPlatformStop } from "./stop";
export type { PlatformStopError } from "./stop";
export * from "./client";
