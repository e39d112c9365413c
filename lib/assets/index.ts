/**
 * lib/assets's public surface: what routes, server components, actions and other domains call. Its client-safe part
 * (pure helpers, types) is ./client, which client components import instead.
 */
export { getArtworkPage } from "./artwork";
export type { ArtworkDocumentView, ArtworkPageData, TokenRules } from "./artwork";
export { getArtworkDocumentFile } from "./documents";
export { documentFileAccess, mediaFileAccess } from "./file-access";
export { getArtworkUpdates } from "./updates";
export type { ArtworkUpdateView } from "./updates";
export * from "./client";
