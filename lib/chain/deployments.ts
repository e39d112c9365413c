/**
 * Loader for the deployment addresses file written by the contracts deploy script
 * (default `${DATA_DIR}/deployments/${CHAIN_ID}.json`). Plain module: scripts use it too.
 */
import { readFileSync } from "node:fs";
import { type Address, getAddress, isAddress } from "viem";
import { z } from "zod";

const address = z
  .string()
  .refine((value) => isAddress(value, { strict: false }), {
    error: "must be a 0x address (40 hex characters)",
  })
  .transform((value) => getAddress(value));

const blockNumber = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d+$/), z.string().regex(/^0x[0-9a-fA-F]+$/)])
  .transform((value) => BigInt(value));

export const DeploymentsSchema = z.object({
  chainId: z.number().int().positive(),
  identityRegistry: address,
  shareTokenFactory: address,
  shareTokenImplementation: address,
  primaryOffering: address,
  paymentToken: address,
  /** Two-agent enforcement (forced transfer, recovery, burn); absent in deployments made before it existed. */
  enforcementDesk: address.optional(),
  /** Token migrator (retire a token for a successor, copy its register); absent in deployments made before it. */
  tokenMigrator: address.optional(),
  /** Secondary market (order book); absent in deployments made before it existed. */
  market: address.optional(),
  /** Distributions to token holders (issue 15); absent in deployments made before it existed. */
  distributor: address.optional(),
  /** Sales of artworks voted on by their holders (issue 15); absent in deployments made before it existed. */
  artworkSale: address.optional(),
  multicall3: address.optional(),
  /** ISO 8601 string or unix seconds. */
  deployedAt: z
    .union([z.string().refine((s) => !Number.isNaN(Date.parse(s)), { error: "must be an ISO date" }), z.number()])
    .transform((value) => new Date(typeof value === "number" ? value * 1000 : value).toISOString()),
  /** First block the indexer needs to read. */
  startBlock: blockNumber,
});

export type Deployments = {
  chainId: number;
  identityRegistry: Address;
  shareTokenFactory: Address;
  shareTokenImplementation: Address;
  primaryOffering: Address;
  paymentToken: Address;
  enforcementDesk?: Address | undefined;
  tokenMigrator?: Address | undefined;
  market?: Address | undefined;
  distributor?: Address | undefined;
  artworkSale?: Address | undefined;
  multicall3?: Address | undefined;
  deployedAt: string;
  startBlock: bigint;
} & Record<string, unknown>;

export class DeploymentsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeploymentsError";
  }
}

/** Validate parsed JSON. Unknown extra keys (more contracts) are kept as they are. */
export function parseDeployments(
  json: unknown,
  options: { expectedChainId?: number; source?: string } = {},
): Deployments {
  const where = options.source ? ` in ${options.source}` : "";
  const result = DeploymentsSchema.loose().safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "file"} ${i.message}`).join("; ");
    throw new DeploymentsError(`Invalid deployments${where}: ${problems}`);
  }
  if (options.expectedChainId !== undefined && result.data.chainId !== options.expectedChainId) {
    throw new DeploymentsError(
      `Deployments${where} are for chain ${result.data.chainId}, but CHAIN_ID is ${options.expectedChainId}`,
    );
  }
  return result.data as Deployments;
}

/** Read and validate the deployments file; a clear error when it is missing or malformed. */
export function loadDeployments(options: { file: string; expectedChainId?: number }): Deployments {
  let text: string;
  try {
    text = readFileSync(options.file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new DeploymentsError(
        `Deployments file not found: ${options.file}. Deploy the contracts first (npm start deploys them on the local chain) or set DEPLOYMENTS_FILE.`,
      );
    }
    throw new DeploymentsError(`Cannot read deployments file ${options.file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DeploymentsError(`Deployments file ${options.file} is not valid JSON`);
  }
  return parseDeployments(json, { expectedChainId: options.expectedChainId, source: options.file });
}
