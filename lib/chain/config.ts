/**
 * Chain definition from configuration. Usable on the server and in the browser (no secrets, no server-only).
 * The server reads `getServerEnv()` and passes `{ chainId, rpcUrls, explorerUrl }`; the client gets the same
 * values as props (or NEXT_PUBLIC_ variables) and calls `getAtelierChain` with them.
 */
import { type Chain, defineChain } from "viem";
import { foundry } from "viem/chains";
import { LOCAL_CHAIN_ID } from "./ids";

export { LOCAL_CHAIN_ID };

export type ChainConfig = {
  chainId: number;
  /** HTTP(S) and WS(S) endpoints; the first HTTP one is the chain's default. */
  rpcUrls: readonly string[];
  explorerUrl?: string | undefined;
  /** Display name for a non-local chain. */
  name?: string | undefined;
};

export function getAtelierChain(config: ChainConfig): Chain {
  const http = config.rpcUrls.filter((u) => /^https?:/i.test(u));
  const webSocket = config.rpcUrls.filter((u) => /^wss?:/i.test(u));
  const rpcUrls = {
    default: {
      http: http.length > 0 ? http : ["http://127.0.0.1:8545"],
      ...(webSocket.length > 0 ? { webSocket } : {}),
    },
  };
  const blockExplorers = config.explorerUrl
    ? { default: { name: "Explorer", url: config.explorerUrl.replace(/\/+$/, "") } }
    : undefined;

  if (config.chainId === LOCAL_CHAIN_ID) {
    return {
      ...foundry,
      name: "Atelier local chain",
      rpcUrls,
      ...(blockExplorers ? { blockExplorers } : {}),
    };
  }
  return defineChain({
    id: config.chainId,
    name: config.name ?? `Chain ${config.chainId}`,
    // The payment token is the configured stablecoin; the native currency only pays gas.
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls,
    ...(blockExplorers ? { blockExplorers } : {}),
  });
}

/** Link to a transaction on the configured explorer, or null when there is none (local chain). */
export function getExplorerTxUrl(chain: Chain, txHash: string): string | null {
  const base = chain.blockExplorers?.default.url;
  return base ? `${base}/tx/${txHash}` : null;
}

export function getExplorerAddressUrl(chain: Chain, address: string): string | null {
  const base = chain.blockExplorers?.default.url;
  return base ? `${base}/address/${address}` : null;
}
