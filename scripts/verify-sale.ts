/**
 * `npm run verify-sale -- <id>`: checks a sale vote's weights against the chain and says so in words. <id>: the sale
 * contract's number for it (e.g. `1`) or the server's id (a UUID); the weights document is the one the server stored
 * (DATABASE_URL, or the PGlite under DATA_DIR — stop the server first, PGlite allows one process). Rebuilds the tree
 * from the document, compares the root and the document's SHA-256 with the chain's, and rebuilds every holder's
 * shares at the record block from the token's Transfer logs alone (lib/sale/verify.ts). Exits 0 when it matches.
 */
import { createPublicClient, http, type PublicClient } from "viem";
import { getAtelierChain } from "../lib/chain/config";
import { loadDeployments } from "../lib/chain/deployments";
import { createDatabase } from "../lib/db/connect";
import { parseServerEnv } from "../lib/env";
import { getSale, getSaleByOnChainId } from "../lib/sale/store";
import { verifySale } from "../lib/sale/verify";

const arg = process.argv[2];
if (!arg || !/^(\d+|[0-9a-f-]{36})$/i.test(arg)) {
  console.error("Usage: npm run verify-sale -- <sale id (number) | server id (UUID)>");
  process.exit(2);
}
const env = parseServerEnv(process.env);
const deployments = loadDeployments({ file: env.deploymentsFile, expectedChainId: env.chainId });
const client = createPublicClient({
  chain: getAtelierChain({ chainId: env.chainId, rpcUrls: env.rpcUrls }),
  transport: http(env.rpcUrls[0]),
}) as PublicClient;

const handle = await createDatabase({ url: env.databaseUrl, dataDir: env.dataDir });
let row;
try {
  row = /^\d+$/.test(arg)
    ? deployments.artworkSale
      ? await getSaleByOnChainId(handle.db, { saleContract: deployments.artworkSale, onChainId: BigInt(arg) })
      : null
    : await getSale(handle.db, arg);
} finally {
  await handle.close();
}
if (!row || row.onChainId === null) {
  console.error(`No sale ${arg} opened on-chain in the server's database.`);
  process.exit(2);
}
console.log(`Checking sale ${row.onChainId} as the server stored it (token ${row.token}).`);
const result = await verifySale({
  client,
  document: row.document,
  onChainId: BigInt(row.onChainId),
  fromBlock: deployments.startBlock,
});
for (const line of result.lines) console.log(line);
process.exit(result.ok ? 0 : 1);
