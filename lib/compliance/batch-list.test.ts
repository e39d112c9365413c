import { getAddress } from "viem";
import { describe, expect, it } from "vitest";
import { batchCall, computeBatchPreview, MAX_BATCH_ROWS, parseBatchList, type WalletFreezeState } from "./batch-list";

const A = "0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc";
const B = "0x976EA74026E726554dB657fA54763abd0C3a0aa9";
const C = "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955";

describe("a pasted batch list", () => {
  it("reads address,amount lines with the shared amount parser: grouped thousands, spaces, tabs, comments", () => {
    const text = `# holders to freeze\n${A},1,000\n\n${B}\t25\n${C} 12 500\r\n`;
    const { rows, errors } = parseBatchList(text, "freezeShares");
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, wallet: getAddress(A), amount: 1000n },
      { line: 4, wallet: getAddress(B), amount: 25n },
      { line: 5, wallet: getAddress(C), amount: 12500n },
    ]);
  });

  it("refuses bad lines by number and never rewrites them into another number", () => {
    const text = [
      `${A},2.5`, // 1 not whole
      `${B},-3`, // 2 negative
      `${C},1,00`, // 3 bad grouping
      `0x1234,5`, // 4 not an address
      `${A}`, // 5 amount missing
      `${B},0`, // 6 zero
      `${B},7`, // 7 fine
      `${B.toLowerCase()},8`, // 8 same wallet as line 7
      `${A};1e3`, // 9 not a number
    ].join("\n");
    const { rows, errors } = parseBatchList(text, "unfreezeShares");
    expect(rows).toEqual([{ line: 7, wallet: getAddress(B), amount: 7n }]);
    expect(errors).toEqual([
      { line: 1, code: "amount", error: { kind: "shares", code: "notWhole" } },
      { line: 2, code: "amount", error: { kind: "shares", code: "negative" } },
      { line: 3, code: "amount", error: { kind: "shares", code: "grouping" } },
      { line: 4, code: "address" },
      { line: 5, code: "missingAmount" },
      { line: 6, code: "amount", error: { kind: "shares", code: "zero" } },
      { line: 8, code: "duplicate", firstLine: 7 },
      { line: 9, code: "amount", error: { kind: "shares", code: "format" } },
    ]);
  });

  it("takes wallets alone for a whole-wallet freeze and refuses an amount there", () => {
    const { rows, errors } = parseBatchList(`${A}\n${B},10\n`, "freeze");
    expect(rows).toEqual([{ line: 1, wallet: getAddress(A), amount: null }]);
    expect(errors).toEqual([{ line: 2, code: "amountNotTaken" }]);
  });

  it("refuses more rows than one transaction takes", () => {
    const many = Array.from({ length: MAX_BATCH_ROWS + 1 }, (_, i) => `0x${(i + 1).toString(16).padStart(40, "0")}`);
    const { errors } = parseBatchList(many.join("\n"), "freeze");
    expect(errors).toEqual([{ line: MAX_BATCH_ROWS + 1, code: "tooMany", max: MAX_BATCH_ROWS }]);
  });
});

describe("the batch preview and call", () => {
  const states = new Map<string, WalletFreezeState>([
    [A.toLowerCase(), { balance: 100n, frozen: false, frozenAmount: 30n }],
    [B.toLowerCase(), { balance: 40n, frozen: true, frozenAmount: 0n }],
  ]);
  const row = (wallet: string, amount: bigint | null, line = 1) => ({ line, wallet: getAddress(wallet), amount });

  it("computes the new freeze per row and names the rows that would fail or change nothing", () => {
    const shares = computeBatchPreview("freezeShares", [row(A, 70n), row(B, 41n, 2), row(C, 1n, 3)], states);
    expect(shares.map((r) => [r.newFrozenAmount, r.problem])).toEqual([
      [100n, null],
      [0n, "exceedsFree"],
      [0n, "exceedsFree"],
    ]);
    const release = computeBatchPreview("unfreezeShares", [row(A, 30n), row(B, 1n, 2)], states);
    expect(release.map((r) => [r.newFrozenAmount, r.problem])).toEqual([
      [0n, null],
      [0n, "exceedsFrozen"],
    ]);
    const freeze = computeBatchPreview("freeze", [row(A, null), row(B, null, 2)], states);
    expect(freeze.map((r) => [r.frozen, r.newFrozen, r.problem])).toEqual([
      [false, true, null],
      [true, true, "alreadyFrozen"],
    ]);
    const unfreeze = computeBatchPreview("unfreeze", [row(A, null), row(B, null, 2)], states);
    expect(unfreeze.map((r) => r.problem)).toEqual(["notFrozen", null]);
  });

  it("builds one call of the token's batch function for every row", () => {
    const rows = [row(A, 5n), row(B, 6n)];
    expect(batchCall("freezeShares", rows)).toEqual({
      functionName: "batchFreezePartialShares",
      args: [
        [getAddress(A), getAddress(B)],
        [5n, 6n],
      ],
    });
    expect(batchCall("unfreezeShares", rows).functionName).toBe("batchUnfreezePartialShares");
    expect(batchCall("unfreeze", rows)).toEqual({
      functionName: "batchSetWalletFrozen",
      args: [
        [getAddress(A), getAddress(B)],
        [false, false],
      ],
    });
  });
});
