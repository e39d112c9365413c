import { BaseError, ContractFunctionRevertedError, encodeErrorResult } from "viem";
import { describe, expect, it } from "vitest";
import { distributorAbi } from "@/lib/chain/abis";
import { CLAIM_REASONS, claimRefusedCode, claimState } from "./claim-codes";

describe("claimState", () => {
  it("payable, paid, waiting with the money reserved, or no longer payable", () => {
    expect(claimState(0)).toEqual({ state: "claimable" });
    expect(claimState(51)).toEqual({ state: "claimed" });
    expect(claimState(54)).toEqual({ state: "waiting", reason: "frozen" });
    expect(claimState(55)).toEqual({ state: "waiting", reason: "notVerified" });
    expect(claimState(49)).toEqual({ state: "waiting", reason: "held" });
    expect(claimState(56)).toEqual({ state: "waiting", reason: "platformStopped" });
    expect(claimState(50)).toEqual({ state: "lapsed", reason: "windowEnded" });
    expect(claimState(48)).toEqual({ state: "lapsed", reason: "closed" });
    expect(claimState(57)).toEqual({ state: "lapsed", reason: "walletRecovered" });
    expect(claimState(53)).toEqual({ state: "lapsed", reason: "notHolder" });
    expect(claimState(99)).toEqual({ state: "lapsed", reason: "unknown" });
  });

  it("has a reason for every claim code the distributor declares", () => {
    const declared = distributorAbi
      .filter((x) => x.type === "function" && x.name.startsWith("CLAIM_") && x.name !== "CLAIM_OK")
      .map((x) => (x as { name: string }).name);
    expect(declared.length).toBe(Object.keys(CLAIM_REASONS).length);
  });
});

describe("claimRefusedCode", () => {
  it("reads the code of a ClaimRefused revert however deep viem wraps it", () => {
    const data = encodeErrorResult({
      abi: distributorAbi,
      errorName: "ClaimRefused",
      args: [1n, "0x00000000000000000000000000000000000000aa", 54],
    });
    const reverted = new ContractFunctionRevertedError({ abi: distributorAbi, data, functionName: "claim" });
    const wrapped = new BaseError("The contract call failed", { cause: reverted });
    expect(claimRefusedCode(wrapped)).toBe(54);
    expect(claimRefusedCode(new Error("network down"))).toBeNull();
    expect(claimRefusedCode(null)).toBeNull();
  });
});
