/**
 * Deploys Atelier's contracts to any chain and records their addresses per chain id.
 * Idempotent: each address is written to the deployments file as soon as it is deployed, and a step
 * whose contract already has code is skipped, so a second run (or a run after an interruption)
 * changes nothing that is already there. Used by the start script (local chain) and `scripts/deploy.ts`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  createPublicClient,
  createWalletClient,
  getAddress,
  http,
  parseAbi,
  type Abi,
  type Account,
  type Address,
  type Hex,
  type PublicClient,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { shareTokenFactoryAbi } from "./abis";
import {
  artworkSaleBytecode,
  artworkShareTokenBytecode,
  batchReaderBytecode,
  distributorBytecode,
  enforcementDeskBytecode,
  hKDStablecoinBytecode,
  marketBytecode,
  identityRegistryBytecode,
  primaryOfferingBytecode,
  shareTokenFactoryBytecode,
  tokenMigratorBytecode,
} from "./bytecode";
import {
  artworkSaleAbi,
  artworkShareTokenAbi,
  batchReaderAbi,
  distributorAbi,
  enforcementDeskAbi,
  hKDStablecoinAbi,
  identityRegistryAbi,
  marketAbi,
  primaryOfferingAbi,
  tokenMigratorAbi,
} from "./abis";
import { getAtelierChain } from "./config";
import { loadDeployments, type Deployments } from "./deployments";
import type { ServerEnv } from "../env";

type DeploymentRecord = {
  chainId: number;
  paymentToken?: Address;
  identityRegistry?: Address;
  enforcementDesk?: Address;
  tokenMigrator?: Address;
  shareTokenImplementation?: Address;
  shareTokenFactory?: Address;
  primaryOffering?: Address;
  market?: Address;
  distributor?: Address;
  artworkSale?: Address;
  multicall3?: Address;
  deployedAt?: string;
  startBlock?: string;
  deployer?: Address;
};

/** The factory's implementation pointer (admin). */
const implementationAbi = parseAbi([
  "function implementation() view returns (address)",
  "function setImplementation(address)",
]);

/** True when a deployed `implementation` does not know `sale` (made before the sale existed). */
async function predatesSale(client: PublicClient, implementation: Address | undefined, sale: Address) {
  return (await hasCode(client, implementation)) && !(await acceptsSale(client, implementation!, sale));
}

/** True when `implementation` lets `sale` end trading (its `redeem` answers the sale, simulated, nothing is sent). */
async function acceptsSale(client: PublicClient, implementation: Address, sale: Address): Promise<boolean> {
  try {
    await client.simulateContract({
      account: sale,
      address: implementation,
      abi: artworkShareTokenAbi,
      functionName: "redeem",
      args: ["0x0000000000000000000000000000000000000000"],
    });
    return true;
  } catch {
    return false;
  }
}

/** Points the factory at `implementation` (admin) unless it already is: after the implementation was replaced. */
async function pointFactoryAt(
  client: PublicClient,
  factory: Address,
  implementation: Address,
  send: (request: {
    address: Address;
    abi: typeof implementationAbi;
    functionName: "setImplementation";
    args: [Address];
  }) => Promise<Hex>,
  log: (msg: string) => void,
) {
  const current = await client.readContract({
    address: factory,
    abi: implementationAbi,
    functionName: "implementation",
  });
  if (getAddress(current) !== implementation) {
    const hash = await send({
      address: factory,
      abi: implementationAbi,
      functionName: "setImplementation",
      args: [implementation],
    });
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success")
      throw new Error(`Pointing the factory at the new implementation failed (tx ${hash})`);
    log("pointed the factory at the token implementation that knows the sale");
  }
}

/** The factory pointer the primary offering and the token migrator both have (`factory`, `setFactory`). */
const factoryWiringAbi = parseAbi(["function factory() view returns (address)", "function setFactory(address)"]);

const CANONICAL_MULTICALL3: Address = "0xcA11bde05977b3631167028862bE2a173976CA11";

/** The secondary market's platform fee, paid by the taker: 0.5%. */
export const DEFAULT_FEE_BPS = 50;

const DEV_MNEMONIC = "test test test test test test test test test test test junk";

async function hasCode(client: PublicClient, address: Address | undefined): Promise<boolean> {
  if (!address) return false;
  const code = await client.getCode({ address });
  return !!code && code !== "0x";
}

/** True when every contract of the deployments file has code on the chain. */
type ContractAddresses = Pick<
  DeploymentRecord,
  | "paymentToken"
  | "identityRegistry"
  | "enforcementDesk"
  | "tokenMigrator"
  | "shareTokenImplementation"
  | "shareTokenFactory"
  | "primaryOffering"
  | "market"
>;

