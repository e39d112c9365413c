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
import { describe, expect, it } from "vitest";
import { baseRevertMessages, describeChainError, extendRevertMessages } from "./errors";

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
      message: baseRevertMessages.ERC20InsufficientBalance,
    });
  });

  it("uses a feature table with argument-aware messages", () => {
    const messages = extendRevertMessages(baseRevertMessages, {
      TokenTransferNotAllowed: (args) => `Transfer not allowed (reason ${String(args[0])}).`,
    });
    const data = encodeErrorResult({ abi, errorName: "TokenTransferNotAllowed", args: [7] });
    expect(describeChainError(revert(data), { messages }).message).toBe(
      "Transfer not allowed (reason 7).",
    );
  });

  it("falls back to the error name when the table has no entry", () => {
    const data = encodeErrorResult({ abi, errorName: "Unmapped" });
    expect(describeChainError(revert(data)).message).toBe(
      "The contract refused the transaction (Unmapped).",
    );
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
    expect(describeChainError(new UserRejectedRequestError(new Error("no"))).kind).toBe(
      "user_rejected",
    );
    expect(describeChainError(new HttpRequestError({ url: "http://127.0.0.1:8545" })).kind).toBe(
      "network",
    );
    expect(describeChainError(new BaseError("weird")).kind).toBe("unknown");
    expect(describeChainError("not an error").kind).toBe("unknown");
  });
});
