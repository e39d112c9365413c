import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderGenerated } from "./generate-abis";

const out = path.join("contracts", "out");

// `npm test` builds the contracts (forge) before this runs; alone, build them with `npm run contracts:build`.
describe.skipIf(!existsSync(out))("generated chain files", () => {
  it("match the compiled contracts (run npm run contracts:generate after changing a contract)", () => {
    const { abis, bytecode } = renderGenerated(out);
    expect(readFileSync(path.join("lib", "chain", "abis.ts"), "utf8")).toBe(abis);
    expect(readFileSync(path.join("lib", "chain", "bytecode.ts"), "utf8")).toBe(bytecode);
  });
});
