/**
 * The seed marker: DATA_DIR/seed.json records the deployment the demo data was seeded for. A module of its own so
 * that `npm start` reads it without loading the seeding code.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ServerEnv } from "../../lib/env";

export function seedMarkerFile(env: Pick<ServerEnv, "dataDir">): string {
  return path.join(env.dataDir, "seed.json");
}

/** The registry address the data folder was seeded for, if any. */
export function readSeedMarker(env: Pick<ServerEnv, "dataDir">): { identityRegistry: string } | null {
  const file = seedMarkerFile(env);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}
