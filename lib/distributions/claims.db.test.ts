/**
 * The claim listing on PGlite: a wallet's own entitlements in anchored distributions, and those of wallets a
 * compliance recovery moved to it on the distribution's token (directly or through two recoveries), never those of a
 * recovery on another token, of another wallet, or of a distribution not yet anchored.
 */
import { type Address, getAddress } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { chainEvents } from "@/lib/db/schema";
import { CENT } from "./allocate";
import { listWalletClaims, recoveredToWallet } from "./claims";
import { recordOnChain, saveDistribution } from "./store";
import { buildDistribution } from "./tree";

const addr = (n: number) => getAddress(`0x${n.toString(16).padStart(40, "0")}`) as Address;
const [me, lost, lostEarlier, stranger, other] = [addr(0xa1), addr(0xb2), addr(0xc3), addr(0xd4), addr(0xe5)];
const [tokenA, tokenB] = [addr(0x7a), addr(0x7b)];
const distributor = addr(0xd15);
const tx = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;

let database: TestDatabase;
const ids: Record<string, string> = {};

async function distribution(token: Address, holders: [Address, bigint][], onChainId: bigint | null) {
  const input = {
    chainId: 31337,
    distributor,
    paymentToken: addr(0x99),
    token,
    recordBlock: 10n,
    kind: "income" as const,
    amount: 1_000n * CENT,
    claimDeadline: 2_000_000_000,
  };
  const built = buildDistribution({ ...input, holders: holders.map(([wallet, balance]) => ({ wallet, balance })) });
  const id = await saveDistribution(database.db, { input, built, createdBy: addr(0x155) });
  if (onChainId !== null) await recordOnChain(database.db, id, onChainId, tx(Number(onChainId)) as `0x${string}`);
  return id;
}

let logIndex = 0;
const recovery = (token: Address, from: Address, to: Address) => ({
  blockNumber: 20n,
  blockHash: tx(0xb10c),
  blockTime: new Date(),
  txHash: tx(0xfeed),
  logIndex: logIndex++,
  contract: token.toLowerCase(),
  eventName: "WalletRecovered",
  args: { lostWallet: from.toLowerCase(), newWallet: to.toLowerCase(), investorId: tx(1), amount: "1", agent: other },
  token: token.toLowerCase(),
});

beforeAll(async () => {
  database = await createTestDatabase();
  // Token A: me, lost and stranger held; lostEarlier → lost → me were recovered on A after the record block.
  ids.a = await distribution(
    tokenA,
    [
      [me, 100n],
      [lost, 300n],
      [lostEarlier, 100n],
      [stranger, 500n],
    ],
    1n,
  );
  // Token B: lost held, but nothing was recovered on B: its entitlement stays lost's.
  ids.b = await distribution(tokenB, [[lost, 10n]], 2n);
  // A plan the issuer never signed: not claimable by anyone.
  ids.unsigned = await distribution(tokenA, [[me, 1n]], null);
  await database.db
    .insert(chainEvents)
    .values([recovery(tokenA, lost, me), recovery(tokenA, lostEarlier, lost), recovery(tokenB, other, stranger)]);
}, 60_000);

afterAll(async () => {
  await database?.close();
});

describe("listWalletClaims", () => {
  it("follows recoveries back from the wallet, per token", async () => {
    const recovered = await recoveredToWallet(database.db, me);
    expect([...recovered.keys()]).toEqual([tokenA.toLowerCase()]);
    expect([...recovered.get(tokenA.toLowerCase())!].sort()).toEqual(
      [lost.toLowerCase(), lostEarlier.toLowerCase()].sort(),
    );
    expect((await recoveredToWallet(database.db, stranger)).get(tokenB.toLowerCase())).toEqual(
      new Set([other.toLowerCase()]),
    );
  });

  it("lists the wallet's own entitlement and those of the wallets recovered to it on that token", async () => {
    const claims = await listWalletClaims(database.db, me);
    const seen = claims.map((c) => [c.distributionId, c.holder, c.amount, c.recovered]);
    expect(seen).toEqual(
      expect.arrayContaining([
        [ids.a, me, (100n * CENT).toString(), false],
        [ids.a, lost, (300n * CENT).toString(), true],
        [ids.a, lostEarlier, (100n * CENT).toString(), true],
      ]),
    );
    expect(claims).toHaveLength(3);
    expect(claims.every((c) => c.onChainId === "1" && c.token === tokenA && c.kind === "income")).toBe(true);
    // Each with what `claim` needs: the leaf index and a proof.
    expect(claims.every((c) => c.proof.length > 0 && c.index >= 0)).toBe(true);
  });

  it("leaves out other tokens, other wallets' entitlements and distributions not anchored on-chain", async () => {
    const claims = await listWalletClaims(database.db, me);
    expect(claims.some((c) => c.distributionId === ids.b || c.distributionId === ids.unsigned)).toBe(false);
    // The lost wallet still sees its own entitlement on B (nothing was recovered there) and its A entitlement.
    const ofLost = await listWalletClaims(database.db, lost);
    expect(ofLost.map((c) => [c.distributionId, c.holder]).sort()).toEqual(
      [
        [ids.a, lost],
        [ids.a, lostEarlier],
        [ids.b, lost],
      ].sort(),
    );
    expect(await listWalletClaims(database.db, other)).toEqual([]);
  });
});
