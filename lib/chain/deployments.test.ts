import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DeploymentsError, loadDeployments, parseDeployments } from "./deployments";
import { getAtelierChain } from "./config";

const valid = {
  chainId: 31337,
  identityRegistry: "0x5fbdb2315678afecb367f032d93f642f64180aa3",
  shareTokenFactory: "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512",
  shareTokenImplementation: "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0",
  primaryOffering: "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9",
  paymentToken: "0xdc64a140aa3e981100a9beca4e685f962f0cf6c9",
  deployedAt: "2026-01-01T00:00:00.000Z",
  startBlock: 1,
  market: "0x0165878a594ca255338adfa4d48449f69242eb8f",
  distributions: "0xa513e6e4b8f2a923d98304ec87f64353c4d5c853",
};

describe("deployments", () => {
  it("checksums addresses, converts startBlock and keeps extra contracts", () => {
    const d = parseDeployments(valid, { expectedChainId: 31337 });
    expect(d.identityRegistry).toBe("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    expect(d.startBlock).toBe(1n);
    expect(d.multicall3).toBeUndefined();
    expect(d.market).toBe("0x0165878A594ca255338adfa4d48449f69242Eb8F");
    expect(d.distributions).toBe(valid.distributions);
  });

  it("accepts unix seconds for deployedAt", () => {
    expect(parseDeployments({ ...valid, deployedAt: 1_767_225_600 }).deployedAt).toBe("2026-01-01T00:00:00.000Z");
  });

  it("names bad fields", () => {
    expect(() => parseDeployments({ ...valid, paymentToken: "0x123", startBlock: -1 }, { source: "x.json" })).toThrow(
      /Invalid deployments in x\.json: paymentToken must be a 0x address.*startBlock/,
    );
  });

  it("refuses a file for another chain", () => {
    expect(() => parseDeployments(valid, { expectedChainId: 1 })).toThrow("are for chain 31337, but CHAIN_ID is 1");
  });

  it("gives a clear error for a missing file and loads a present one", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "atelier-deployments-"));
    const file = path.join(dir, "31337.json");
    expect(() => loadDeployments({ file })).toThrow(DeploymentsError);
    expect(() => loadDeployments({ file })).toThrow(/Deployments file not found/);
    writeFileSync(file, JSON.stringify(valid));
    expect(loadDeployments({ file, expectedChainId: 31337 }).chainId).toBe(31337);
  });
});

describe("getAtelierChain", () => {
  it("uses foundry for the local chain and defineChain otherwise", () => {
    const local = getAtelierChain({ chainId: 31337, rpcUrls: ["http://127.0.0.1:9545"] });
    expect(local.id).toBe(31337);
    expect(local.rpcUrls.default.http).toEqual(["http://127.0.0.1:9545"]);
    const other = getAtelierChain({
      chainId: 8453,
      rpcUrls: ["https://a.example", "wss://b.example"],
      explorerUrl: "https://scan.example/",
    });
    expect(other.id).toBe(8453);
    expect(other.rpcUrls.default.webSocket).toEqual(["wss://b.example"]);
    expect(other.blockExplorers?.default.url).toBe("https://scan.example");
  });
});
