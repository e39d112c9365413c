import { describe, expect, it } from "vitest";
import { localChainWasReset } from "./marker";

const registry = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const base = {
  localChain: true,
  databaseUrl: undefined,
  marker: { identityRegistry: registry },
  deployment: { identityRegistry: registry, created: false },
};

describe("localChainWasReset", () => {
  it("is false when the seeded chain is still there (same registry, nothing deployed by this start)", () => {
    expect(localChainWasReset(base)).toBe(false);
  });

  it("is true when this start deployed again to the same addresses (anvil's state file was removed)", () => {
    expect(localChainWasReset({ ...base, deployment: { identityRegistry: registry, created: true } })).toBe(true);
  });

  it("is true when the registry differs from the one the data folder was seeded for", () => {
    const other = { identityRegistry: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", created: false };
    expect(localChainWasReset({ ...base, deployment: other })).toBe(true);
  });

  it("compares addresses whatever their letter case", () => {
    const lower = { identityRegistry: registry.toLowerCase(), created: false };
    expect(localChainWasReset({ ...base, deployment: lower })).toBe(false);
  });

  it("is false for a first start, a real database or a remote chain", () => {
    const created = { identityRegistry: registry, created: true };
    expect(localChainWasReset({ ...base, marker: null, deployment: created })).toBe(false);
    expect(localChainWasReset({ ...base, databaseUrl: "postgres://db/atelier", deployment: created })).toBe(false);
    expect(localChainWasReset({ ...base, localChain: false, deployment: created })).toBe(false);
  });
});
