/** Serialisable wallet settings, built on the server from configuration and passed as props. */

export type Address = `0x${string}`;

export type WalletChain = {
  id: number;
  name: string;
  nativeCurrency?: { name: string; symbol: string; decimals: number };
  blockExplorerUrl?: string;
};

/** A seeded account the demo wallet can act as (local chain only). */
export type DemoAccount = {
  address: Address;
  /** e.g. "Mei Chan" */
  label: string;
  /** e.g. "Verified retail investor (HK)" */
  description: string;
};

export type WalletSettings = {
  chain: WalletChain;
  /** JSON-RPC URL reachable from the browser. */
  rpcUrl: string;
  walletConnectProjectId?: string;
  /** Only honoured when chain.id === 31337. */
  demoAccounts?: DemoAccount[];
};

export const DEMO_CONNECTOR_PREFIX = "atelier-demo:";
