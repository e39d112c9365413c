/** lib/storage's public surface: what routes, server components, actions and other domains call. */
export {
  confinedStoredPath,
  deleteStoredFile,
  fileStorage,
  hashStoredFile,
  readStoredFile,
  streamStoredFile,
  writeStoredFile,
} from "./files";
export type { FileStorage } from "./files";