export async function isDeployed(client: PublicClient, d: ContractAddresses): Promise<boolean> {
  const addrs = [
    d.paymentToken,
    d.identityRegistry,
    d.enforcementDesk,
    d.tokenMigrator,
    d.shareTokenImplementation,
    d.shareTokenFactory,
    d.primaryOffering,
    d.market,
  ];
  const codes = await Promise.all(addrs.map((a) => hasCode(client, a)));
  return codes.every(Boolean);
}

export async function deployAtelier(opts: {
  rpcUrl: string;
  chainId: number;
  account: Account;
  file: string;
  /** An existing payment token (a real HKD stablecoin); when absent the HKD stand-in is deployed. */
  paymentToken?: Address;
  /** Market fee recipient (default: the deployer) and fee in basis points (default 50 = 0.5%). */
  feeRecipient?: Address;
  feeBps?: number;
  log?: (msg: string) => void;
}): Promise<Deployments> {
  const log = opts.log ?? (() => {});
  const chain = getAtelierChain({ chainId: opts.chainId, rpcUrls: [opts.rpcUrl] });
  const transport = http(opts.rpcUrl);
  const client = createPublicClient({ chain, transport }) as PublicClient;
  const wallet = createWalletClient({ account: opts.account, chain, transport });
  const actualChainId = await client.getChainId();
  if (actualChainId !== opts.chainId) {
    throw new Error(`The RPC at ${opts.rpcUrl} is chain ${actualChainId}, but CHAIN_ID is ${opts.chainId}`);
  }

  mkdirSync(path.dirname(opts.file), { recursive: true });
  const state: DeploymentRecord = existsSync(opts.file)
    ? JSON.parse(readFileSync(opts.file, "utf8"))
    : { chainId: opts.chainId };
  const save = () => writeFileSync(opts.file, JSON.stringify(state, null, 2) + "\n");
  const admin = opts.account.address;

  async function step(
    key: keyof DeploymentRecord,
    name: string,
    abi: Abi,
    bytecode: Hex,
    args: readonly unknown[],
  ): Promise<Address> {
    const existing = state[key] as Address | undefined;
    if (await hasCode(client, existing)) return existing!;
    const hash = await wallet.deployContract({ abi, bytecode, args } as Parameters<typeof wallet.deployContract>[0]);
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (!receipt.contractAddress || receipt.status !== "success")
      throw new Error(`Deploying ${name} failed (tx ${hash})`);
    const address = getAddress(receipt.contractAddress);
    (state as Record<string, unknown>)[key] = address;
    if (!state.startBlock) state.startBlock = receipt.blockNumber.toString();
    save();
    log(`deployed ${name} at ${address}`);
    return address;
  }

  // Order follows the constructors: the offering needs the registry and payment token, the sale the payment token,
  // the registry and the migrator; the token implementation needs the registry, the offering, the enforcement desk
  // (the only holder of the powers that move or burn shares, two agents each time), the token migrator (retires a
  // token for its successor and copies the register) and the sale; the factory needs the implementation; the
  // offering and the migrator then learn the factory once.
  const registry = await step("identityRegistry", "IdentityRegistry", identityRegistryAbi, identityRegistryBytecode, [
    admin,
  ]);
  if (opts.paymentToken) {
    state.paymentToken = getAddress(opts.paymentToken);
    save();
  }
  const paymentToken =
    opts.paymentToken ??
    (await step("paymentToken", "HKDStablecoin", hKDStablecoinAbi, hKDStablecoinBytecode, [admin]));
  const offering = await step("primaryOffering", "PrimaryOffering", primaryOfferingAbi, primaryOfferingBytecode, [
    paymentToken,
    registry,
    admin,
  ]);
  const desk = await step("enforcementDesk", "EnforcementDesk", enforcementDeskAbi, enforcementDeskBytecode, [admin]);
  const migrator = await step("tokenMigrator", "TokenMigrator", tokenMigratorAbi, tokenMigratorBytecode, [admin]);
  // Sales voted on by the holders (issue 15): the implementation names it, the only one to end trading and burn.
  const artworkSale = await step("artworkSale", "ArtworkSale", artworkSaleAbi, artworkSaleBytecode, [
    paymentToken,
    registry,
    migrator,
  ]);
  // An implementation made before the sale: a new one, the factory pointed at it (older clones migrate to be sold).
  if (await predatesSale(client, state.shareTokenImplementation, artworkSale)) {
    delete state.shareTokenImplementation;
    save();
  }
  const implementation = await step(
    "shareTokenImplementation",
    "ArtworkShareToken (implementation)",
    artworkShareTokenAbi,
    artworkShareTokenBytecode,
    [registry, offering, desk, migrator, artworkSale],
  );
  const factory = await step(
    "shareTokenFactory",
    "ShareTokenFactory",
    shareTokenFactoryAbi,
    shareTokenFactoryBytecode,
    [admin, implementation],
  );

  await pointFactoryAt(client, factory, implementation, (request) => wallet.writeContract(request), log);

  // Multicall3 folds a render's reads into one eth_call. Most networks have it at the canonical address;
  // a fresh local chain does not, so deploy our Multicall3-compatible BatchReader there.
  if (!state.multicall3 || !(await hasCode(client, state.multicall3))) {
    if (await hasCode(client, CANONICAL_MULTICALL3)) {
      state.multicall3 = CANONICAL_MULTICALL3;
      save();
    } else {
      await step(
        "multicall3",
        "BatchReader (Multicall3-compatible aggregate3)",
        batchReaderAbi,
        batchReaderBytecode,
        [],
      );
    }
  }
  await step("market", "Market", marketAbi, marketBytecode, [
    paymentToken,
    factory,
    opts.feeRecipient ?? admin,
    opts.feeBps ?? DEFAULT_FEE_BPS,
    admin,
  ]);

  // Distributions to token holders (issue 15): pays in the payment token, accepts the factory's tokens only and
  // answers to the identity registry (compliance holds, KYC of the claimant).
  await step("distributor", "Distributor", distributorAbi, distributorBytecode, [paymentToken, factory, registry]);

  // The primary offering and the token migrator act only for this factory's tokens: point them at it.
  for (const [address, name] of [
    [offering, "the primary offering"],
    [migrator, "the token migrator"],
  ] as const) {
    const wired = await client.readContract({ address, abi: factoryWiringAbi, functionName: "factory" });
    if (getAddress(wired) === factory) continue;
    const hash = await wallet.writeContract({
      address,
      abi: factoryWiringAbi,
      functionName: "setFactory",
      args: [factory],
    });
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`Wiring the factory into ${name} failed (tx ${hash})`);
    log(`wired the factory into ${name}`);
  }
  state.deployer ??= admin;
  state.deployedAt ??= new Date().toISOString();
  save();
  return loadDeployments({ file: opts.file, expectedChainId: opts.chainId });
}

