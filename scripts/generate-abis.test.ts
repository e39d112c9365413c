import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderGenerated } from "./generate-abis";

const out = path.join("contracts", "out");

// `npm test` builds the contracts (forge) before this runs; alone, build them with `npm run contracts:build`.
describe.skipIf(!existsSync(out))("generated chain files", () => {
  it("match the compiled contracts (run npm run contracts:generate after changing a contract)", () => {
    for (const [file, text] of renderGenerated(out)) expect(readFileSync(file, "utf8"), file).toBe(text);
  });
});
