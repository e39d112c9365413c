import {
  type Abi,
  BaseError,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  encodeErrorResult,
  HttpRequestError,
  parseAbi,
  UserRejectedRequestError,
} from "viem";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import enErrors from "@/lib/i18n/messages/en/chain-errors.json";
import zhErrors from "@/lib/i18n/messages/zh-HK/chain-errors.json";
import {
  chainErrorKey,
  describeChainError,
  findErrorByName,
  isChainUnreachable,
  isViemError,
  SHARED_REVERTS,
} from "./errors";
import { refusalCode } from "./error-names";

const abi = parseAbi([
  "error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)",
  "error TokenTransferNotAllowed(uint8 code)",
  "error Unmapped()",
  "function transfer(address to, uint256 amount) returns (bool)",
]);

function revert(data: `0x${string}`, abiOverride: Abi = abi) {
  const cause = new ContractFunctionRevertedError({
    abi: abiOverride,
    data,
    functionName: "transfer",
  });
  return new ContractFunctionExecutionError(cause, {
    abi: abiOverride,
    functionName: "transfer",
    args: [],
  });
}

describe("describeChainError", () => {
  it("maps a known custom error by name", () => {
    const data = encodeErrorResult({
      abi,
      errorName: "ERC20InsufficientBalance",
      args: ["0x0000000000000000000000000000000000000001", 1n, 2n],
    });
    expect(describeChainError(revert(data))).toMatchObject({
      kind: "revert",
      errorName: "ERC20InsufficientBalance",
      args: ["0x0000000000000000000000000000000000000001", 1n, 2n],
      message: "The contract refused the transaction (ERC20InsufficientBalance).",
    });
    const messages = { ERC20InsufficientBalance: "Your balance is too small for this amount." };
    expect(describeChainError(revert(data), { messages }).message).toBe(messages.ERC20InsufficientBalance);
  });

  it("uses a feature table with argument-aware messages", () => {
    const messages = {
      TokenTransferNotAllowed: (args: readonly unknown[]) => `Transfer not allowed (reason ${String(args[0])}).`,
    };
    const data = encodeErrorResult({ abi, errorName: "TokenTransferNotAllowed", args: [7] });
    expect(describeChainError(revert(data), { messages }).message).toBe("Transfer not allowed (reason 7).");
  });

  it("falls back to the error name when the table has no entry", () => {
    const data = encodeErrorResult({ abi, errorName: "Unmapped" });
    expect(describeChainError(revert(data)).message).toBe("The contract refused the transaction (Unmapped).");
  });

  it("shows require reasons", () => {
    const data = encodeErrorResult({
      abi: parseAbi(["error Error(string)"]),
      errorName: "Error",
      args: ["sold out"],
    });
    expect(describeChainError(revert(data))).toMatchObject({ kind: "revert", message: "sold out" });
  });

  it("recognises a rejected wallet request and an unreachable node", () => {
    expect(describeChainError(new UserRejectedRequestError(new Error("no"))).kind).toBe("user_rejected");
    expect(describeChainError(new HttpRequestError({ url: "http://127.0.0.1:8545" })).kind).toBe("network");
    expect(describeChainError(new BaseError("weird")).kind).toBe("unknown");
    expect(describeChainError("not an error").kind).toBe("unknown");
  });
});