/**
 * Used at start-up: returns the deployment when the chain has it; on the local chain deploys it
 * (anvil dev account #0 is the platform admin); on a remote chain without it, stops with a clear error.
 */
export async function ensureDeployment({
  env,
  log,
}: {
  env: ServerEnv;
  log: (msg: string) => void;
}): Promise<Deployments & { created: boolean }> {
  const chain = getAtelierChain({ chainId: env.chainId, rpcUrls: env.rpcUrls });
  const client = createPublicClient({ chain, transport: http(env.rpcUrls[0]) }) as PublicClient;
  const recorded: DeploymentRecord | null = existsSync(env.deploymentsFile)
    ? JSON.parse(readFileSync(env.deploymentsFile, "utf8"))
    : null;
  const local = env.usesLocalAnvil && env.chainId === 31337;
  const deployLocally = () =>
    deployAtelier({
      rpcUrl: env.rpcUrls[0]!,
      chainId: env.chainId,
      account: mnemonicToAccount(DEV_MNEMONIC, { addressIndex: 0 }),
      file: env.deploymentsFile,
      log,
    });
  if (recorded && (await isDeployed(client, recorded))) {
    log(`contracts found on chain ${env.chainId} (${env.deploymentsFile})`);
    if (local && (!(await hasCode(client, recorded.distributor)) || !(await hasCode(client, recorded.artworkSale)))) {
      // Deployed before the distributor or the sale existed: add them (the other steps are skipped, they have code;
      // the token implementation is replaced by one that knows the sale).
      log("adding the distributor and the artwork sale to the local deployment");
      return { ...(await deployLocally()), created: false };
    }
    return { ...loadDeployments({ file: env.deploymentsFile, expectedChainId: env.chainId }), created: false };
  }
  if (!local) {
    throw new Error(
      recorded
        ? `The contracts listed in ${env.deploymentsFile} have no code on chain ${env.chainId}. Deploy them with "npm run deploy" (RPC_URL, DEPLOYER_PRIVATE_KEY) or fix DEPLOYMENTS_FILE.`
        : `No deployments file at ${env.deploymentsFile} for chain ${env.chainId}. Deploy the contracts with "npm run deploy" or set DEPLOYMENTS_FILE.`,
    );
  }
  if (recorded) {
    log("the local chain has no contracts (fresh chain state): deploying again");
    writeFileSync(env.deploymentsFile, JSON.stringify({ chainId: env.chainId }) + "\n");
  } else {
    log("deploying contracts to the local chain…");
  }
  return { ...(await deployLocally()), created: true };
}
