/**
 * `npm run migrate-token -- <token address> [--rpc <url>] [--keep-paused] [--no-db]`: moves a share token to a successor clone
 * (the upgrade path for immutable clones; see README "Upgrading a token" and contracts/src/TokenMigrator.sol).
 *
 * Keys from the environment, as scripts/deploy.ts takes them: ISSUER_PRIVATE_KEY (the token's owner: starts the
 * migration, sends the copies, anchors the documents) and AGENT_PRIVATE_KEY (an enforcement desk agent: pauses the
 * token, reopens the successor). RPC: --rpc, else RPC_URL (else the local anvil). Prints each step and a final
 * before/after comparison of the two registers; exits 1 when they differ. Resumable: run it again after an
 * interruption and it continues where it stopped. Then the portal follows: the listing's database row (DATABASE_URL,
 * else the embedded database in DATA_DIR — stop the server first, PGlite allows one process) names the successor,
 * audited; `--no-db` skips that step (run the script again without it later).
 */
import { createPublicClient, createWalletClient, getAddress, http, isAddress, isHex, type PublicClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { ConfigurationError, parseServerEnv } from "../lib/env";
import { getAtelierChain } from "../lib/chain/config";
import { formatComparison, migrateToken } from "../lib/chain/migrate-token";
import { createDatabase } from "../lib/db/connect";
import { followTokenMigration } from "../lib/issuer/token-migration";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function key(name: string) {
  const value = process.env[name];
  if (!value || !isHex(value) || value.length !== 66) fail(`${name} must be a 0x-prefixed 32-byte hex private key`);
  return privateKeyToAccount(value);
}

const args = process.argv.slice(2);
const tokenArg = args.find((a) => !a.startsWith("--") && args[args.indexOf(a) - 1] !== "--rpc");
if (!tokenArg || !isAddress(tokenArg))
  fail("Usage: npm run migrate-token -- <token address> [--rpc <url>] [--keep-paused] [--no-db]");
const rpcIndex = args.indexOf("--rpc");
const rpcArg = rpcIndex >= 0 ? args[rpcIndex + 1] : undefined;
if (rpcIndex >= 0 && !rpcArg) fail("--rpc needs a URL");

let env;
try {
  env = parseServerEnv(rpcArg ? { ...process.env, RPC_URL: rpcArg } : process.env);
} catch (error) {
  if (error instanceof ConfigurationError) fail(error.message);
  throw error;
}
const rpcUrl = env.rpcUrls[0]!;
const chain = getAtelierChain({ chainId: env.chainId, rpcUrls: [rpcUrl] });
const transport = http(rpcUrl);
const client = createPublicClient({ chain, transport }) as PublicClient;
const issuer = key("ISSUER_PRIVATE_KEY");
const agent = key("AGENT_PRIVATE_KEY");
const log = (m: string) => console.log(`[migrate-token ${new Date().toISOString()}] ${m}`);

const result = await migrateToken({
  client,
  token: getAddress(tokenArg),
  issuer: { account: issuer, wallet: createWalletClient({ account: issuer, chain, transport }) },
  agent: { account: agent, wallet: createWalletClient({ account: agent, chain, transport }) },
  reopen: !args.includes("--keep-paused"),
  log,
});
console.log(formatComparison(result));
if (result.differences.length !== 0) process.exit(1);

if (!args.includes("--no-db")) {
  const handle = await createDatabase({ url: env.databaseUrl, dataDir: env.dataDir });
  try {
    const followed = await followTokenMigration({
      db: handle.db,
      client,
      token: result.predecessor,
      actor: issuer.address.toLowerCase(),
    });
    if (followed.status === "moved") log(`listing ${followed.artworkId} now names ${followed.to}`);
    else if (followed.status === "already") log(`listing ${followed.artworkId} already names ${followed.to}`);
    else log("no listing in the database names this token");
  } finally {
    await handle.close();
  }
}
process.exit(0);
