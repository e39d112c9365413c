import { createConnector } from "wagmi";
import { mock } from "wagmi/connectors/mock";
import { DEMO_CONNECTOR_PREFIX, type DemoAccount } from "./types";

const DISCONNECTED_KEY = "atelier-demo.disconnected";

/**
 * The demo wallet: wagmi's `mock` connector for ONE anvil dev account. anvil holds the keys and
 * answers `personal_sign` / `eth_sendTransaction` for its unlocked accounts, so this signs for real
 * on the local chain without a browser extension. Never configured on any other chain.
 *
 * Each account gets its own connector id so that a reload reconnects the account last used.
 */
export function demoConnector(account: DemoAccount) {
  const base = mock({ accounts: [account.address], features: { reconnect: true } });
  const id = `${DEMO_CONNECTOR_PREFIX}${account.address.toLowerCase()}`;
  return createConnector((config) => {
    const inner = base(config);
    return {
      ...inner,
      id,
      name: account.label,
      type: "demo",
      async connect(parameters) {
        await config.storage?.removeItem(DISCONNECTED_KEY);
        return inner.connect.call(this, parameters);
      },
      async disconnect() {
        await config.storage?.setItem(DISCONNECTED_KEY, true);
        return inner.disconnect.call(this);
      },
      async isAuthorized() {
        const [recent, disconnected] = await Promise.all([
          config.storage?.getItem("recentConnectorId"),
          config.storage?.getItem(DISCONNECTED_KEY),
        ]);
        return recent === id && !disconnected;
      },
    } as typeof inner;
  });
}

export function isDemoConnectorId(id: string): boolean {
  return id.startsWith(DEMO_CONNECTOR_PREFIX);
}
