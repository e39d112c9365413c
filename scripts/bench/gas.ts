/**
 * Section 4: gas.
 *  - The named operations as TOTAL TRANSACTION gas (receipt gasUsed: 21,000 base + calldata + execution − refund),
 *    the basis of the issue's targets: the contracts just built are deployed to a fresh anvil and each operation is
 *    sent as a real transaction, in the situations of contracts/test/Gas.t.sol and MarketGas.t.sol (which assert
 *    the same targets on the same basis). Printed against the targets; never fails the bench.
 *  - Per-function statistics from `forge test --gas-report --json` (forge from node_modules/.bin). The build goes
 *    to its own out/cache folders (outside the repo) so it never races a concurrent `forge build` / `forge test`
 *    in the working tree.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import {
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  keccak256,
  maxUint256,
  parseSignature,
  toHex,
  type Abi,
  type Address,
  type Hex,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { impersonate, startAnvil } from "../../lib/chain/local/anvil";
import { runCommand, tail } from "./lib";

export type GasFunction = {
  contract: string;
  fn: string;
  calls: number;
  min: number;
  mean: number;
  median: number;
  max: number;
};
export type GasDeployment = { contract: string; gas: number; size: number };
export type GasReport = {
  functions: GasFunction[];
  deployments: GasDeployment[];
  /** Named operations as total transaction gas (real transactions on anvil); absent when they could not be measured. */
  transactions?: TxFigure[];
  transactionsError?: string;
};

/** The operations the product cares about: [contract name, function name]. */
export const KEY_OPERATIONS: [string, string][] = [
  ["ArtworkShareToken", "transfer"],
  ["ShareTokenFactory", "deployToken"],
  ["PrimaryOffering", "buyWithPermit"],
  ["PrimaryOffering", "buy"],
  ["PrimaryOffering", "createOffering"],
  ["IdentityRegistry", "registerInvestor"],
  ["IdentityRegistry", "proposeRegistration"],
  ["IdentityRegistry", "confirmProposal"],
  ["Market", "placeAsk"],
  ["Market", "placeBid"],
  ["Market", "fill"],
  ["Market", "cancel"],
];

/** Finds the balanced JSON value starting at `start` (string-aware), or null. */
function balancedJson(text: string, start: number): string | null {
  const open = text[start];
  const close = open === "[" ? "]" : "}";
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === open) depth++;
    else if (ch === close && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}

type RawContract = {
  contract?: string;
  deployment?: { gas?: number; size?: number };
  functions?: Record<string, { calls?: number; min?: number; mean?: number; median?: number; max?: number }>;
};

/** Extracts forge's JSON gas report (an array of { contract, deployment, functions }) from mixed output. */
export function parseGasReport(output: string): GasReport | null {
  for (const m of output.matchAll(/^\s*\[/gm)) {
    const start = m.index! + m[0].length - 1;
    const json = balancedJson(output, start);
    if (!json) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      continue;
    }
    if (!Array.isArray(parsed) || !parsed.some((c: RawContract) => c && typeof c === "object" && c.functions)) continue;
    const report: GasReport = { functions: [], deployments: [] };
    for (const c of parsed as RawContract[]) {
      const contract = (c.contract ?? "?").split(":").pop()!;
      if (c.deployment) report.deployments.push({ contract, gas: c.deployment.gas ?? 0, size: c.deployment.size ?? 0 });
      for (const [sig, f] of Object.entries(c.functions ?? {})) {
        report.functions.push({
          contract,
          fn: sig,
          calls: f.calls ?? 0,
          min: f.min ?? 0,
          mean: f.mean ?? 0,
          median: f.median ?? 0,
          max: f.max ?? 0,
        });
      }
    }
    return report;
  }
  return null;
}

