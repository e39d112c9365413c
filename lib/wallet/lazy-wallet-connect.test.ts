import { describe, expect, it, vi } from "vitest";
import { connect, reconnect } from "wagmi/actions";
import { foundry } from "viem/chains";
import { createConfig, createConnector, createStorage, http } from "wagmi";
import type { walletConnect } from "wagmi/connectors/walletConnect";
import { lazyWalletConnect } from "./lazy-wallet-connect";

const ACCOUNT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

/** A stand-in for wagmi's walletConnect connector: records what is called, connects at once. */
function fakeWalletConnect() {
  const calls: string[] = [];
  const provider = { fake: true };
  const fn = (() =>
    createConnector(() => ({
      id: "walletConnect",
      name: "WalletConnect",
      type: "walletConnect",
      async setup() {
        calls.push("setup");
      },
      async connect() {
        calls.push("connect");
        return { accounts: [ACCOUNT], chainId: foundry.id } as never;
      },
      async disconnect() {
        calls.push("disconnect");
      },
      async getAccounts() {
        return [ACCOUNT];
      },
      async getChainId() {
        return foundry.id;
      },
      async getProvider() {
        calls.push("getProvider");
        return provider;
      },
      async isAuthorized() {
        calls.push("isAuthorized");
        return true;
      },
      onAccountsChanged() {},
      onChainChanged() {},
      onDisconnect() {},
    }))) as unknown as typeof walletConnect;
  return { fn, calls };
}

function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

function setUp(initial: Record<string, string> = {}) {
  const fake = fakeWalletConnect();
  const load = vi.fn(async () => fake.fn);
  const config = createConfig({
    chains: [foundry],
    connectors: [lazyWalletConnect({ projectId: "test" }, load)],
    multiInjectedProviderDiscovery: false,
    storage: createStorage({ storage: memoryStorage(initial), key: "t" }),
    transports: { [foundry.id]: http("http://127.0.0.1:1") },
  });
  return { config, load, calls: fake.calls };
}

describe("lazyWalletConnect", () => {
  it("is listed as WalletConnect without loading its code", async () => {
    const { config, load } = setUp();
    const [c] = config.connectors;
    expect(c).toMatchObject({ id: "walletConnect", name: "WalletConnect", type: "walletConnect" });
    await reconnect(config);
    expect(load).not.toHaveBeenCalled();
  });

  it("loads, sets up and connects the real connector when picked", async () => {
    const { config, load, calls } = setUp();
    const result = await connect(config, { connector: config.connectors[0]! });
    expect(load).toHaveBeenCalledTimes(1);
    expect(calls.slice(0, 2)).toEqual(["setup", "connect"]);
    expect(result.accounts).toEqual([ACCOUNT]);
  });

  it("restores the session on reload when WalletConnect was the wallet last used", async () => {
    const { config, load, calls } = setUp({ "t.recentConnectorId": JSON.stringify("walletConnect") });
    await new Promise((r) => setTimeout(r, 0));
    await reconnect(config);
    expect(load).toHaveBeenCalledTimes(1);
    expect(calls).toContain("isAuthorized");
    expect(config.state.status).toBe("connected");
  });
});
