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

/**
 * Whether the local chain was reset under a seeded data folder (its state file removed or unreadable), so that the
 * local database describes a chain that no longer exists. Anvil deploys to the same addresses on every fresh chain
 * (the same deployer, the same nonces), so equal addresses do not prove the same chain: a deployment made by this
 * start (`created`) under a data folder already seeded is a reset too. Never with DATABASE_URL (a real database is
 * not wiped) nor on a remote chain.
 */
export function localChainWasReset(args: {
  localChain: boolean;
  databaseUrl: string | undefined;
  marker: { identityRegistry: string } | null;
  deployment: { identityRegistry: string; created: boolean };
}): boolean {
  const { localChain, databaseUrl, marker, deployment } = args;
  if (!localChain || databaseUrl || !marker) return false;
  return deployment.created || marker.identityRegistry.toLowerCase() !== deployment.identityRegistry.toLowerCase();
}
