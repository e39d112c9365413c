import { TransactionNotFoundError, TransactionReceiptNotFoundError, type PublicClient } from "viem";
import { describe, expect, it } from "vitest";
import { isNotFound, readReceipt } from "./verify-tx";

const hash = `0x${"ab".repeat(32)}` as const;

describe("isNotFound", () => {
  it("knows viem's not-found errors, also as another copy of the class (by name)", () => {
    expect(isNotFound(new TransactionNotFoundError({ hash }))).toBe(true);
    expect(isNotFound(new TransactionReceiptNotFoundError({ hash }))).toBe(true);
    // What a second bundled copy of viem throws: same name, another class.
    const copy = Object.assign(new Error("not found"), { name: "TransactionReceiptNotFoundError" });
    expect(isNotFound(copy)).toBe(true);
    expect(isNotFound(new Error("fetch failed"))).toBe(false);
    expect(isNotFound(null)).toBe(false);
  });

  it("readReceipt answers null for an unknown hash thrown by another copy, and rethrows a node failure", async () => {
    const unknown = {
      getTransactionReceipt: () =>
        Promise.reject(Object.assign(new Error("no receipt"), { name: "TransactionReceiptNotFoundError" })),
    } as unknown as PublicClient;
    await expect(readReceipt({ client: unknown, txHash: hash })).resolves.toBeNull();
    const down = { getTransactionReceipt: () => Promise.reject(new Error("fetch failed")) } as unknown as PublicClient;
    await expect(readReceipt({ client: down, txHash: hash })).rejects.toThrow("fetch failed");
  });
});
