/**
 * The hand-written `aggregate3` coder against viem's: the same calldata for a list of calls of every length of call
 * data, and the same results read back from what viem encodes.
 */
import { decodeFunctionData, encodeFunctionResult, getAddress, type Hex, multicall3Abi } from "viem";
import { describe, expect, it } from "vitest";
import { type Call, decodeAggregate3, encodeAggregate3 } from "./aggregate3";

const hex = (seed: number, bytes: number) =>
  `0x${Array.from({ length: bytes }, (_, i) => ((seed * 31 + i * 7) % 256).toString(16).padStart(2, "0")).join("")}` as Hex;

const calls: Call[] = Array.from({ length: 40 }, (_, i) => ({
  target: getAddress(hex(i + 1, 20)),
  callData: hex(i, i % 7 === 0 ? 4 : 4 + ((i * 5) % 70)),
}));

describe("aggregate3 by hand", () => {
  it("writes the calldata viem decodes as the same calls, each with allowFailure false", () => {
    const { functionName, args } = decodeFunctionData({ abi: multicall3Abi, data: encodeAggregate3(calls) });
    expect(functionName).toBe("aggregate3");
    expect(args[0]).toEqual(calls.map((c) => ({ ...c, allowFailure: false })));
    expect(decodeFunctionData({ abi: multicall3Abi, data: encodeAggregate3([]) }).args[0]).toEqual([]);
  });

  it("reads the results viem encodes", () => {
    const results = calls.map((c, i) => ({
      success: i % 5 !== 0,
      returnData: i % 9 === 0 ? ("0x" as Hex) : c.callData,
    }));
    const data = encodeFunctionResult({ abi: multicall3Abi, functionName: "aggregate3", result: results });
    expect(decodeAggregate3(data)).toEqual(results);
    expect(() => decodeAggregate3(data.slice(0, -64) as Hex)).toThrow(/too short/);
  });
});
