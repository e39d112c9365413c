/**
 * The owner of the investor records and their wallets, on a real database: found by wallet (any case), id and
 * on-chain id; wallets listed primary first; a link is idempotent and never moves a wallet to someone else;
 * unlinking the primary wallet promotes the earliest remaining one; the on-chain id is assigned once; a registry
 * change is mirrored (a wallet link only with the wallet's signature).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import {
  applyRegistryChange,
  assignOnChainId,
  createInvestorWithWallet,
  getInvestorById,
  getInvestorByOnChainId,
  getInvestorByWallet,
  getInvestorWallets,
  investorIdOfWallet,
  linkWallet,
  unlinkWallet,
} from "./index";

const w = (n: number) => `0x${n.toString(16).padStart(40, "0")}`;
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe("lib/investors", () => {
  it("finds an investor by wallet in any case, by id and by on-chain id; lists wallets primary first", async () => {
    const ann = await createInvestorWithWallet(t.db, { address: w(0xa1).toUpperCase().replace("0X", "0x") });
    expect((await getInvestorByWallet(t.db, { address: w(0xa1) }))?.id).toBe(ann.id);
    expect(await investorIdOfWallet(t.db, w(0xa1).toUpperCase().replace("0X", "0x"))).toBe(ann.id);
    expect(await getInvestorByWallet(t.db, { address: w(0xa9) })).toBeNull();
    expect((await getInvestorById(t.db, ann.id))?.kycStatus).toBe("draft");

    await linkWallet(t.db, { investorId: ann.id, address: w(0xa2) });
    expect((await getInvestorWallets(t.db, { investorId: ann.id })).map((x) => [x.address, x.isPrimary])).toEqual([
      [w(0xa1), true],
      [w(0xa2), false],
    ]);

    const onChainId = await assignOnChainId(t.db, ann);
    expect(onChainId).toMatch(/^0x[0-9a-f]{64}$/);
    const again = await assignOnChainId(t.db, (await getInvestorById(t.db, ann.id))!);
    expect(again).toBe(onChainId);
    expect((await getInvestorByOnChainId(t.db, onChainId.toUpperCase().replace("0X", "0x")))?.id).toBe(ann.id);
  });

  it("a wallet linked to someone stays theirs; unlinking the primary promotes the earliest remaining wallet", async () => {
    const bo = await createInvestorWithWallet(t.db, { address: w(0xb1) });
    const cy = await createInvestorWithWallet(t.db, { address: w(0xc1) });
    await linkWallet(t.db, { investorId: cy.id, address: w(0xb1) });
    expect(await investorIdOfWallet(t.db, w(0xb1))).toBe(bo.id);

    await linkWallet(t.db, { investorId: bo.id, address: w(0xb2) });
    await linkWallet(t.db, { investorId: bo.id, address: w(0xb3) });
    expect((await unlinkWallet(t.db, { address: w(0xb1) }))?.isPrimary).toBe(true);
    expect((await getInvestorWallets(t.db, { investorId: bo.id })).map((x) => [x.address, x.isPrimary])).toEqual([
      [w(0xb2), true],
      [w(0xb3), false],
    ]);
    expect(await unlinkWallet(t.db, { address: w(0xb1) })).toBeNull();
  });

  it("mirrors registry changes: update, removal, unlink, and a link only when the wallet signed for it", async () => {
    const di = await createInvestorWithWallet(t.db, { address: w(0xd1) });
    const onChainId = await assignOnChainId(t.db, di);
    await applyRegistryChange(t.db, {
      kind: "updateInvestor",
      onChainId,
      country: 344,
      category: "professional",
      kycExpiry: 1_900_000_000,
    });
    expect(await getInvestorById(t.db, di.id)).toMatchObject({
      residence: "HK",
      residenceNumeric: 344,
      category: "professional",
      kycExpiresAt: new Date(1_900_000_000_000),
    });

    const asked: string[] = [];
    await applyRegistryChange(t.db, {
      kind: "linkWallet",
      onChainId,
      wallet: w(0xd2).toUpperCase().replace("0X", "0x"),
      signed: async (investorId, wallet) => {
        asked.push(`${investorId}:${wallet}`);
        return false;
      },
    });
    expect(asked).toEqual([`${di.id}:${w(0xd2)}`]);
    expect(await investorIdOfWallet(t.db, w(0xd2))).toBeNull();
    await applyRegistryChange(t.db, { kind: "linkWallet", onChainId, wallet: w(0xd2), signed: async () => true });
    expect(await investorIdOfWallet(t.db, w(0xd2))).toBe(di.id);

    await applyRegistryChange(t.db, { kind: "unlinkWallet", wallet: w(0xd1) });
    expect((await getInvestorWallets(t.db, { investorId: di.id })).map((x) => [x.address, x.isPrimary])).toEqual([
      [w(0xd2), true],
    ]);

    await applyRegistryChange(t.db, { kind: "removeInvestor", onChainId });
    expect((await getInvestorById(t.db, di.id))?.kycStatus).toBe("expired");
    // An on-chain id nobody holds changes nothing.
    await applyRegistryChange(t.db, { kind: "removeInvestor", onChainId: `0x${"f".repeat(64)}` });
  });
});