describe("chainErrorKey", () => {
  const catalogues = { en: enErrors.chainErrors, "zh-HK": zhErrors.chainErrors } as Record<
    string,
    Record<string, unknown>
  >;
  const has = (cat: Record<string, unknown>, key: string) =>
    key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], cat) !== undefined;

  it("names a catalogue entry for every kind and every shared revert, in both languages", () => {
    const keys = [
      chainErrorKey(describeChainError(new UserRejectedRequestError(new Error("no")))).key,
      chainErrorKey(describeChainError(new HttpRequestError({ url: "http://127.0.0.1:8545" }))).key,
      chainErrorKey(describeChainError(new BaseError("weird"))).key,
      ...SHARED_REVERTS.map((name) => chainErrorKey({ kind: "revert", errorName: name, args: [], message: "" }).key),
      chainErrorKey({ kind: "revert", errorName: "SomethingElse", args: [], message: "" }).key,
      chainErrorKey({ kind: "revert", errorName: null, args: [], message: "" }).key,
    ];
    expect(keys).toContain("userRejected");
    expect(keys).toContain("reverts.ERC20InsufficientBalance");
    for (const [locale, cat] of Object.entries(catalogues))
      for (const key of keys) expect(has(cat, key), `${locale}: ${key}`).toBe(true);
  });

  it("words the share token's limits on privileged power in both languages", () => {
    for (const name of [
      "ShareMaxSupplyExceeded",
      "ShareRoleNotGrantable",
      "ShareNotPendingOwner",
      "ShareInvalidMaxSupply",
    ]) {
      const key = chainErrorKey({ kind: "revert", errorName: name, args: [], message: "" }).key;
      expect(key).toBe(`reverts.${name}`);
      for (const [locale, cat] of Object.entries(catalogues)) expect(has(cat, key), `${locale}: ${key}`).toBe(true);
    }
  });

  it("passes an unknown custom error's name along", () => {
    expect(chainErrorKey({ kind: "revert", errorName: "MarketPriceMoved", args: [], message: "" })).toEqual({
      key: "revertNamed",
      values: { name: "MarketPriceMoved" },
    });
  });

  it("knows a node that does not answer from a refusal, also through another copy of viem (names, not instanceof)", () => {
    const down = new HttpRequestError({ url: "http://127.0.0.1:1", cause: new Error("fetch failed") });
    expect(isChainUnreachable(down)).toBe(true);
    expect(isChainUnreachable(new BaseError("wrapped", { cause: down }))).toBe(true);
    // The same error from a second bundled copy of viem: a plain object with the same name.
    expect(isChainUnreachable({ name: "Error", cause: { name: "HttpRequestError" } })).toBe(true);
    expect(isChainUnreachable(new BaseError("execution reverted"))).toBe(false);
    expect(isChainUnreachable(new Error("database"))).toBe(false);
    expect(isChainUnreachable(null)).toBe(false);
  });

  it("finds a viem error by name along the cause chain, also from another copy of viem", () => {
    const revert = { name: "ContractFunctionRevertedError", data: { errorName: "SharePausedState" } };
    const wrapped = { name: "CallExecutionError", cause: { name: "Error", cause: revert } };
    expect(findErrorByName(wrapped, "ContractFunctionRevertedError")).toBe(revert);
    expect(findErrorByName(wrapped, ["TimeoutError", "CallExecutionError"])).toBe(wrapped);
    expect(findErrorByName(wrapped, "TransactionNotFoundError")).toBeNull();
    expect(findErrorByName("not an error", "Error")).toBeNull();
    // A cycle in the cause chain ends the walk instead of looping.
    const loop: { name: string; cause?: unknown } = { name: "A" };
    loop.cause = loop;
    expect(findErrorByName(loop, "B")).toBeNull();
  });

  it("reads a refusal's reason code from the first named custom error along the cause chain", () => {
    const refused = (errorName: string, args: unknown[]) => ({ name: "Error", cause: { data: { errorName, args } } });
    expect(refusalCode(refused("RedeemRefused", [1n, "0xaa", 70]), ["VoteRefused", "RedeemRefused"], 2)).toBe(70);
    expect(refusalCode(refused("VoteRefused", [1n, "0xaa", 65]), ["VoteRefused", "RedeemRefused"], 2)).toBe(65);
    // Another custom error, or one without the code's argument, is not a refusal.
    expect(refusalCode(refused("ClaimRefused", [1n, "0xaa", 54]), ["VoteRefused"], 2)).toBeNull();
    expect(refusalCode(refused("VoteRefused", [1n]), ["VoteRefused"], 2)).toBeNull();
    expect(refusalCode(new Error("network down"), ["VoteRefused"], 2)).toBeNull();
    expect(refusalCode(undefined, ["VoteRefused"], 2)).toBeNull();
  });

  it("tells viem's errors by shape, not class, so no viem error class is bundled with it", () => {
    expect(isViemError(new BaseError("x"))).toBe(true);
    expect(isViemError(new UserRejectedRequestError(new Error("no")))).toBe(true);
    // wagmi's own errors walk too, but are not viem's: they stay "unknown" with the plain fallback words.
    const wagmi = Object.assign(new Error("Connector not connected."), {
      shortMessage: "Connector not connected.",
      version: "@wagmi/core@3.0.0",
      walk: () => null,
    });
    expect(isViemError(wagmi)).toBe(false);
    expect(describeChainError(wagmi)).toMatchObject({
      kind: "unknown",
      message: "Something went wrong. Please try again.",
    });
    expect(isViemError({ walk: () => null, shortMessage: "x", version: "2.0.0" })).toBe(false);
    expect(describeChainError(new UserRejectedRequestError(new Error("no"))).kind).toBe("user_rejected");
    // The module imports nothing from viem but types: a class import would put the error classes in every page.
    const source = readFileSync(new URL("./errors.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/^import\s+(?!type\b)[^;]*from\s+"viem"/m);
  });
});
