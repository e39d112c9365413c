/**
 * lib/catalogue's public surface: what routes, server components, actions and other domains call. Its client-safe part
 * (pure helpers, types) is ./client, which client components import instead.
 */
export { latestOfferingPerArtwork, selectListedWithOfferings } from "./listed";
export * from "./queries";
export * from "./trading";
export * from "./client";
