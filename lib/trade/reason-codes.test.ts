/**
 * Drift test: the reason codes the portal explains (lib/trade/reasons.ts) are the ones the contracts return.
 * Reads the Solidity constant declarations (`uint8 constant TRANSFER_… = n;`, `BUY_…`) from
 * contracts/src/interfaces/*.sol, so a code added, renumbered or removed on either side fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BuyCode, buyReasonKeys, TransferCode, transferReasonKeys } from "./reasons";

const interfaces = new URL("../../contracts/src/interfaces/", import.meta.url);

/** Every `uint8 constant <PREFIX>NAME = value;` of the interface files, as { NAME: value }. */
function solidityCodes(prefix: string): Record<string, number> {
  const codes: Record<string, number> = {};
  for (const file of readdirSync(interfaces).filter((f) => f.endsWith(".sol"))) {
    const source = readFileSync(new URL(file, interfaces), "utf8");
    for (const m of source.matchAll(/^\s*uint8\s+constant\s+([A-Z][A-Z0-9_]*)\s*=\s*(\d+)\s*;/gm)) {
      const [, name, value] = m as unknown as [string, string, string];
      if (!name.startsWith(prefix)) continue;
      const key = name.slice(prefix.length);
      if (key in codes) throw new Error(`${name} is declared twice`);
      codes[key] = Number(value);
    }
  }
  return codes;
}

/** INSUFFICIENT_UNFROZEN_BALANCE → InsufficientUnfrozenBalance (the TypeScript key of the same code). */
const pascal = (snake: string) =>
  snake
    .toLowerCase()
    .split("_")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");

const byPascalName = (codes: Record<string, number>) =>
  Object.fromEntries(Object.entries(codes).map(([k, v]) => [pascal(k), v]));
const nonZero = (codes: Record<string, number>) =>
  Object.values(codes)
    .filter((v) => v !== 0)
    .sort((a, b) => a - b);
const keysOf = (m: Readonly<Record<number, string>>) =>
  Object.keys(m)
    .map(Number)
    .sort((a, b) => a - b);

describe("reason codes match the contracts", () => {
  it("TransferCode = TRANSFER_* of IArtworkShareToken.sol", () => {
    const sol = solidityCodes("TRANSFER_");
    expect(Object.keys(sol).length).toBeGreaterThan(0);
    expect(TransferCode).toEqual(byPascalName(sol));
  });

  it("BuyCode = BUY_* of IPrimaryOffering.sol", () => {
    const sol = solidityCodes("BUY_");
    expect(Object.keys(sol).length).toBeGreaterThan(0);
    expect(BuyCode).toEqual(byPascalName(sol));
  });

  it("every non-zero code has words, and no words exist for a code the contracts do not have", () => {
    expect(keysOf(transferReasonKeys)).toEqual(nonZero(solidityCodes("TRANSFER_")));
    expect(keysOf(buyReasonKeys)).toEqual(nonZero(solidityCodes("BUY_")));
  });
});
