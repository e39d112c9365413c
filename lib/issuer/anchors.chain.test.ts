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
  type Address,
  type Hex,
  type PublicClient,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artworkShareTokenAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import type { Deployments } from "@/lib/chain/deployments";
import { deployAtelier } from "@/lib/chain/deploy";
import { startAnvil, type LocalChain } from "@/lib/chain/local/anvil";
import { freePort } from "@/lib/chain/local/test-chain";
import { chainAnchorReader } from "./anchors";
import { documentNameToBytes32Plain } from "./names";

const MNEMONIC = "test test test test test test test test test test test junk";
const admin = mnemonicToAccount(MNEMONIC, { addressIndex: 0 });
const issuer = mnemonicToAccount(MNEMONIC, { addressIndex: 3 });
const sha = (s: string): Hex => `0x${createHash("sha256").update(s).digest("hex")}`;
const ZERO: Hex = `0x${"0".repeat(64)}`;

let chain: LocalChain;
let d: Deployments;
let client: PublicClient;
let token: Address;
const wallet = () => createWalletClient({ account: issuer, chain: foundry, transport: http(chain.url) });

beforeAll(async () => {
  chain = await startAnvil({ port: await freePort() });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "atelier-anchors-")), "31337.json");
  d = await deployAtelier({ rpcUrl: chain.url, chainId: 31337, account: admin, file });
  client = createPublicClient({ chain: foundry, transport: http(chain.url) }) as PublicClient;
  const adminWallet = createWalletClient({ account: admin, chain: foundry, transport: http(chain.url) });
  await client.waitForTransactionReceipt({
    hash: await adminWallet.writeContract({
      address: d.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "grantRole",
      args: [keccak256(stringToHex("ISSUER_ROLE")), issuer.address],
    }),
  });
  const { result, request } = await client.simulateContract({
    account: issuer,
    address: d.shareTokenFactory,
    abi: shareTokenFactoryAbi,
    functionName: "deployToken",
    args: [
      "Atelier Test",
      "TST",
      1_000_000n,
      { allowedCountries: [344], eligibleCategories: 14, maxHolders: 0, maxBalancePerInvestor: 0n, lockupSeconds: 0n },
      "http://x/metadata.json",
      sha("metadata"),
    ],
  });
  await client.waitForTransactionReceipt({ hash: await wallet().writeContract(request) });
  token = result;
}, 120_000);
afterAll(async () => {
  await chain?.stop();
});

async function setDocument(name: string, hash: Hex): Promise<Hex> {
  const tx = await wallet().writeContract({
    address: token,
    abi: artworkShareTokenAbi,
    functionName: "setDocument",
    args: [documentNameToBytes32Plain(name), `http://x/documents/${name}`, hash],
  });
  await client.waitForTransactionReceipt({ hash: tx });
  return tx;
}

describe("anchors are read from the token's document registry", () => {
  it("gives each name's anchored hash and the transaction that set it (zero and none when absent)", async () => {
    const read = chainAnchorReader({ client, fromBlock: d.startBlock });
    expect(await read(token, [])).toEqual([]);
    const first = await setDocument("u-appraisal-aaaa", sha("old pdf"));
    let [a, b] = await read(token, ["u-appraisal-aaaa", "u-custody-bbbb"]);
    expect(a).toMatchObject({ hash: sha("old pdf"), txHash: first });
    expect(a!.anchoredAt).toBeGreaterThan(0n);
    expect(b).toEqual({ hash: ZERO, anchoredAt: 0n, txHash: null });

    // Replaced: the newer hash and the newer transaction.
    const second = await setDocument("u-appraisal-aaaa", sha("new pdf"));
    const third = await setDocument("u-custody-bbbb", sha("custody pdf"));
    [a, b] = await read(token, ["u-appraisal-aaaa", "u-custody-bbbb"]);
    expect(a).toMatchObject({ hash: sha("new pdf"), txHash: second });
    expect(b).toMatchObject({ hash: sha("custody pdf"), txHash: third });

    // Without the event scan: the same hashes, no transactions.
    const [c] = await chainAnchorReader({ client, transactions: false })(token, ["u-appraisal-aaaa"]);
    expect(c).toMatchObject({ hash: sha("new pdf"), txHash: null });
  });
});
