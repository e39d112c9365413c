/**
 * `npm run verify-distribution -- <file | id>`: checks a distribution against the chain and says so in words.
 *
 * <file>: a tree document (JSON); the distribution anchoring its SHA-256 is found from the distributor's logs.
 * <id>: the distributor's number for it (e.g. `3`) or the server's id (a UUID): the document is the one the server
 * stored (DATABASE_URL, or the PGlite under DATA_DIR — stop the server first, PGlite allows one process).
 *
 * Recomputes the allocation and the tree from the document, compares the root with the chain's stored root and the
 * document's SHA-256 with the anchored treeHash, and rebuilds every holder's shares at the record block from the
 * token's Transfer logs alone. RPC_URL / CHAIN_ID / DEPLOYMENTS_FILE as for the server. Exits 0 when it matches.
 */
import { existsSync, readFileSync } from "node:fs";
import { createPublicClient, http, type PublicClient } from "viem";
import { getAtelierChain } from "../lib/chain/config";
import { loadDeployments } from "../lib/chain/deployments";
import { createDatabase } from "../lib/db/connect";
import { parseServerEnv } from "../lib/env";
import { getDistribution, getDistributionByOnChainId } from "../lib/distributions/store";
import { verifyDistribution } from "../lib/distributions/verify";

const arg = process.argv[2];
if (!arg) {
  console.error("Usage: npm run verify-distribution -- <tree document file | distribution id>");
  process.exit(2);
}
const env = parseServerEnv(process.env);
const deployments = loadDeployments({ file: env.deploymentsFile, expectedChainId: env.chainId });
const client = createPublicClient({
  chain: getAtelierChain({ chainId: env.chainId, rpcUrls: env.rpcUrls }),
  transport: http(env.rpcUrls[0]),
}) as PublicClient;

let document: string;
let onChainId: bigint | undefined;
if (existsSync(arg)) {
  document = readFileSync(arg, "utf8");
  console.log(`Checking the document ${arg}.`);
} else {
  const handle = await createDatabase({ url: env.databaseUrl, dataDir: env.dataDir });
  try {
    const row = /^\d+$/.test(arg)
      ? await getDistributionByOnChainId(handle.db, {
          chainId: env.chainId,
          distributor: deployments.distributor ?? "0x0000000000000000000000000000000000000000",
          onChainId: BigInt(arg),
        })
      : /^[0-9a-f-]{36}$/i.test(arg)
        ? await getDistribution(handle.db, arg)
        : null;
    if (!row) {
      console.error(`No file and no distribution ${arg} in the server's database.`);
      process.exit(2);
    }
    document = row.document;
    onChainId = row.onChainId === null ? undefined : BigInt(row.onChainId);
    console.log(`Checking distribution ${arg} as the server stored it (token ${row.token}).`);
  } finally {
    await handle.close();
  }
}

const result = await verifyDistribution({ client, document, onChainId, fromBlock: deployments.startBlock });
for (const line of result.lines) console.log(line);
process.exit(result.ok ? 0 : 1);
