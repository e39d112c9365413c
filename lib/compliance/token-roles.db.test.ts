/**
 * The role history of a token from the indexer, against a real anvil chain: the owner set at creation, a role the
 * issuer grants and revokes, ownership offered and taken over — in order, with who and by whom; the registry's own
 * role grants (platform agents) are not taken for the token's.
 */
import { type Address, keccak256, stringToHex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artworkShareTokenAbi, identityRegistryAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import { devAccount, roleId, startTestChain, type TestChain } from "@/lib/chain/local/test-chain";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { syncToHead } from "@/lib/indexer/projections";
import { listTokenRoleHistory } from "./token-roles";

const issuer = devAccount(3);
const nextIssuer = devAccount(4);
const pauser = devAccount(13).address;
const newAgent = devAccount(14).address;

let tc: TestChain;
let t: TestDatabase;
let token: Address;

beforeAll(async () => {
  tc = await startTestChain({ issuers: [issuer, nextIssuer] });
  t = await createTestDatabase();
  await tc.send(
    tc.wallet(issuer).writeContract({
      address: tc.deployments.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "deployToken",
      args: [
        "Roles Test",
        "RLT",
        1_000n,
        { allowedCountries: [], eligibleCategories: 14, maxHolders: 0, maxBalancePerInvestor: 0n, lockupSeconds: 0n },
        "http://x/m.json",
        keccak256(stringToHex("meta")),
      ],
    }),
  );
  [token] = (await tc.client.readContract({
    address: tc.deployments.shareTokenFactory,
    abi: shareTokenFactoryAbi,
    functionName: "tokens",
    args: [0n, 10n],
  })) as [Address];
}, 180_000);

afterAll(async () => {
  await tc?.stop();
  await t?.close();
});

describe("a token's role history", () => {
  it("lists grants, revokes and the two-step ownership change from the token's events, newest first", async () => {
    const tok = (who: typeof issuer, functionName: string, args: readonly unknown[]) =>
      tc.send(
        tc.wallet(who).writeContract({
          address: token,
          abi: artworkShareTokenAbi,
          functionName: functionName as never,
          args: args as never,
        }),
      );
    const granted = await tok(issuer, "grantRole", [roleId("PAUSER_ROLE"), pauser]);
    const revoked = await tok(issuer, "revokeRole", [roleId("PAUSER_ROLE"), pauser]);
    const offered = await tok(issuer, "transferOwnership", [nextIssuer.address]);
    const taken = await tok(nextIssuer, "acceptOwnership", []);
    // A platform agent is granted on the registry, not on the token: not part of the token's history.
    await tc.send(
      tc.wallet(devAccount(0)).writeContract({
        address: tc.deployments.identityRegistry,
        abi: identityRegistryAbi,
        functionName: "grantRole",
        args: [roleId("AGENT_ROLE"), newAgent],
      }),
    );

    await syncToHead({ db: t.db, client: tc.client as never, contracts: tc.deployments, confirmations: 0 });
    const { rows, total } = await listTokenRoleHistory(t.db, token);
    const lower = (a: string) => a.toLowerCase();
    expect(total).toBe(5);
    expect(rows.map((r) => [r.change, r.role, r.account, r.by, r.previousOwner, r.txHash.toLowerCase()])).toEqual([
      [
        "ownershipTaken",
        "owner",
        lower(nextIssuer.address),
        lower(nextIssuer.address),
        lower(issuer.address),
        taken.transactionHash,
      ],
      [
        "ownershipOffered",
        "owner",
        lower(nextIssuer.address),
        lower(issuer.address),
        lower(issuer.address),
        offered.transactionHash,
      ],
      ["revoked", "pauser", lower(pauser), lower(issuer.address), null, revoked.transactionHash],
      ["granted", "pauser", lower(pauser), lower(issuer.address), null, granted.transactionHash],
      // initialize: the first owner, set when the factory created the token.
      ["ownershipTaken", "owner", lower(issuer.address), null, null, expect.stringMatching(/^0x[0-9a-f]{64}$/)],
    ]);
    expect(rows[0]!.at).toBeInstanceOf(Date);
    expect(rows.some((r) => r.account === lower(newAgent))).toBe(false);
  });
});
