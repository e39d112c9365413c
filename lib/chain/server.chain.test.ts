import { parseAbi, zeroAddress } from "viem";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetServerEnv } from "@/lib/env";
import { type LocalChain, startAnvil } from "./local/anvil";
import { freePort } from "./local/test-chain";

// A real anvil, no contracts: checks the client, deployless multicall and the per-block cache.
let chain: LocalChain;
let server: typeof import("./server");
let port: number;

beforeAll(async () => {
  port = await freePort();
  chain = await startAnvil({ port, accounts: 2 });
  vi.stubEnv("RPC_URL", "");
  vi.stubEnv("ANVIL_PORT", String(port));
  vi.stubEnv("CHAIN_ID", "31337");
  vi.stubEnv("DEPLOYMENTS_FILE", "/nonexistent/deployments.json");
  resetServerEnv();
  server = await import("./server");
});

afterAll(async () => {
  vi.unstubAllEnvs();
  resetServerEnv();
  await chain?.stop();
});

describe("server chain client", () => {
  it("talks to the local chain", async () => {
    const client = server.getPublicClient();
    expect(await client.getChainId()).toBe(31337);
    expect(server.getMulticallOptions()).toEqual({ deployless: true });
  });

  it("runs a deployless multicall on a chain without Multicall3", async () => {
    const results = await server.getPublicClient().multicall({
      contracts: [
        {
          address: zeroAddress,
          abi: parseAbi(["function hasRole(bytes32, address) view returns (bool)"]),
          functionName: "hasRole",
          args: [`0x${"00".repeat(32)}`, zeroAddress],
        },
      ],
      ...server.getMulticallOptions(),
    });
    // No code at the zero address: the call itself fails, but the multicall ran.
    expect(results[0]?.status).toBe("failure");
  });

  it("memoises reads per block", async () => {
    const read = vi.fn(async (blockNumber: bigint) => blockNumber);
    const a = await server.readAtLatestBlock({ key: "test:a", read });
    const b = await server.readAtLatestBlock({ key: "test:a", read });
    expect(a).toBe(b);
    expect(read).toHaveBeenCalledTimes(1);
    server.clearChainReadCache();
    await server.readAtLatestBlock({ key: "test:a", read });
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("reads at least the block of a confirmed transaction the server has seen", async () => {
    const freshness = await import("./freshness");
    const client = server.getPublicClient();
    // Freeze the clock so the shared block number (cached for 1 s) stays fresh however slow the machine is.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const before = await client.getBlockNumber({ cacheTime: 1_000 });
      // Another party's transaction: a block the shared number does not know of yet.
      await fetch(`http://127.0.0.1:${port}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "evm_mine", params: [] }),
      });
      expect(await server.getLatestBlockNumber()).toBe(before);
      await freshness.noteConfirmedBlock(before + 1n);
      expect(await server.getLatestBlockNumber()).toBe(before + 1n);
    } finally {
      vi.useRealTimers();
    }
  });

  it("signs the block floor cookie: a forged or altered value is ignored", async () => {
    const { formatSeenBlockCookie, parseSeenBlockCookie } = await import("./freshness");
    const value = formatSeenBlockCookie(123n);
    expect(parseSeenBlockCookie(value)).toBe(123n);
    expect(parseSeenBlockCookie(value.replace(/^123/, "999"))).toBeNull();
    expect(parseSeenBlockCookie(`123.${"A".repeat(43)}`)).toBeNull();
    expect(parseSeenBlockCookie("123")).toBeNull();
    expect(parseSeenBlockCookie(undefined)).toBeNull();
  });

  it("reports a missing deployments file clearly", () => {
    expect(() => server.getDeployments()).toThrow(/Deployments file not found/);
  });
});
