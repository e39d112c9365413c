export * from "./health";
export * from "./status";
export { recordPlatformStop } from "./stop";
export type { PlatformStopError } from "./stop";
export * from "./client";
