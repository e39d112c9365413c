import { describe, expect, it } from "vitest";
import { findSymbolHolder } from "./symbols";

const tokens = [
  { token: "0x00000000000000000000000000000000000000a1", symbol: "HARBS", title: "Harbour at Dusk" },
  { token: "0x00000000000000000000000000000000000000a2", symbol: "QMTN", title: null },
] as const;

describe("token symbols are unique on the platform", () => {
  it("finds the token already using a symbol, whatever its case or spaces", () => {
    expect(findSymbolHolder("HARBS", tokens)?.title).toBe("Harbour at Dusk");
    expect(findSymbolHolder(" harbs ", tokens)?.token).toBe(tokens[0].token);
    expect(findSymbolHolder("QMTN", tokens)?.token).toBe(tokens[1].token);
    expect(findSymbolHolder("HARB", tokens)).toBeNull();
    expect(findSymbolHolder("NEW1", [])).toBeNull();
  });
});