export async function runGasReport(opts: { quick: boolean; timeoutMs: number }): Promise<{
  ok: boolean;
  exitCode: number | null;
  report: GasReport | null;
  outputTail: string;
  seconds: number;
}> {
  const t = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (opts.quick)
    Object.assign(env, { FOUNDRY_FUZZ_RUNS: "32", FOUNDRY_INVARIANT_RUNS: "8", FOUNDRY_INVARIANT_DEPTH: "16" });
  const dir = process.env.BENCH_FORGE_DIR ?? "/tmp/atelier-bench-forge";
  const res = await runCommand(
    "forge test --gas-report",
    path.join("node_modules", ".bin", "forge"),
    ["test", "--gas-report", "--json", "--out", path.join(dir, "out"), "--cache-path", path.join(dir, "cache")],
    { env, timeoutMs: opts.timeoutMs },
  );
  const report = parseGasReport(res.output);
  // Named figures as real transactions, from the artifacts forge just built (also when some test failed).
  const outDir = path.join(dir, "out");
  let transactions: TxFigure[] | undefined;
  let transactionsError: string | undefined;
  try {
    transactions = await measureTransactionGas({ outDir, port: await gasAnvilPort() });
    printTxFigures(transactions);
  } catch (err) {
    transactionsError = err instanceof Error ? err.message : String(err);
    console.log(`\n  total transaction gas could not be measured: ${tail(transactionsError, 3)}`);
  }
  if (report) Object.assign(report, { transactions, transactionsError });
  return {
    ok: res.code === 0 && !res.timedOut,
    exitCode: res.timedOut ? null : res.code,
    report,
    outputTail: res.timedOut
      ? `timed out after ${Math.round(opts.timeoutMs / 1000)} s\n${tail(res.output, 20)}`
      : tail(res.output, 25),
    seconds: (performance.now() - t) / 1000,
  };
}

// =================================================================================================
// Named operations as total transaction gas, measured as real transactions on a fresh anvil.

export type TxFigure = {
  /** Stable key, for readers of bench-results/latest.json. */
  key: string;
  label: string;
  /** Receipt gasUsed: what the sender pays for, incl. the 21,000 base and calldata, after the refund. */
  gasUsed: number;
  calldataBytes: number;
  /** The issue's target (total transaction gas), where it sets one. */
  target?: number;
  targetNote?: string;
};

const DEV_MNEMONIC = "test test test test test test test test test test test junk";
const DAY = 86_400n;
const HK = 344;
const SG = 702;

type Artifact = { abi: Abi; bytecode: Hex };

