import { type Address, encodeFunctionData, type Hex, keccak256, type PublicClient, stringToHex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artworkShareTokenAbi, enforcementDeskAbi, identityRegistryAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import type { Deployments } from "@/lib/chain/deployments";
import { devAccount, offeringMinter, startTestChain, type TestChain } from "@/lib/chain/local/test-chain";
import { readChainRegister } from "./register-chain";
import { buildRegisterCsv, joinRegister, queryRegister } from "./register-query";

const acct = devAccount;
const officer = acct(1);
const officer2 = acct(2); // the second officer: a forced transfer is proposed by one and executed by another
const issuer = acct(3);
const [a, b, c] = [acct(5).address, acct(6).address, acct(7).address];
const id = (s: string): Hex => keccak256(stringToHex(s));

let tc: TestChain;
let d: Deployments;
let minter: Awaited<ReturnType<typeof offeringMinter>>;
let client: PublicClient;
let token: Address;

const wallet = (account: ReturnType<typeof acct>) => tc.wallet(account);
async function send(p: Promise<Hex>) {
  const receipt = await client.waitForTransactionReceipt({ hash: await p });
  expect(receipt.status).toBe("success");
  return receipt;
}

/** What the chain says about each wallet at `blockNumber`, read one call at a time (no multicall). */
async function directRead(wallets: Address[], blockNumber: bigint) {
  const out: Record<string, { shares: bigint; state: readonly [boolean, bigint, bigint, bigint] }> = {};
  for (const w of wallets) {
    out[w] = {
      shares: await client.readContract({
        address: token,
        abi: artworkShareTokenAbi,
        functionName: "balanceOf",
        args: [w],
        blockNumber,
      }),
      state: await client.readContract({
        address: token,
        abi: artworkShareTokenAbi,
        functionName: "walletState",
        args: [w],
        blockNumber,
      }),
    };
  }
  return out;
}

beforeAll(async () => {
  tc = await startTestChain({ agents: [officer, officer2], issuers: [issuer] });
  d = tc.deployments;
  client = tc.client;
  const iss = wallet(issuer);
  await send(
    iss.writeContract({
      address: d.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "deployToken",
      args: [
        "Register Test",
        "RGT",
        1_000_000n,
        {
          allowedCountries: [],
          eligibleCategories: 14,
          maxHolders: 10,
          maxBalancePerInvestor: 0n,
          lockupSeconds: 86_400n,
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
  const off = wallet(officer);
  const expiry = BigInt(Math.floor(Date.now() / 1000) + 365 * 86_400);
  for (const [w, who] of [
    [a, "a"],
    [b, "b"],
    [c, "c"],
  ] as const) {
    await send(
      off.writeContract({
        address: d.identityRegistry,
        abi: identityRegistryAbi,
        functionName: "registerInvestor",
        args: [w, id(who), 344, 1, expiry],
      }),
    );
  }
  minter = await offeringMinter(tc.url, d.primaryOffering);
}, 180_000);

afterAll(async () => {
  await tc?.stop();
});

describe("holder register at a past block", () => {
  it("equals what the chain said at that block, after later mints, forced transfers, freezes and an exit", async () => {
    const off = wallet(officer);
    await send(
      minter.writeContract({ address: token, abi: artworkShareTokenAbi, functionName: "mint", args: [a, 100n] }),
    );
    const first = await send(
      minter.writeContract({ address: token, abi: artworkShareTokenAbi, functionName: "mint", args: [b, 40n] }),
    );
    const blockA = first.blockNumber;
    const thenSaid = await directRead([a, b, c], blockA);

    // Later: c buys in, a part of a is frozen, b is frozen, then all of b's shares are forced to c (b leaves).
    await send(
      minter.writeContract({ address: token, abi: artworkShareTokenAbi, functionName: "mint", args: [c, 7n] }),
    );
    await send(
      off.writeContract({
        address: token,
        abi: artworkShareTokenAbi,
        functionName: "freezePartialShares",
        args: [a, 30n],
      }),
    );
    await send(
      off.writeContract({
        address: token,
        abi: artworkShareTokenAbi,
        functionName: "setWalletFrozen",
        args: [b, true],
      }),
    );
    const forced = encodeFunctionData({ abi: artworkShareTokenAbi, functionName: "forcedTransfer", args: [b, c, 40n] });
    await send(
      off.writeContract({
        address: d.enforcementDesk!,
        abi: enforcementDeskAbi,
        functionName: "propose",
        args: [token, forced],
      }),
    );
    const proposalId = await client.readContract({
      address: d.enforcementDesk!,
      abi: enforcementDeskAbi,
      functionName: "proposalCount",
    });
    const last = await send(
      wallet(officer2).writeContract({
        address: d.enforcementDesk!,
        abi: enforcementDeskAbi,
        functionName: "execute",
        args: [proposalId, token, forced],
      }),
    );

    const past = await readChainRegister({ client: client as never, token, blockNumber: blockA });
    expect(past.blockNumber).toBe(blockA);
    expect(past.totalSupply).toBe(140n);
    expect(past.holderCount).toBe(2);
    expect(past.holders.map((h) => h.wallet).sort()).toEqual([a, b].sort());
    for (const h of past.holders) {
      const said = thenSaid[h.wallet]!;
      expect(h.shares).toBe(said.shares);
      expect([h.frozen, h.frozenAmount, h.lockedAmount, BigInt(h.lockedUntil)]).toEqual([...said.state]);
      expect(h.verified).toBe(true);
    }
    expect(past.holders.find((h) => h.wallet === a)).toMatchObject({
      shares: 100n,
      frozen: false,
      frozenAmount: 0n,
      lockedAmount: 100n,
      investorId: id("a"),
    });

    // The register now differs, and again equals what the chain says at the latest block.
    const now = await readChainRegister({ client: client as never, token });
    expect(now.blockNumber).toBe(last.blockNumber);
    expect(now.totalSupply).toBe(147n);
    expect(now.holders.map((h) => h.wallet).sort()).toEqual([a, c].sort());
    const nowSaid = await directRead([a, c], last.blockNumber);
    for (const h of now.holders) {
      expect(h.shares).toBe(nowSaid[h.wallet]!.shares);
      expect([h.frozen, h.frozenAmount, h.lockedAmount, BigInt(h.lockedUntil)]).toEqual([...nowSaid[h.wallet]!.state]);
    }
    expect(now.holders.find((h) => h.wallet === a)?.frozenAmount).toBe(30n);
    // Through the deployed Multicall3 (the app's path: hand-encoded aggregate3 calls) the register is the same, at
    // the latest block and at the past one, also when the batches are small enough to split it.
    const deployed = { multicallAddress: d.multicall3! };
    expect(
      await readChainRegister({ client: client as never, token, multicall: deployed, blockNumber: now.blockNumber }),
    ).toEqual(now);
    expect(
      await readChainRegister({
        client: client as never,
        token,
        multicall: deployed,
        blockNumber: blockA,
        batchBytes: 144,
      }),
    ).toEqual(past);
    // b's freeze flag outlives its balance, but b is no longer a holder.
    expect(
      await client.readContract({ address: token, abi: artworkShareTokenAbi, functionName: "isFrozen", args: [b] }),
    ).toBe(true);
  });

  it("joins identities, searches, sorts and pages, and exports every row", async () => {
    const reg = await readChainRegister({ client: client as never, token });
    const identities = new Map([
      [
        id("a").toLowerCase(),
        {
          id: "inv-a",
          name: "Mei Chan",
          residence: "HK",
          category: "retail",
          kycStatus: "approved",
          kycExpiresAt: null,
          wallets: [a.toLowerCase()],
        },
      ],
    ]);
    const rows = joinRegister(reg.holders, reg.totalSupply, identities);
    expect(rows.find((r) => r.wallet === a)?.identity?.name).toBe("Mei Chan");
    expect(rows.find((r) => r.wallet === c)?.identity).toBeNull();
    const byShares = queryRegister(rows, { q: "", sort: "shares", dir: "desc", page: 1, per: 25 });
    expect(byShares.rows.map((r) => r.shares)).toEqual([100n, 47n]);
    expect(
      queryRegister(rows, { q: "mei", sort: "shares", dir: "desc", page: 1, per: 25 }).rows.map((r) => r.wallet),
    ).toEqual([a]);
    const paged = queryRegister(rows, { q: "", sort: "shares", dir: "asc", page: 2, per: 25 });
    expect(paged.page).toBe(1); // clamped to the last page
    const csv = buildRegisterCsv({ blockNumber: reg.blockNumber, rows: byShares.all }).trim().split("\r\n");
    expect(csv).toHaveLength(3);
    expect(csv[1]).toContain(`${a},${id("a")},Mei Chan,HK,retail,approved,,yes,100,68.0272,no,30,100,`);
  });
});
