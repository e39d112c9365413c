import { createConnector, ProviderNotFoundError, type CreateConnectorFn } from "wagmi";
import type { WalletConnectParameters, walletConnect } from "wagmi/connectors/walletConnect";

type WalletConnectFn = typeof walletConnect;
type InnerConnector = ReturnType<ReturnType<WalletConnectFn>>;
type ConnectorConfig = Parameters<CreateConnectorFn>[0];

/** wagmi's WalletConnect connector module, fetched on first use (it pulls in the WalletConnect provider). */
const loadWalletConnect = (): Promise<WalletConnectFn> =>
  import("wagmi/connectors/walletConnect").then((m) => m.walletConnect);

export const WALLET_CONNECT_ID = "walletConnect";

/**
 * WalletConnect without its code on the page: a connector with WalletConnect's id, name and type (so the
 * connect dialog lists it) whose every method loads wagmi's `walletConnect` connector — and through it
 * `@walletconnect/ethereum-provider` — on first use. Loading happens when the user picks WalletConnect, or on
 * a reload when WalletConnect is the wallet last used (wagmi's `recentConnectorId`), so that its session is
 * restored. Any other page load neither downloads nor starts it (wagmi's own connector starts its provider
 * in `setup()`, i.e. on every page).
 *
 * `load` is for tests.
 */
export function lazyWalletConnect(
  parameters: WalletConnectParameters,
  load: () => Promise<WalletConnectFn> = loadWalletConnect,
) {
  return createConnector<unknown>((config: ConnectorConfig) => {
    let inner: InnerConnector | undefined;
    let loading: Promise<InnerConnector> | undefined;

    /** The real connector, created (and set up) once, with the config wagmi gave this one (same emitter). */
    function real(): Promise<InnerConnector> {
      loading ??= load().then(async (walletConnect) => {
        const connector = walletConnect(parameters)(config as Parameters<ReturnType<WalletConnectFn>>[0]);
        await connector.setup?.();
        inner = connector;
        return connector;
      });
      return loading;
    }

    /** WalletConnect was the wallet last used: its session (if any) is worth restoring. */
    async function remembered(): Promise<boolean> {
      try {
        return (await config.storage?.getItem("recentConnectorId")) === WALLET_CONNECT_ID;
      } catch {
        return false;
      }
    }

    return {
      id: WALLET_CONNECT_ID,
      name: "WalletConnect",
      type: "walletConnect",
      async setup() {
        // Only a returning WalletConnect user starts the provider at once (it listens for the session).
        if (await remembered()) await real().catch(() => undefined);
      },
      async connect(params) {
        const c = await real();
        return c.connect(params) as never;
      },
      async disconnect() {
        if (!inner && !loading) return;
        return (await real()).disconnect();
      },
      async getAccounts() {
        return (await real()).getAccounts();
      },
      async getChainId() {
        return (await real()).getChainId();
      },
      async getProvider(params) {
        // wagmi's reconnect asks every connector for its provider on page load: answer without loading.
        if (!inner && !loading && !(await remembered())) throw new ProviderNotFoundError();
        return (await real()).getProvider(params);
      },
      async isAuthorized() {
        if (!inner && !loading && !(await remembered())) return false;
        return (await real()).isAuthorized();
      },
      async switchChain(params) {
        return (await real()).switchChain!(params);
      },
      onAccountsChanged(accounts) {
        inner?.onAccountsChanged(accounts);
      },
      onChainChanged(chainId) {
        inner?.onChainChanged(chainId);
      },
      onConnect(info) {
        inner?.onConnect?.(info);
      },
      onDisconnect(error) {
        inner?.onDisconnect(error);
      },
    };
  });
}
