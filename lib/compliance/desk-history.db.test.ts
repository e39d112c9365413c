/**
 * The enforcement desk's events in a token's history, against a real anvil chain: a forced transfer proposed by one
 * agent and cancelled, a wallet recovery proposed by one agent and executed by another — indexed with the token they
 * act on, listed newest first with what was proposed and who did each step; another token's proposal is not listed.
 */
import { type Address, encodeFunctionData, keccak256, stringToHex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artworkShareTokenAbi, enforcementDeskAbi, identityRegistryAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import { devAccount, startTestChain, type TestChain } from "@/lib/chain/local/test-chain";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { syncToHead } from "@/lib/indexer/projections";
import { listDeskHistory } from "./desk-history";

const issuer = devAccount(3);
const grace = devAccount(5);
const marcus = devAccount(6);
const lost = devAccount(13).address;
const fresh = devAccount(14).address;
const other = devAccount(15).address;

let tc: TestChain;
let t: TestDatabase;
let tokens: Address[];

beforeAll(async () => {
  tc = await startTestChain({ issuers: [issuer], agents: [grace, marcus] });
  t = await createTestDatabase();
  for (const symbol of ["DSK", "OTH"]) {
    await tc.send(
      tc.wallet(issuer).writeContract({
        address: tc.deployments.shareTokenFactory,
        abi: shareTokenFactoryAbi,
        functionName: "deployToken",
        args: [
          `Desk ${symbol}`,
          symbol,
          1_000n,
          { allowedCountries: [], eligibleCategories: 14, maxHolders: 0, maxBalancePerInvestor: 0n, lockupSeconds: 0n },
          "http://x/m.json",
          keccak256(stringToHex(symbol)),
        ],
      }),
    );
  }
  tokens = (await tc.client.readContract({
    address: tc.deployments.shareTokenFactory,
    abi: shareTokenFactoryAbi,
    functionName: "tokens",
    args: [0n, 10n],
  })) as Address[];
  const id = keccak256(stringToHex("investor:lost"));
  const expiry = BigInt(Math.floor(Date.now() / 1000) + 365 * 86_400);
  const reg = (functionName: "registerInvestor" | "linkWallet", args: readonly unknown[]) =>
    tc.send(
      tc.wallet(grace).writeContract({
        address: tc.deployments.identityRegistry,
        abi: identityRegistryAbi,
        functionName,
        args: args as never,
      }),
    );
  await reg("registerInvestor", [lost, id, 344, 1, expiry]);
  await reg("linkWallet", [fresh, id]);
}, 180_000);

afterAll(async () => {
  await tc?.stop();
  await t?.close();
});

const desk = () => tc.deployments.enforcementDesk!;
const propose = async (who: typeof grace, token: Address, data: `0x${string}`) => {
  const before = await tc.client.readContract({
    address: desk(),
    abi: enforcementDeskAbi,
    functionName: "proposalCount",
  });
  await tc.send(
    tc
      .wallet(who)
      .writeContract({ address: desk(), abi: enforcementDeskAbi, functionName: "propose", args: [token, data] }),
  );
  return before + 1n;
};

describe("the enforcement desk's history of a token", () => {
  it("lists proposals, executions and cancellations with their action, arguments and agents, newest first", async () => {
    const [token, otherToken] = tokens as [Address, Address];
    const forced = encodeFunctionData({
      abi: artworkShareTokenAbi,
      functionName: "forcedTransfer",
      args: [lost, other, 5n],
    });
    const first = await propose(grace, token, forced);
    await tc.send(
      tc
        .wallet(marcus)
        .writeContract({ address: desk(), abi: enforcementDeskAbi, functionName: "cancel", args: [first] }),
    );
    const recover = encodeFunctionData({
      abi: artworkShareTokenAbi,
      functionName: "recoverWallet",
      args: [lost, fresh],
    });
    const second = await propose(grace, token, recover);
    await tc.send(
      tc.wallet(marcus).writeContract({
        address: desk(),
        abi: enforcementDeskAbi,
        functionName: "execute",
        args: [second, token, recover],
      }),
    );
    await propose(grace, otherToken, forced);

    await syncToHead({ db: t.db, client: tc.client as never, contracts: tc.deployments, confirmations: 0 });
    const { rows, total } = await listDeskHistory(t.db, token);
    expect(total).toBe(4);
    expect(rows.map((r) => [r.proposalId, r.change, r.action])).toEqual([
      [second.toString(), "executed", "recoverWallet"],
      [second.toString(), "proposed", "recoverWallet"],
      [first.toString(), "cancelled", "forcedTransfer"],
      [first.toString(), "proposed", "forcedTransfer"],
    ]);
    const g = grace.address.toLowerCase();
    const m = marcus.address.toLowerCase();
    expect(rows.map((r) => [r.proposer, r.by])).toEqual([
      [g, m],
      [g, g],
      [g, m],
      [g, g],
    ]);
    expect(rows[0]!.args).toEqual({ lostWallet: lost, newWallet: fresh });
    expect(rows[3]!.args).toEqual({ from: lost, to: other, amount: "5" });
    expect((await listDeskHistory(t.db, otherToken)).rows.map((r) => r.change)).toEqual(["proposed"]);
  });
});
