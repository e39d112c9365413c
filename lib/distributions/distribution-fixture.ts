import { type Account, type Address, keccak256, stringToHex } from "viem";
import { artworkShareTokenAbi, identityRegistryAbi } from "@/lib/chain/abis";
import { deployTestToken, offeringMinter, startTestChain, type TestChain } from "@/lib/chain/local/test-chain";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { syncToHead } from "@/lib/indexer/projections";

export type DistributionScene = {
  tc: TestChain;
  database: TestDatabase;
  token: Address;
  /** Indexes the chain up to its head into the scene's database. */
  sync: () => Promise<unknown>;
  /** Mines an empty block, then indexes up to it (the holdings' last block is then behind the head). */
  mineAndSync: () => Promise<unknown>;
  stop: () => Promise<void>;
};

/**
 * The chain scene of the distribution tests (test support, not production code): a real anvil where `officer` is a
 * registry agent and `issuer` an issuer, a PGlite database for the indexer, the issuer's token `name`/`symbol`, and
 * each holder registered as a Hong Kong retail investor (on-chain id from `investorKey` and its place) and minted its
 * shares, in order. Nothing is indexed yet: the test adds what happens after the holdings, then syncs.
 */
export async function setUpDistributionScene({
  officer,
  issuer,
  name,
  symbol,
  investorKey,
  holders,
}: {
  officer: Account;
  issuer: Account;
  name: string;
  symbol: string;
  investorKey: string;
  holders: readonly (readonly [Account, bigint])[];
}): Promise<DistributionScene> {
  const tc = await startTestChain({ agents: [officer], issuers: [issuer] });
  const d = tc.deployments;
  const database = await createTestDatabase();
  const token = await deployTestToken(tc, { issuer, name, symbol });
  const now = Number((await tc.client.getBlock()).timestamp);
  for (const [i, [who]] of holders.entries())
    await tc.send(
      tc.wallet(officer).writeContract({
        address: d.identityRegistry,
        abi: identityRegistryAbi,
        functionName: "registerInvestor",
        args: [who.address, keccak256(stringToHex(`${investorKey}-${i}`)), 344, 1, BigInt(now + 365 * 86_400)],
      }),
    );
  const minter = await offeringMinter(tc.url, d.primaryOffering);
  for (const [who, shares] of holders)
    await tc.send(
      minter.writeContract({
        address: token,
        abi: artworkShareTokenAbi,
        functionName: "mint",
        args: [who.address, shares],
      }),
    );
  const sync = () => syncToHead({ db: database.db, client: tc.client as never, contracts: d, confirmations: 0 });
  return {
    tc,
    database,
    token,
    sync,
    mineAndSync: async () => {
      await tc.client.request({ method: "evm_mine" as never, params: [] as never });
      return sync();
    },
    stop: async () => {
      await database.close();
      await tc.stop();
    },
  };
}
