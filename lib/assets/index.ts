export * from "./artwork";
export { getArtworkDocumentFile } from "./documents";
export { documentFileAccess, mediaFileAccess } from "./file-access";
export * from "./updates";
export * from "./client";
