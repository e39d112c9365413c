import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  createPublicClient,
  createWalletClient,
  http,
  keccak256,
  stringToHex,
  type Hex,
  type PublicClient,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artworkShareTokenAbi, primaryOfferingAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import type { Deployments } from "@/lib/chain/deployments";
import { deployAtelier } from "@/lib/chain/deploy";
import { startAnvil, type LocalChain } from "@/lib/chain/local/anvil";
import { freePort } from "@/lib/chain/local/test-chain";
import { deriveGoOnChainProgress } from "./progress";

const MNEMONIC = "test test test test test test test test test test test junk";
const admin = mnemonicToAccount(MNEMONIC, { addressIndex: 0 });
const issuer = mnemonicToAccount(MNEMONIC, { addressIndex: 3 });
const other = mnemonicToAccount(MNEMONIC, { addressIndex: 4 });
const sha = (s: string): Hex => `0x${createHash("sha256").update(s).digest("hex")}`;

let chain: LocalChain;
let d: Deployments;
let client: PublicClient;

beforeAll(async () => {
  chain = await startAnvil({ port: await freePort() });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "atelier-progress-")), "31337.json");
  d = await deployAtelier({ rpcUrl: chain.url, chainId: 31337, account: admin, file });
  client = createPublicClient({ chain: foundry, transport: http(chain.url) }) as PublicClient;
  const adminWallet = createWalletClient({ account: admin, chain: foundry, transport: http(chain.url) });
  for (const who of [issuer, other]) {
    const hash = await adminWallet.writeContract({
      address: d.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "grantRole",
      args: [keccak256(stringToHex("ISSUER_ROLE")), who.address],
    });
    await client.waitForTransactionReceipt({ hash });
  }
}, 120_000);
afterAll(async () => {
  await chain?.stop();
});

async function deployToken(account: typeof issuer, metadataHash: Hex) {
  const wallet = createWalletClient({ account, chain: foundry, transport: http(chain.url) });
  const hash = await wallet.writeContract({
    address: d.shareTokenFactory,
    abi: shareTokenFactoryAbi,
    functionName: "deployToken",
    args: [
      "Atelier Test",
      "TST",
      1_000_000n,
      { allowedCountries: [344], eligibleCategories: 14, maxHolders: 0, maxBalancePerInvestor: 0n, lockupSeconds: 0n },
      "http://x/metadata.json",
      metadataHash,
    ],
  });
  await client.waitForTransactionReceipt({ hash });
  return wallet;
}

describe("go-on-chain progress is derived from the chain", () => {
  it("finds a token deployed by an interrupted sequence (not recorded anywhere), its documents and its offering", async () => {
    const metadataHash = sha("listing metadata");
    const documents = [
      {
        id: "00000000-0000-0000-0000-000000000001",
        name: "appraisal-abc123",
        title: "Appraisal",
        sha256: sha("pdf one"),
      },
      {
        id: "00000000-0000-0000-0000-000000000002",
        name: "condition-def456",
        title: "Condition",
        sha256: sha("pdf two"),
      },
    ];
    const args = { client, contracts: d, issuer: issuer.address, metadataHash, knownToken: null, documents };

    const before = await deriveGoOnChainProgress(args);
    expect(before.token).toBeNull();
    expect(before.documents.every((x) => !x.anchored)).toBe(true);

    // Another issuer deploying with the same metadata hash, and this issuer with another hash, do not count.
    await deployToken(other, metadataHash);
    await deployToken(issuer, sha("another listing"));
    expect((await deriveGoOnChainProgress(args)).token).toBeNull();

    const wallet = await deployToken(issuer, metadataHash);
    const found = await deriveGoOnChainProgress(args);
    expect(found.token).not.toBeNull();
    expect(await client.readContract({ address: found.token!, abi: artworkShareTokenAbi, functionName: "owner" })).toBe(
      issuer.address,
    );

    // One document anchored (with the right hash), one anchored with a wrong hash: only the first counts.
    const anchor = async (name: string, hash: Hex) =>
      client.waitForTransactionReceipt({
        hash: await wallet.writeContract({
          address: found.token!,
          abi: artworkShareTokenAbi,
          functionName: "setDocument",
          args: [stringToHex(name, { size: 32 }), "http://x/doc", hash],
        }),
      });
    await anchor(documents[0]!.name, documents[0]!.sha256);
    await anchor(documents[1]!.name, sha("tampered"));
    const anchored = await deriveGoOnChainProgress(args);
    expect(anchored.documents.map((x) => x.anchored)).toEqual([true, false]);
    expect(anchored.offeringId).toBeNull();

    const now = Number((await client.getBlock()).timestamp);
    await client.waitForTransactionReceipt({
      hash: await wallet.writeContract({
        address: d.primaryOffering,
        abi: primaryOfferingAbi,
        functionName: "createOffering",
        args: [
          found.token!,
          {
            pricePerShare: 1_000_000n,
            supplyCap: 100n,
            minTicket: 1n,
            maxTicket: 10n,
            start: BigInt(now),
            end: BigInt(now + 86_400),
            eligibleCategories: 2,
            treasury: issuer.address,
          },
        ],
      }),
    });
    const offered = await deriveGoOnChainProgress(args);
    expect(offered.offeringId).toBe(1n);
    expect(offered.offering?.terms.supplyCap).toBe(100n);
    expect(offered.token).toBe(found.token);
  });
});
