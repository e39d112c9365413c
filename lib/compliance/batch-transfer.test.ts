import { describe, expect, it } from "vitest";
import { getAddress } from "viem";
import { parseTransferList, senderShortfalls, transferListText } from "./batch-transfer";
import { batchTransferCalldata, decodeBatchTransfer } from "./batch-transfer-calldata";
import { MAX_BATCH_ROWS } from "./batch-list";

const a = "0x1111111111111111111111111111111111111111";
const b = "0x2222222222222222222222222222222222222222";
const c = "0x3333333333333333333333333333333333333333";

describe("parseTransferList", () => {
  it("reads from,to,amount rows with the shared amount parser and the batch list's separators", () => {
    const r = parseTransferList(`# court order\n${a},${b},1,000\n\n${a};${c};5\n${b}\t${c}  7`);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, from: getAddress(a), to: getAddress(b), amount: 1000n },
      { line: 4, from: getAddress(a), to: getAddress(c), amount: 5n },
      { line: 5, from: getAddress(b), to: getAddress(c), amount: 7n },
    ]);
  });

  it("refuses each bad line by number and never rewrites it", () => {
    const r = parseTransferList(
      [
        `nope,${b},1`,
        `${a}`,
        `${a},${a},1`,
        `${a},${b}`,
        `${a},${b},2.5`,
        `${a},${b},0`,
        `${a},${c},1`,
        `${a},${c},2`,
      ].join("\n"),
    );
    expect(r.rows.map((x) => x.line)).toEqual([7]);
    expect(r.errors).toEqual([
      { line: 1, code: "from" },
      { line: 2, code: "to" },
      { line: 3, code: "sameWallet" },
      { line: 4, code: "missingAmount" },
      { line: 5, code: "amount", error: expect.objectContaining({ code: "notWhole" }) },
      { line: 6, code: "amount", error: expect.objectContaining({ code: "zero" }) },
      { line: 8, code: "duplicate", firstLine: 7 },
    ]);
  });

  it("stops at the row limit", () => {
    const lines = Array.from(
      { length: MAX_BATCH_ROWS + 1 },
      (_, i) => `${a},0x${(i + 1).toString(16).padStart(40, "0")},1`,
    );
    const r = parseTransferList(lines.join("\n"));
    expect(r.rows).toHaveLength(MAX_BATCH_ROWS);
    expect(r.errors).toEqual([{ line: MAX_BATCH_ROWS + 1, code: "tooMany", max: MAX_BATCH_ROWS }]);
  });
});

describe("the proposal's calldata", () => {
  it("decodes back to exactly the rows it was built from, and to nothing for another call", () => {
    const rows = parseTransferList(`${a},${b},10\n${c},${b},3`).rows;
    const data = batchTransferCalldata(rows);
    expect(decodeBatchTransfer(data)).toEqual(rows.map((r, i) => ({ ...r, line: i + 1 })));
    expect(parseTransferList(transferListText(rows)).rows).toEqual(rows);
    expect(decodeBatchTransfer("0xdeadbeef")).toBeNull();
    // A single forced transfer is not a batch.
    expect(decodeBatchTransfer(`0x${"00".repeat(4)}`)).toBeNull();
  });
});

describe("senderShortfalls", () => {
  it("marks the row whose sender runs out counting the rows before it, and credits receivers on the way", () => {
    const rows = parseTransferList(`${a},${b},6\n${a},${c},5\n${b},${c},8`).rows;
    const balances = new Map([
      [a, 10n],
      [b, 3n],
    ]);
    // a: 10 - 6 = 4 < 5 → row 2; b: 3 + 6 = 9 ≥ 8 → fine.
    expect([...senderShortfalls(rows, balances)]).toEqual([[2, { balance: 10n }]]);
  });
});
