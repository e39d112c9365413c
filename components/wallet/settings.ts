import "server-only";
import { getServerEnv } from "@/lib/env";
import { LOCAL_CHAIN_ID } from "@/lib/chain/config";
import type { DemoAccount, WalletSettings } from "@/lib/wallet/types";

/**
 * anvil's default dev accounts (public, well-known test keys). Used only on the local chain, and
 * only until the seed script's `getDemoAccounts()` is wired in by the caller.
 */
const ANVIL_FALLBACK: DemoAccount[] = [
  {
    address: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
    label: "Anvil account 0",
    description: "Deployer / platform admin",
  },
  { address: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", label: "Anvil account 1", description: "Demo account" },
  { address: "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", label: "Anvil account 2", description: "Demo account" },
];

/**
 * Wallet settings for the browser, from server configuration (never from build-time variables,
 * except the WalletConnect id). Pass `demoAccounts` from the seed's `getDemoAccounts()`.
 */
export function getWalletSettings(demoAccounts?: DemoAccount[]): WalletSettings {
  const env = getServerEnv();
  const local = env.chainId === LOCAL_CHAIN_ID;
  const rpcUrl = env.publicRpcUrl;
  return {
    chain: {
      id: env.chainId,
      name: local ? "Atelier local chain" : `Chain ${env.chainId}`,
      ...(env.explorerUrl ? { blockExplorerUrl: env.explorerUrl } : {}),
    },
    rpcUrl,
    ...(env.walletConnectProjectId ? { walletConnectProjectId: env.walletConnectProjectId } : {}),
    ...(local ? { demoAccounts: demoAccounts ?? ANVIL_FALLBACK } : {}),
  };
}
