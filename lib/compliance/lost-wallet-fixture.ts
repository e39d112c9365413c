import { type Account, type Address, type Hex, keccak256, stringToHex } from "viem";
import { artworkShareTokenAbi, hKDStablecoinAbi, identityRegistryAbi, marketAbi } from "@/lib/chain/abis";
import { deployTestToken, offeringMinter, type TestChain } from "@/lib/chain/local/test-chain";

/**
 * The chain scene of the recovery tests (test support, not production code): a token, an investor whose `lost` wallet
 * holds 10 shares and HKD and has `fresh` linked as its second wallet, and the lost wallet's open orders — bids of 4 at
 * HK$5 and 2 at HK$6, an ask of 3 at HK$9 — placed before its key is lost. `others` register as investors of their own,
 * hold HKD and bid 1 at HK$4 each. `registrar` is a registry agent.
 */
export async function setUpLostWalletOrders(
  tc: TestChain,
  {
    issuer,
    registrar,
    lost,
    fresh,
    investorKey,
    name,
    symbol,
    others = [],
  }: {
    issuer: Account;
    registrar: Account;
    lost: Account;
    fresh: Address;
    investorKey: string;
    name: string;
    symbol: string;
    others?: Account[];
  },
): Promise<{ token: Address; onChainId: Hex }> {
  const token = await deployTestToken(tc, { issuer, name, symbol });
  const onChainId = keccak256(stringToHex(investorKey));
  const expiry = BigInt(Math.floor(Date.now() / 1000) + 365 * 86_400);
  const reg = (functionName: "registerInvestor" | "linkWallet", args: readonly unknown[]) =>
    tc.send(
      tc.wallet(registrar).writeContract({
        address: tc.deployments.identityRegistry,
        abi: identityRegistryAbi,
        functionName,
        args: args as never,
      }),
    );
  await reg("registerInvestor", [lost.address, onChainId, 344, 1, expiry]);
  await reg("linkWallet", [fresh, onChainId]);
  for (const [i, who] of others.entries())
    await reg("registerInvestor", [who.address, keccak256(stringToHex(`${investorKey}:other-${i}`)), 344, 1, expiry]);
  const minter = await offeringMinter(tc.url, tc.deployments.primaryOffering);
  await tc.send(
    minter.writeContract({
      address: token,
      abi: artworkShareTokenAbi,
      functionName: "mint",
      args: [lost.address, 10n],
    }),
  );
  const market = tc.deployments.market!;
  const until = (await tc.client.getBlock()).timestamp + 30n * 86_400n;
  for (const who of [lost, ...others]) {
    const pay = { address: tc.deployments.paymentToken, abi: hKDStablecoinAbi } as const;
    await tc.send(tc.wallet(who).writeContract({ ...pay, functionName: "faucet", args: [10_000_000_000n] }));
    await tc.send(tc.wallet(who).writeContract({ ...pay, functionName: "approve", args: [market, 10n ** 15n] }));
  }
  await tc.send(
    tc
      .wallet(lost)
      .writeContract({ address: token, abi: artworkShareTokenAbi, functionName: "approve", args: [market, 10n] }),
  );
  const place = (who: Account, fn: "placeBid" | "placeAsk", size: bigint, price: bigint) =>
    tc.send(
      tc.wallet(who).writeContract({
        address: market,
        abi: marketAbi,
        functionName: fn,
        args: [token, size, price, until, 100n],
      }),
    );
  await place(lost, "placeBid", 4n, 5_000_000n);
  await place(lost, "placeBid", 2n, 6_000_000n);
  await place(lost, "placeAsk", 3n, 9_000_000n);
  for (const who of others) await place(who, "placeBid", 1n, 4_000_000n);
  return { token, onChainId };
}
