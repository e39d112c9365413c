import path from "node:path";
import type { ServerEnv } from "@/lib/env";
import { createLocalStorage } from "./local";
import { createS3Storage } from "./s3";
import type { FileStorage } from "./storage";

/**
 * The file store a configuration names: the S3 bucket when S3_BUCKET is set, else the local folder
 * `${DATA_DIR}/files`. Plain module (no `server-only`): the seed script under tsx writes through it too.
 */
export function createConfiguredStorage(env: Pick<ServerEnv, "dataDir" | "s3">): FileStorage {
  return env.s3 ? createS3Storage(env.s3) : createLocalStorage(path.resolve(env.dataDir, "files"));
}
