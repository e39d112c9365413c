import { type Address, type Hex, keccak256, type PublicClient, stringToHex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artworkShareTokenAbi, identityRegistryAbi, shareTokenFactoryAbi, tokenMigratorAbi } from "./abis";
import type { Deployments } from "./deployments";
import { devAccount, offeringMinter, startTestChain, type TestChain } from "./local/test-chain";
import { formatComparison, migrateToken, readRegister } from "./migrate-token";

const officer = devAccount(1);
const issuer = devAccount(3);
const [a, b, c, a2] = [devAccount(5).address, devAccount(6).address, devAccount(7).address, devAccount(8).address];
const id = (s: string): Hex => keccak256(stringToHex(s));
const DAY = 86_400;

let tc: TestChain;
let d: Deployments;
let client: PublicClient;
let token: Address;

const signer = (account: typeof officer) => ({ account, wallet: tc.wallet(account) });
const t = () => ({ address: token, abi: artworkShareTokenAbi }) as const;

beforeAll(async () => {
  tc = await startTestChain({ agents: [officer], issuers: [issuer] });
  d = tc.deployments;
  client = tc.client;
  const iss = tc.wallet(issuer);
  const off = tc.wallet(officer);
  await tc.send(
    iss.writeContract({
      address: d.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "deployToken",
      args: [
        "Migration Test",
        "MGT",
        1_000n,
        {
          allowedCountries: [344],
          eligibleCategories: 14,
          maxHolders: 10,
          maxBalancePerInvestor: 0n,
          lockupSeconds: BigInt(30 * DAY),
        },
        "http://x/m.json",
        id("meta"),
      ],
    }),
  );
  [token] = (await client.readContract({
    address: d.shareTokenFactory,
    abi: shareTokenFactoryAbi,
    functionName: "tokens",
    args: [0n, 10n],
  })) as [Address];
  const expiry = BigInt(Math.floor(Date.now() / 1000) + 365 * DAY);
  for (const [w, who] of [
    [a, "a"],
    [b, "b"],
    [c, "c"],
  ] as const) {
    await tc.send(
      off.writeContract({
        address: d.identityRegistry,
        abi: identityRegistryAbi,
        functionName: "registerInvestor",
        args: [w, id(who), 344, 1, expiry],
      }),
    );
  }
  // a second wallet of investor a
  await tc.send(
    off.writeContract({
      address: d.identityRegistry,
      abi: identityRegistryAbi,
      functionName: "linkWallet",
      args: [a2, id("a")],
    }),
  );

  // Holdings: two purchase lots for a, ten days apart; a2, b and c buy once.
  const minter = await offeringMinter(tc.url, d.primaryOffering);
  // An explicit gas limit: anvil estimates at the pending block before the time jump above is applied.
  const mint = (to: Address, amount: bigint) =>
    tc.send(minter.writeContract({ ...t(), functionName: "mint", args: [to, amount], gas: 1_000_000n }));
  await mint(a, 100n);
  await client.request({ method: "evm_increaseTime" as never, params: [10 * DAY] as never });
  await mint(a, 50n);
  await mint(a2, 20n);
  await mint(b, 70n);
  await mint(c, 10n);
  // A partial freeze, a frozen wallet, two anchored documents.
  await tc.send(off.writeContract({ ...t(), functionName: "freezePartialShares", args: [b, 30n] }));
  await tc.send(off.writeContract({ ...t(), functionName: "setWalletFrozen", args: [c, true] }));
  for (const name of ["prospectus", "valuation"]) {
    await tc.send(
      iss.writeContract({
        ...t(),
        functionName: "setDocument",
        args: [id(name), `http://x/documents/${name}.pdf`, id(`${name} bytes`)],
      }),
    );
  }
}, 240_000);

afterAll(async () => {
  await tc?.stop();
});

