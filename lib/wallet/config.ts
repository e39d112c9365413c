import { defineChain, type Chain } from "viem";
import { cookieStorage, createConfig, createStorage, http, type CreateConnectorFn } from "wagmi";
import { injected } from "wagmi/connectors/injected";
import { demoConnector } from "./demo-connector";
import { lazyWalletConnect } from "./lazy-wallet-connect";
import { LOCAL_CHAIN_ID } from "@/lib/chain/config";
import type { WalletChain, WalletSettings } from "./types";

export function toViemChain(chain: WalletChain, rpcUrl: string): Chain {
  return defineChain({
    id: chain.id,
    name: chain.name,
    nativeCurrency: chain.nativeCurrency ?? { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
    ...(chain.blockExplorerUrl
      ? { blockExplorers: { default: { name: "Explorer", url: chain.blockExplorerUrl } } }
      : {}),
    testnet: chain.id === LOCAL_CHAIN_ID,
  });
}

/**
 * One wagmi config per settings. Chains come from server configuration (props), not from
 * build-time variables; only the WalletConnect project id may come from NEXT_PUBLIC_*.
 * Callable on the server (for `cookieToInitialState`) and in the browser.
 */
export function getWagmiConfig({ chain, rpcUrl, walletConnectProjectId, demoAccounts }: WalletSettings) {
  const viemChain = toViemChain(chain, rpcUrl);
  const connectors: CreateConnectorFn[] = [injected({ shimDisconnect: true })];
  if (walletConnectProjectId) {
    // WalletConnect's code (and its provider's) loads only when a user picks it, or returns having used it.
    connectors.push(
      lazyWalletConnect({
        projectId: walletConnectProjectId,
        showQrModal: true,
        metadata: {
          name: "Atelier",
          description: "Fractional artwork shares",
          url: typeof window === "undefined" ? "https://atelier.local" : window.location.origin,
          icons: [],
        },
      }),
    );
  }
  if (chain.id === LOCAL_CHAIN_ID) {
    for (const account of demoAccounts ?? []) connectors.push(demoConnector(account));
  }
  return createConfig({
    chains: [viemChain],
    connectors,
    // EIP-6963: every installed wallet announces itself and becomes a connector (default on).
    multiInjectedProviderDiscovery: true,
    ssr: true,
    storage: createStorage({ storage: cookieStorage, key: "atelier.wagmi" }),
    transports: { [viemChain.id]: http(rpcUrl, { batch: true }) },
  });
}

export type AtelierWagmiConfig = ReturnType<typeof getWagmiConfig>;

declare module "wagmi" {
  interface Register {
    config: AtelierWagmiConfig;
  }
}
