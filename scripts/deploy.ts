/**
 * Deploys Atelier's contracts to the chain at RPC_URL with DEPLOYER_PRIVATE_KEY, writing addresses to
 * DEPLOYMENTS_FILE (default `${DATA_DIR}/deployments/${CHAIN_ID}.json`). PAYMENT_TOKEN_ADDRESS uses an
 * existing stablecoin instead of deploying the HKD stand-in. Safe to run again: it changes nothing
 * that is already deployed.
 */
import { privateKeyToAccount } from "viem/accounts";
import { getAddress, isAddress, isHex } from "viem";
import { parseServerEnv } from "../lib/env";
import { deployAtelier } from "../lib/chain/deploy";

const env = parseServerEnv(process.env);
const key = process.env.DEPLOYER_PRIVATE_KEY;
if (!key || !isHex(key) || key.length !== 66) {
  console.error("DEPLOYER_PRIVATE_KEY must be a 0x-prefixed 32-byte hex private key");
  process.exit(1);
}
const paymentToken = process.env.PAYMENT_TOKEN_ADDRESS;
if (paymentToken && !isAddress(paymentToken)) {
  console.error("PAYMENT_TOKEN_ADDRESS must be a 0x address");
  process.exit(1);
}
const deployed = await deployAtelier({
  rpcUrl: env.rpcUrls[0]!,
  chainId: env.chainId,
  account: privateKeyToAccount(key),
  file: env.deploymentsFile,
  ...(paymentToken ? { paymentToken: getAddress(paymentToken) } : {}),
  log: (m) => console.log(m),
});
console.log(JSON.stringify(deployed, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2));
