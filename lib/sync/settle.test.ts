import { TransactionNotFoundError, TransactionReceiptNotFoundError, type Hex } from "viem";
import { beforeEach, describe, expect, it, vi } from "vitest";

const client = {
  getTransactionReceipt: vi.fn(),
  getTransaction: vi.fn(),
  waitForTransactionReceipt: vi.fn(),
};
vi.mock("@/lib/chain/server", () => ({ getPublicClient: () => client }));
vi.mock("@/lib/chain/freshness", () => ({ noteConfirmedBlock: vi.fn(async () => {}) }));
vi.mock("./wait", () => ({ waitForIndexedBlock: vi.fn(async () => true) }));

const { settleConfirmedTx } = await import("./settle");

const hash = `0x${"ab".repeat(32)}` as Hex;

beforeEach(() => {
  vi.resetAllMocks();
  client.getTransactionReceipt.mockRejectedValue(new TransactionReceiptNotFoundError({ hash }));
});

describe("settleConfirmedTx", () => {
  it("answers at once, without waiting, for a hash the node does not know", async () => {
    client.getTransaction.mockRejectedValue(new TransactionNotFoundError({ hash }));
    client.waitForTransactionReceipt.mockImplementation(
      () => new Promise((r) => setTimeout(() => r(undefined), 10_000)),
    );
    const started = Date.now();
    expect(await settleConfirmedTx({ txHash: hash })).toBeNull();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(client.getTransaction).toHaveBeenCalledWith({ hash });
    expect(client.waitForTransactionReceipt).not.toHaveBeenCalled();
  });

  it("recognises 'not found' thrown by another copy of viem (the built server's), not only this module's class", async () => {
    const foreign = Object.assign(new Error(`Transaction with hash "${hash}" could not be found.`), {
      name: "TransactionNotFoundError",
    });
    client.getTransaction.mockRejectedValue(foreign);
    expect(await settleConfirmedTx({ txHash: hash })).toBeNull();
    expect(client.waitForTransactionReceipt).not.toHaveBeenCalled();
    // Any other failure still reaches the caller.
    client.getTransaction.mockRejectedValue(new Error("connection refused"));
    await expect(settleConfirmedTx({ txHash: hash })).rejects.toThrow("connection refused");
  });

  it("waits for the receipt of a transaction the node knows but has not mined yet", async () => {
    client.getTransaction.mockResolvedValue({ hash, blockNumber: null });
    client.waitForTransactionReceipt.mockResolvedValue({ status: "success", blockNumber: 42n });
    expect(await settleConfirmedTx({ txHash: hash })).toEqual({ status: "success", blockNumber: 42n, indexed: true });
    expect(client.waitForTransactionReceipt).toHaveBeenCalledWith(expect.objectContaining({ hash }));
  });

  it("uses the receipt directly when the transaction is mined", async () => {
    client.getTransactionReceipt.mockResolvedValue({ status: "reverted", blockNumber: 7n });
    expect(await settleConfirmedTx({ txHash: hash })).toEqual({ status: "reverted", blockNumber: 7n, indexed: false });
    expect(client.getTransaction).not.toHaveBeenCalled();
  });
});
