import { keccak256, toHex, zeroHash } from "viem";
import { describe, expect, it } from "vitest";
import { AGENT_ROLE, buildRoleCalls, ISSUER_ROLE, parseRoleResults } from "./roles";

describe("roles", () => {
  it("uses the OpenZeppelin role ids", () => {
    expect(AGENT_ROLE).toBe(keccak256(toHex("AGENT_ROLE")));
    expect(ISSUER_ROLE).toBe("0x114e74f6ea3bd819998f78687bfcb11b140da08e9b7d222fa9c1f1ba1f2aa122");
  });

  it("builds six calls for one multicall: the last asks the enforcement desk (the registry without one)", () => {
    const deployments = {
      identityRegistry: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
      shareTokenFactory: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
    } as const;
    const desk = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
    const calls = buildRoleCalls({
      address: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
      deployments: { ...deployments, enforcementDesk: desk },
    });
    expect(calls.map((c) => c.functionName)).toEqual([
      "hasRole",
      "hasRole",
      "hasRole",
      "identityOf",
      "isVerified",
      "hasRole",
    ]);
    expect(calls[2].address).toBe("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");
    expect(calls[5].address).toBe(desk);
    expect(calls[5].args).toEqual([AGENT_ROLE, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"]);
    expect(buildRoleCalls({ address: desk, deployments })[5].address).toBe(deployments.identityRegistry);
  });

  it("opens the console to an officer who holds only the desk's agent role, as an enforcement agent only", () => {
    const none = [zeroHash, 0, 0, 0n] as const;
    expect(parseRoleResults([false, false, false, none, false, true])).toMatchObject({
      compliance: true,
      identityAgent: false,
      enforcementAgent: true,
    });
    expect(parseRoleResults([false, true, false, none, false, false])).toMatchObject({
      compliance: true,
      identityAgent: true,
      enforcementAgent: false,
    });
    expect(parseRoleResults([false, false, false, none, false, false]).compliance).toBe(false);
  });

  it("parses an unregistered and a registered wallet", () => {
    expect(parseRoleResults([true, false, false, [zeroHash, 0, 0, 0n], false, false])).toMatchObject({
      admin: true,
      registered: false,
      identity: null,
    });
    const id = `0x${"12".repeat(32)}` as const;
    expect(parseRoleResults([false, false, true, [id, 344, 2, 1_900_000_000n], true, false])).toMatchObject({
      issuer: true,
      registered: true,
      verified: true,
      identity: {
        investorId: id,
        country: 344,
        category: "professional",
        expiresAt: new Date(1_900_000_000_000),
      },
    });
  });
});