describe("npm run migrate-token", () => {
  it("moves the register to a successor, resumes after an interruption, and retires the old token", async () => {
    const before = await readRegister(client, token);
    expect(before.totalSupply).toBe(250n);
    expect(before.entries).toHaveLength(4);
    const lotsA = before.entries.find((e) => e.wallet === a)!.lots;
    expect(lotsA).toHaveLength(2);

    // Interrupted after the first copy batch (two wallets of four).
    const lines: string[] = [];
    await expect(
      migrateToken({
        client,
        token,
        issuer: signer(issuer),
        agent: signer(officer),
        batchSize: 2,
        log: (m) => {
          lines.push(m);
          if (m.startsWith("copied 2 of")) throw new Error("interrupted");
        },
      }),
    ).rejects.toThrow("interrupted");
    const mid = await client.readContract({
      address: d.tokenMigrator!,
      abi: tokenMigratorAbi,
      functionName: "migrationOf",
      args: [token],
    });
    expect(mid.copiedWallets).toBe(2);
    expect(mid.finished).toBe(false);

    // Run again: it continues where it stopped.
    const log: string[] = [];
    const result = await migrateToken({
      client,
      token,
      issuer: signer(issuer),
      agent: signer(officer),
      log: (m) => log.push(m),
    });
    expect(log).toContain("2 of 4 wallets already copied");
    expect(result.differences.join("\n")).toBe("");
    expect(result.successor).toBe(mid.successor);
    const after = result.after;
    expect(after.totalSupply).toBe(250n);
    expect(after.holderCount).toBe(before.holderCount);
    expect(after.entries).toEqual(before.entries);
    expect(after.documents).toEqual(before.documents);
    const lotsAfter = after.entries.find((e) => e.wallet === a)!.lots;
    expect(lotsAfter).toEqual(lotsA);
    expect(Number(lotsAfter[1]!.releaseAt - lotsAfter[0]!.releaseAt)).toBeGreaterThanOrEqual(10 * DAY);
    expect(after.entries.find((e) => e.wallet === b)).toMatchObject({ frozenShares: 30n, frozen: false });
    expect(after.entries.find((e) => e.wallet === c)).toMatchObject({ frozen: true });
    expect(formatComparison(result)).toContain("registers equal");

    // On-chain: the old token retired and pointing at the successor, the successor open and naming its predecessor.
    const next = { address: result.successor, abi: artworkShareTokenAbi } as const;
    expect(await client.readContract({ ...t(), functionName: "migration" })).toEqual([
      "0x0000000000000000000000000000000000000000",
      result.successor,
      false,
    ]);
    expect(await client.readContract({ ...next, functionName: "migration" })).toEqual([
      token,
      "0x0000000000000000000000000000000000000000",
      false,
    ]);
    expect(await client.readContract({ ...t(), functionName: "paused" })).toBe(true);
    expect(await client.readContract({ ...next, functionName: "paused" })).toBe(false);
    expect(await client.readContract({ ...next, functionName: "owner" })).toBe(issuer.address);
    expect(await client.readContract({ ...next, functionName: "rules" })).toEqual(
      await client.readContract({ ...t(), functionName: "rules" }),
    );
    // The old token never transfers again; the new one does (b's free shares).
    await expect(
      client.simulateContract({ ...t(), account: b, functionName: "transfer", args: [a, 1n] }),
    ).rejects.toThrow();
    // b's shares are still in their purchase lock-up on the new token too; once it ends, b's free shares move.
    await expect(
      client.simulateContract({ ...next, account: b, functionName: "transfer", args: [a, 40n] }),
    ).rejects.toThrow();
    await client.request({ method: "evm_increaseTime" as never, params: [31 * DAY] as never });
    await client.request({ method: "evm_mine" as never });
    await client.simulateContract({ ...next, account: b, functionName: "transfer", args: [a, 40n] });

    // A third run changes nothing.
    const again: string[] = [];
    const third = await migrateToken({
      client,
      token,
      issuer: signer(issuer),
      agent: signer(officer),
      log: (m) => again.push(m),
    });
    expect(third.successor).toBe(result.successor);
    expect(third.differences).toEqual([]);
    expect(again.some((m) => /^(paused|anchored|finished|unpaused|copied)/.test(m))).toBe(false);
  }, 180_000);
});
