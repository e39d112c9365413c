import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPublicClient, http, keccak256, stringToHex } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  artworkSaleAbi,
  artworkShareTokenAbi,
  enforcementDeskAbi,
  hKDStablecoinAbi,
  identityRegistryAbi,
  distributorAbi,
  marketAbi,
  primaryOfferingAbi,
  shareTokenFactoryAbi,
} from "./abis";
import { deployAtelier, isDeployed } from "./deploy";
import { startAnvil, type LocalChain } from "./local/anvil";
import { freePort } from "./local/test-chain";

const account = mnemonicToAccount("test test test test test test test test test test test junk", { addressIndex: 0 });
let chain: LocalChain;

beforeAll(async () => {
  chain = await startAnvil({ port: await freePort() });
});
afterAll(async () => {
  await chain?.stop();
});

describe("deployAtelier (on anvil)", () => {
  it("deploys the whole set, wires it, and a second run changes nothing", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "atelier-deploy-")), "31337.json");
    const client = createPublicClient({ transport: http(chain.url) });

    const first = await deployAtelier({ rpcUrl: chain.url, chainId: 31337, account, file });
    expect(await isDeployed(client as never, first)).toBe(true);
    expect(
      await client.readContract({
        address: first.shareTokenFactory,
        abi: shareTokenFactoryAbi,
        functionName: "primaryOffering",
      }),
    ).toBe(first.primaryOffering);
    expect(
      await client.readContract({ address: first.primaryOffering, abi: primaryOfferingAbi, functionName: "factory" }),
    ).toBe(first.shareTokenFactory);
    expect(
      await client.readContract({
        address: first.identityRegistry,
        abi: identityRegistryAbi,
        functionName: "hasRole",
        args: [`0x${"0".repeat(64)}`, account.address],
      }),
    ).toBe(true);

    // The enforcement desk holds the token powers that move or burn shares; no registry agent does.
    expect(first.enforcementDesk).toBeDefined();
    const implDesk = first.enforcementDesk!;
    expect(
      await client.readContract({
        address: first.shareTokenImplementation,
        abi: artworkShareTokenAbi,
        functionName: "hasRole",
        args: [keccak256(stringToHex("ENFORCER_ROLE")), implDesk],
      }),
    ).toBe(true);
    expect(await client.readContract({ address: implDesk, abi: enforcementDeskAbi, functionName: "agents" })).toEqual(
      [],
    );

    expect(first.market).toBeDefined();
    expect(await client.readContract({ address: first.market!, abi: marketAbi, functionName: "factory" })).toBe(
      first.shareTokenFactory,
    );

    // The distributor pays in the payment token, for the factory's tokens, under the platform's registry.
    expect(first.distributor).toBeDefined();
    const dist = { address: first.distributor!, abi: distributorAbi } as const;
    expect(await client.readContract({ ...dist, functionName: "paymentToken" })).toBe(first.paymentToken);
    expect(await client.readContract({ ...dist, functionName: "factory" })).toBe(first.shareTokenFactory);
    expect(await client.readContract({ ...dist, functionName: "registry" })).toBe(first.identityRegistry);

    // The sale pays in the payment token under the platform's registry, and the implementation answers to it alone.
    expect(first.artworkSale).toBeDefined();
    const saleContract = { address: first.artworkSale!, abi: artworkSaleAbi } as const;
    expect(await client.readContract({ ...saleContract, functionName: "paymentToken" })).toBe(first.paymentToken);
    expect(await client.readContract({ ...saleContract, functionName: "registry" })).toBe(first.identityRegistry);
    expect(await client.readContract({ ...saleContract, functionName: "migrator" })).toBe(first.tokenMigrator);
    const simulateRedeem = (from: `0x${string}`) =>
      client.simulateContract({
        account: from,
        address: first.shareTokenImplementation,
        abi: artworkShareTokenAbi,
        functionName: "redeem",
        args: ["0x0000000000000000000000000000000000000000"],
      });
    await expect(simulateRedeem(first.artworkSale!)).resolves.toBeDefined();
    await expect(simulateRedeem(account.address)).rejects.toThrow();

    // The Multicall3-compatible reader serves viem's multicall on the local chain.
    expect(first.multicall3).toBeDefined();
    const [name, hasAdmin] = await client.multicall({
      multicallAddress: first.multicall3!,
      allowFailure: false,
      contracts: [
        { address: first.paymentToken, abi: hKDStablecoinAbi, functionName: "name" },
        {
          address: first.identityRegistry,
          abi: identityRegistryAbi,
          functionName: "hasRole",
          args: [`0x${"0".repeat(64)}`, account.address],
        },
      ],
    });
    expect(name).toBe("Atelier HKD");
    expect(hasAdmin).toBe(true);

    const fileAfterFirst = readFileSync(file, "utf8");
    const blockAfterFirst = await client.getBlockNumber();
    const nonceAfterFirst = await client.getTransactionCount({ address: account.address });

    const second = await deployAtelier({ rpcUrl: chain.url, chainId: 31337, account, file });
    expect(second).toEqual(first);
    expect(readFileSync(file, "utf8")).toBe(fileAfterFirst);
    expect(await client.getBlockNumber()).toBe(blockAfterFirst);
    expect(await client.getTransactionCount({ address: account.address })).toBe(nonceAfterFirst);
  });

  it("refuses a chain whose id differs from the configured one", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "atelier-deploy-")), "1.json");
    await expect(deployAtelier({ rpcUrl: chain.url, chainId: 1, account, file })).rejects.toThrow(
      /is chain 31337, but CHAIN_ID is 1/,
    );
  });
});