/** BENCH_GAS_ANVIL_PORT, else a port that is free now (the bench's other ports may be taken by other chains). */
export async function gasAnvilPort(): Promise<number> {
  if (process.env.BENCH_GAS_ANVIL_PORT) return Number(process.env.BENCH_GAS_ANVIL_PORT);
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

function loadArtifact(outDir: string, name: string): Artifact {
  const a = JSON.parse(readFileSync(path.join(outDir, `${name}.sol`, `${name}.json`), "utf8")) as {
    abi: Abi;
    bytecode: { object: Hex };
  };
  return { abi: a.abi, bytecode: a.bytecode.object };
}

/**
 * Deploys the platform from forge's artifacts in `outDir` to a fresh anvil on `port` and sends each named operation
 * as a transaction: realistic rules (2 allowed countries, all categories, holder cap 100, balance cap 1,000,000 per
 * investor, 7-day lock-up already over), parties already holding shares and HKD where the case says so, makers that
 * approved exactly the order size (the allowance is written, the worst case), a fee recipient that already holds HKD.
 */
export async function measureTransactionGas(opts: { outDir: string; port: number }): Promise<TxFigure[]> {
  const A = {
    registry: loadArtifact(opts.outDir, "IdentityRegistry"),
    hkd: loadArtifact(opts.outDir, "HKDStablecoin"),
    offering: loadArtifact(opts.outDir, "PrimaryOffering"),
    desk: loadArtifact(opts.outDir, "EnforcementDesk"),
    migrator: loadArtifact(opts.outDir, "TokenMigrator"),
    token: loadArtifact(opts.outDir, "ArtworkShareToken"),
    factory: loadArtifact(opts.outDir, "ShareTokenFactory"),
    market: loadArtifact(opts.outDir, "Market"),
  };
  const chain = await startAnvil({ port: opts.port, chainId: 31337 });
  try {
    const transport = http(chain.url);
    const anvil = defineChain({
      id: 31337,
      name: "anvil",
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: [chain.url] } },
    });
    const client = createPublicClient({ chain: anvil, transport });
    type Account = ReturnType<typeof mnemonicToAccount>;
    const [admin, agent, issuer, alice, bob, carol, dave, buyer, treasury, feeRecipient, agent2] = Array.from(
      { length: 11 },
      (_, i) => mnemonicToAccount(DEV_MNEMONIC, { addressIndex: i }),
    ) as [Account, Account, Account, Account, Account, Account, Account, Account, Account, Account, Account];

    const measured = new Map<string, { gasUsed: bigint; input: Hex }>();
    async function mined(hash: Hex, measureAs?: string) {
      const receipt = await client.waitForTransactionReceipt({ hash });
      if (receipt.status !== "success")
        throw new Error(`transaction ${hash}${measureAs ? ` (${measureAs})` : ""} reverted`);
      if (measureAs)
        measured.set(measureAs, { gasUsed: receipt.gasUsed, input: (await client.getTransaction({ hash })).input });
      return receipt;
    }
    async function deploy(c: Artifact, args: readonly unknown[]): Promise<Address> {
      const wallet = createWalletClient({ account: admin, chain: anvil, transport });
      const receipt = await mined(
        await wallet.deployContract({ abi: c.abi, bytecode: c.bytecode, args } as Parameters<
          typeof wallet.deployContract
        >[0]),
      );
      return receipt.contractAddress!;
    }
    async function send(
      from: Account | Address,
      address: Address,
      c: Artifact,
      functionName: string,
      args: readonly unknown[],
      measureAs?: string,
    ) {
      const wallet = createWalletClient({ account: from, chain: anvil, transport });
      await mined(
        await wallet.writeContract({ address, abi: c.abi, functionName, args } as Parameters<
          typeof wallet.writeContract
        >[0]),
        measureAs,
      );
    }
    const read = (address: Address, c: Artifact, functionName: string, args: readonly unknown[] = []) =>
      client.readContract({ address, abi: c.abi, functionName, args } as Parameters<
        typeof client.readContract
      >[0]) as Promise<unknown>;
    const now = async () => (await client.getBlock()).timestamp;

    // The platform, in deploy order (lib/chain/deploy.ts).
    const registry = await deploy(A.registry, [admin.address]);
    const hkd = await deploy(A.hkd, [admin.address]);
    const offering = await deploy(A.offering, [hkd, registry, admin.address]);
    const desk = await deploy(A.desk, [admin.address]);
    // The token calls the migrator for its lock-lot arithmetic (purchases); no migration is measured here.
    const migrator = await deploy(A.migrator, [admin.address]);
    const implementation = await deploy(A.token, [registry, offering, desk, migrator]);
    const factory = await deploy(A.factory, [admin.address, implementation]);
    const market = await deploy(A.market, [hkd, factory, feeRecipient.address, 50, admin.address]);
    await send(admin, offering, A.offering, "setFactory", [factory]);
    await send(admin, registry, A.registry, "grantRole", [
      await read(registry, A.registry, "AGENT_ROLE"),
      agent.address,
    ]);
    await send(admin, registry, A.registry, "grantRole", [
      await read(registry, A.registry, "AGENT_ROLE"),
      agent2.address,
    ]);
    await send(admin, factory, A.factory, "grantRole", [await read(factory, A.factory, "ISSUER_ROLE"), issuer.address]);

    const kycExpiry = (await now()) + 365n * DAY;
    const investors: [Account, number, number][] = [
      [alice, HK, 1],
      [bob, HK, 2],
      [carol, SG, 2],
      [dave, SG, 2],
      [buyer, HK, 2],
    ];
    for (const [who, country, category] of investors) {
      const record = [who.address, keccak256(toHex(`investor:${who.address}`)), country, category, kycExpiry] as const;
      if (category === 1) {
        await send(agent, registry, A.registry, "registerInvestor", [...record]);
        continue;
      }
      // Professional: four eyes on-chain — one agent proposes, another confirms the exact record.
      const measure = who === bob;
      await send(
        agent,
        registry,
        A.registry,
        "proposeRegistration",
        [...record],
        measure ? "proposeRegistration" : undefined,
      );
      const [wallet, id, ...rest] = record;
      await send(
        agent2,
        registry,
        A.registry,
        "confirmProposal",
        [id, wallet, ...rest],
        measure ? "confirmProposal" : undefined,
      );
    }
    const rules = (maxHolders: number, maxBalancePerInvestor: bigint, lockupSeconds: bigint) => ({
      allowedCountries: [HK, SG],
      eligibleCategories: 0x0e,
      maxHolders,
      maxBalancePerInvestor,
      lockupSeconds,
    });

    // The traded token is the factory's first; the measured deployment is a later one (the token list exists).
    await send(issuer, factory, A.factory, "deployToken", [
      "Water Lilies",
      "WLIL",
      1_000_000n,
      rules(100, 1_000_000n, 7n * DAY),
      "ipfs://meta",
      keccak256(toHex("meta")),
    ]);
    const token = ((await read(factory, A.factory, "tokens", [0n, 1n])) as Address[])[0]!;
    await send(
      issuer,
      factory,
      A.factory,
      "deployToken",
      [
        "Nympheas, 1916",
        "NYMP",
        1000n,
        rules(200, 500n, 180n * DAY),
        "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
        keccak256(toHex("m")),
      ],
      "deployToken",
    );

    // Holders: alice, bob and carol hold 1,000 shares each, minted (locked 7 days) 8 days ago.
    // Only the PrimaryOffering mints: act as it (anvil impersonation) rather than run three purchases.
    await impersonate(chain.url, offering);
    const minter: Address = offering;
    for (const who of [alice, bob, carol]) await send(minter, token, A.token, "mint", [who.address, 1000n]);
    await client.request({ method: "evm_increaseTime", params: [Number(8n * DAY)] } as never);
    await client.request({ method: "evm_mine", params: [] } as never);
    const PRICE = 100_000_000n; // 100 HKD per share
    const EXPIRY = BigInt(Math.floor(Date.now() / 1000) + 60 * 86_400); // orders open for 60 days (≤ 90 allowed)
    for (const who of [alice, bob, carol, buyer])
      await send(admin, hkd, A.hkd, "mint", [who.address, 10_000_000_000_000n]);
    await send(admin, hkd, A.hkd, "mint", [feeRecipient.address, 1n]); // as after the first trade
    for (const who of [alice, bob, carol]) await send(who, hkd, A.hkd, "approve", [market, maxUint256]);

    await send(alice, token, A.token, "transfer", [bob.address, 10n], "transferBetweenHolders");
    await send(alice, token, A.token, "transfer", [dave.address, 10n], "transferToNewHolder");

    // Primary purchase with permit: the buyer is verified, holds HKD and has never held the token.
    const start = await now();
    await send(issuer, offering, A.offering, "createOffering", [
      token,
      {
        pricePerShare: PRICE,
        supplyCap: 1000n,
        minTicket: 1n,
        maxTicket: 1000n,
        start,
        end: start + 30n * DAY,
        eligibleCategories: 0x0e,
        treasury: treasury.address,
      },
    ]);
    const cost = 10n * PRICE;
    const deadline = start + 3600n;
    const nonce = (await read(hkd, A.hkd, "nonces", [buyer.address])) as bigint;
    const { r, s, v, yParity } = parseSignature(
      await buyer.signTypedData({
        domain: { name: "Atelier HKD", version: "1", chainId: 31337, verifyingContract: hkd },
        types: {
          Permit: [
            { name: "owner", type: "address" },
            { name: "spender", type: "address" },
            { name: "value", type: "uint256" },
            { name: "nonce", type: "uint256" },
            { name: "deadline", type: "uint256" },
          ],
        },
        primaryType: "Permit",
        message: { owner: buyer.address, spender: offering, value: cost, nonce, deadline },
      }),
    );
    await send(
      buyer,
      offering,
      A.offering,
      "buyWithPermit",
      [1n, 10n, deadline, Number(v ?? BigInt(27 + yParity)), r, s],
      "buyWithPermit",
    );

    // Market (the busier book of MarketGas.t.sol): alice asks 10, carol bids 10 one dollar lower (a bid at the ask's
    // price would trade on placement) and 10 two dollars lower (it stays open: the market holds other escrow and the
    // first bid is not the index's last entry); bob (a holder with HKD) takes the ask and the first bid in full.
    const BID = PRICE - 1_000_000n;
    await send(alice, token, A.token, "approve", [market, 10n]);
    await send(alice, market, A.market, "placeAsk", [token, 10n, PRICE, EXPIRY, 100n]);
    await send(carol, market, A.market, "placeBid", [token, 10n, BID, EXPIRY, 100n]);
    await send(carol, market, A.market, "placeBid", [token, 10n, BID - 1_000_000n, EXPIRY, 100n]);
    await send(bob, token, A.token, "approve", [market, 10n]);
    await send(bob, market, A.market, "fill", [1n, 10n, PRICE, 100n], "marketFillAsk");
    await send(bob, market, A.market, "fill", [2n, 10n, BID, 100n], "marketFillBid");
    // The worst case: a partial fill leaves the order and the maker's allowance non-zero (no storage refund).
    await send(alice, token, A.token, "approve", [market, 10n]);
    await send(alice, market, A.market, "placeAsk", [token, 10n, PRICE, EXPIRY, 100n]);
    await send(bob, market, A.market, "fill", [4n, 4n, PRICE, 100n], "marketFillAskPartial");
    // And a bid taken partly (4 of 10): the seller's allowance stays non-zero; the fee stays in the market.
    await send(carol, market, A.market, "placeBid", [token, 10n, BID, EXPIRY, 100n]);
    await send(bob, token, A.token, "approve", [market, 10n]);
    await send(bob, market, A.market, "fill", [5n, 4n, BID, 100n], "marketFillBidPartial");

    const figure = (key: string, label: string, target?: number, targetNote?: string): TxFigure => {
      const m = measured.get(key);
      if (!m) throw new Error(`no measured transaction "${key}"`);
      return { key, label, gasUsed: Number(m.gasUsed), calldataBytes: (m.input.length - 2) / 2, target, targetNote };
    };
    return [
      figure(
        "transferBetweenHolders",
        "share transfer between two verified investors who already hold",
        78_000,
        "½ of ERC-3643's 155,742",
      ),
      figure("transferToNewHolder", "share transfer to a verified investor who holds none yet"),
      figure("proposeRegistration", "four eyes, first agent: propose registering a professional investor"),
      figure("confirmProposal", "four eyes, second agent: confirm the proposal (registers the investor)"),
      figure("buyWithPermit", "primary purchase with permit (first purchase, 10 shares)"),
      figure("deployToken", "token deployment through the factory (clone + initialise)", 400_000),
      figure(
        "marketFillAsk",
        "market: fill an ask in full (buyer takes; both hold already)",
        118_000,
        "≈ Seaport's cheapest general fill",
      ),
      figure(
        "marketFillBid",
        "market: fill a bid in full (seller takes; both hold already)",
        118_000,
        "≈ Seaport's cheapest general fill",
      ),
      figure(
        "marketFillAskPartial",
        "market: fill an ask partly (4 of 10; no storage refund)",
        118_000,
        "≈ Seaport's cheapest general fill",
      ),
      figure(
        "marketFillBidPartial",
        "market: fill a bid partly (4 of 10; no storage refund)",
        118_000,
        "≈ Seaport's cheapest general fill",
      ),
    ];
  } finally {
    await chain.stop();
  }
}

