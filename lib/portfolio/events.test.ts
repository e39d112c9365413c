import { getAddress } from "viem";
import { describe, expect, it } from "vitest";
import { orderCancelledOf, orderPlacedOf } from "./events";

const base = { transactionHash: `0x${"ab".repeat(32)}` as const, logIndex: 3, blockNumber: 120n };
const maker = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
const token = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";

describe("portfolio order events", () => {
  it("reads an order placed alike from the chain's decoded log and from the indexer's stored args", () => {
    const fromChain = orderPlacedOf(base, {
      orderId: 7n,
      maker: getAddress(maker),
      token: getAddress(token),
      side: 1,
      shares: 25n,
      price: 1_250_000_000n,
    });
    const fromIndexer = orderPlacedOf(base, {
      orderId: "7",
      maker,
      token,
      side: 1,
      shares: "25",
      price: "1250000000",
    });
    expect(fromIndexer).toEqual(fromChain);
    expect(fromChain).toEqual({
      ...base,
      orderId: 7n,
      maker: getAddress(maker),
      token: getAddress(token),
      side: 1,
      shares: 25n,
      price: 1_250_000_000n,
    });
  });

  it("reads a cancellation alike from both sources, the canceller checksummed", () => {
    const fromChain = orderCancelledOf(base, { orderId: 7n, remaining: 5n, canceller: getAddress(maker), reason: 2 });
    const fromIndexer = orderCancelledOf(base, { orderId: "7", remaining: "5", canceller: maker, reason: 2 });
    expect(fromIndexer).toEqual(fromChain);
    expect(fromChain.canceller).toBe(getAddress(maker));
    expect(fromChain.remaining).toBe(5n);
  });
});
