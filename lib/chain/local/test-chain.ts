/**
 * Test helper: a fresh anvil on a free port with the whole contract set deployed, and the roles a test needs
 * granted (compliance agents on the registry, issuers on the factory). Plain module, for vitest files only.
 */
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  type Account,
  type Address,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  keccak256,
  type PublicClient,
  stringToHex,
  type TransactionReceipt,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { vi } from "vitest";
import { resetServerEnv } from "../../env";
import { identityRegistryAbi, shareTokenFactoryAbi } from "../abis";
import { deployAtelier } from "../deploy";
import type { Deployments } from "../deployments";
import { resetServerChain } from "../server";
import { impersonate, type LocalChain, startAnvil } from "./anvil";

export const DEV_MNEMONIC = "test test test test test test test test test test test junk";
/** anvil's dev account `index` (unlocked on the chain). */
export const devAccount = (index: number) => mnemonicToAccount(DEV_MNEMONIC, { addressIndex: index });
export const roleId = (name: string): Hex => keccak256(stringToHex(name));

/** A TCP port nothing listens on right now (the OS picks it), so parallel test files never collide. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

export type TestChain = {
  chain: LocalChain;
  url: string;
  /** The deployments file written by the deploy (its folder is a fresh temporary one). */
  file: string;
  deployments: Deployments;
  client: PublicClient;
  wallet: (account: Account) => ReturnType<typeof createWalletClient<ReturnType<typeof http>, typeof foundry, Account>>;
  /** Waits for the transaction and throws unless it succeeded. */
  send: (hash: Promise<Hex>) => Promise<TransactionReceipt>;
  /**
   * Points the server's own chain modules (`getServerEnv`, `getPublicClient`, `getDeployments`) at this chain,
   * for code under test that reads the chain as the portal does. Undo with `vi.unstubAllEnvs()` and
   * `resetServerEnv()`.
   */
  serveToServer: () => void;
  stop: () => Promise<void>;
};

export async function startTestChain({
  agents = [],
  issuers = [],
  accounts,
}: {
  /** Granted AGENT_ROLE on the identity registry and on the enforcement desk (compliance officers). */
  agents?: Account[];
  /** Granted ISSUER_ROLE on the factory. */
  issuers?: Account[];
  accounts?: number;
} = {}): Promise<TestChain> {
  const chain = await startAnvil({ port: await freePort(), ...(accounts ? { accounts } : {}) });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "atelier-test-chain-")), "31337.json");
  const admin = devAccount(0);
  const deployments = await deployAtelier({ rpcUrl: chain.url, chainId: 31337, account: admin, file });
  const client = createPublicClient({ chain: foundry, transport: http(chain.url) }) as PublicClient;
  const wallet = (account: Account) => createWalletClient({ account, chain: foundry, transport: http(chain.url) });
  const send = async (hash: Promise<Hex>) => {
    const receipt = await client.waitForTransactionReceipt({ hash: await hash });
    if (receipt.status !== "success") throw new Error(`transaction ${receipt.transactionHash} reverted`);
    return receipt;
  };
  const adm = wallet(admin);
  // Agents act on the identity registry and the enforcement desk; issuers deploy through the factory.
  const grants = [
    ...agents.flatMap((a) => [
      { address: deployments.identityRegistry, role: "AGENT_ROLE", to: a.address },
      { address: deployments.enforcementDesk!, role: "AGENT_ROLE", to: a.address },
    ]),
    ...issuers.map((a) => ({ address: deployments.shareTokenFactory, role: "ISSUER_ROLE", to: a.address })),
  ];
  for (const { address, role, to } of grants) {
    // grantRole is OpenZeppelin AccessControl's, the same on the three contracts.
    await send(
      adm.writeContract({ address, abi: identityRegistryAbi, functionName: "grantRole", args: [roleId(role), to] }),
    );
  }
  const serveToServer = () => {
    vi.stubEnv("RPC_URL", chain.url);
    vi.stubEnv("CHAIN_ID", "31337");
    vi.stubEnv("DEPLOYMENTS_FILE", file);
    resetServerEnv();
    resetServerChain();
  };
  return { chain, url: chain.url, file, deployments, client, wallet, send, serveToServer, stop: () => chain.stop() };
}

/**
 * A wallet client acting as the PrimaryOffering, the only minter of every share token (no role can be granted to
 * mint): tests that need holdings without running a purchase mint through anvil's impersonation of the offering.
 */
export async function offeringMinter(rpcUrl: string, offering: Address) {
  await impersonate(rpcUrl, offering);
  return createWalletClient({ account: offering, chain: foundry, transport: http(rpcUrl) });
}

/**
 * Deploys a share token through the factory as `issuer` (HK residents, every category, no holder, balance or lock-up
 * limit unless `rules` says otherwise) and returns its address: the token a chain test acts on.
 */
export async function deployTestToken(
  tc: TestChain,
  {
    issuer,
    name,
    symbol,
    maxSupply = 1_000n,
    rules = {},
  }: {
    issuer: Account;
    name: string;
    symbol: string;
    maxSupply?: bigint;
    rules?: Partial<{
      allowedCountries: number[];
      eligibleCategories: number;
      maxHolders: number;
      maxBalancePerInvestor: bigint;
      lockupSeconds: bigint;
    }>;
  },
): Promise<Address> {
  const before = (await tc.client.readContract({
    address: tc.deployments.shareTokenFactory,
    abi: shareTokenFactoryAbi,
    functionName: "tokenCount",
  })) as bigint;
  await tc.send(
    tc.wallet(issuer).writeContract({
      address: tc.deployments.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "deployToken",
      args: [
        name,
        symbol,
        maxSupply,
        {
          allowedCountries: [344],
          eligibleCategories: 14,
          maxHolders: 0,
          maxBalancePerInvestor: 0n,
          lockupSeconds: 0n,
          ...rules,
        },
        "http://x/m.json",
        keccak256(stringToHex(symbol.toLowerCase())),
      ],
    }),
  );
  const [token] = (await tc.client.readContract({
    address: tc.deployments.shareTokenFactory,
    abi: shareTokenFactoryAbi,
    functionName: "tokens",
    args: [before, 1n],
  })) as Address[];
  return token!;
}