/** Prints the named figures against their targets (a bench prints; it does not fail on a target). */
export function printTxFigures(figures: TxFigure[]): void {
  const n = (v: number) => v.toLocaleString("en");
  const rows = figures.map((f) => [
    f.label,
    n(f.gasUsed),
    f.target === undefined ? "–" : `≤ ${n(f.target)}${f.targetNote ? ` (${f.targetNote})` : ""}`,
    f.target === undefined
      ? ""
      : f.gasUsed <= f.target
        ? `within target (${n(f.target - f.gasUsed)} to spare)`
        : `OVER target by ${n(f.gasUsed - f.target)}`,
  ]);
  const head = ["operation", "tx gas", "target", ""];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    "  " +
    cells
      .map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  console.log(
    "\n  Total transaction gas of the named operations (real transactions on a fresh anvil: receipt gasUsed,",
  );
  console.log("  incl. the 21,000 base and calldata, after refunds)");
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}

// `npx tsx scripts/bench/gas.ts [outDir]`: only the transaction figures, from an existing build (default contracts/out).
const isMain = process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join("scripts", "bench", "gas.ts"));
if (isMain) {
  gasAnvilPort()
    .then((port) => measureTransactionGas({ outDir: process.argv[2] ?? path.join("contracts", "out"), port }))
    .then(printTxFigures)
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}
