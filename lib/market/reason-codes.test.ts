/**
 * Drift test: the Market's fill reason codes the portal explains (lib/market/reasons.ts) are the ones
 * contracts/src/interfaces/IMarket.sol declares (`uint8 constant FILL_… = n;`), and they never collide with the
 * share token's TRANSFER_* codes, which `fillable` / `fillableBy` pass through unchanged.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FillCode, fillReasonKeys } from "./reasons";

const interfaces = new URL("../../contracts/src/interfaces/", import.meta.url);

function solidityCodes(prefix: string): Record<string, number> {
  const codes: Record<string, number> = {};
  for (const file of readdirSync(interfaces).filter((f) => f.endsWith(".sol"))) {
    const source = readFileSync(new URL(file, interfaces), "utf8");
    for (const m of source.matchAll(/^\s*uint8\s+constant\s+([A-Z][A-Z0-9_]*)\s*=\s*(\d+)\s*;/gm)) {
      const [, name, value] = m as unknown as [string, string, string];
      if (name.startsWith(prefix)) codes[name.slice(prefix.length)] = Number(value);
    }
  }
  return codes;
}

/** Solidity name → FillCode key (the portal names two codes from the investor's side). */
const FILL_NAMES: Record<string, keyof typeof FillCode> = {
  OK: "Ok",
  ORDER_CLOSED: "OrderClosed",
  SHARE_ALLOWANCE_SHORT: "SellerAllowanceShort",
  MARKET_PAUSED: "MarketPaused",
  SELF_TRADE: "SelfTrade",
  PAYMENT_SHORT: "BuyerFundsShort",
  SELLER_NOT_VERIFIED: "SellerNotVerified",
  ORDER_EXPIRED: "OrderExpired",
  MATCH_LIMIT: "MatchLimit",
  WALLET_RECOVERED: "WalletRecovered",
  PLATFORM_STOPPED: "PlatformStopped",
};

describe("market reason codes match the contracts", () => {
  it("FillCode = FILL_* of IMarket.sol", () => {
    const sol = solidityCodes("FILL_");
    const unmapped = Object.keys(sol).filter((name) => !(name in FILL_NAMES));
    expect(unmapped, "new FILL_* constant: add it to FillCode, fillReasonKeys and FILL_NAMES").toEqual([]);
    expect(FillCode).toEqual(Object.fromEntries(Object.entries(sol).map(([name, v]) => [FILL_NAMES[name], v])));
  });

  it("every non-zero fill code has words", () => {
    const codes = Object.values(solidityCodes("FILL_"))
      .filter((v) => v !== 0)
      .sort((a, b) => a - b);
    expect(
      Object.keys(fillReasonKeys)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(codes);
  });

  it("fill codes and the token's transfer codes do not overlap (token codes pass through fillable)", () => {
    const transfer = new Set(Object.values(solidityCodes("TRANSFER_")).filter((v) => v !== 0));
    const fill = Object.values(solidityCodes("FILL_")).filter((v) => v !== 0);
    expect(transfer.size).toBeGreaterThan(0);
    expect(fill.filter((v) => transfer.has(v))).toEqual([]);
  });
});
