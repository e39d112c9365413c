/**
 * Holder register benchmark (issue 8): 10,000 holders of one token on anvil, then the register's data path as the
 * page and the CSV route run it — on-chain enumeration + batched wallet state through a counting JSON-RPC proxy,
 * identity join, search/sort/page, CSV build (`npx tsx scripts/bench/register.ts [--holders=N]`). `seedRegisterHolders`
 * is also used by `npm run bench -- --only=register`, which measures the app's register page and CSV route.
 *
 * Seeding: the officer registers investors with batchRegisterInvestor in chunks and the minter mints to each, with
 * automine off and one evm_mine per chunk of registrations and per 50 mints.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  keccak256,
  type PublicClient,
  stringToHex,
  toHex,
  type Transport,
  type WalletClient,
} from "viem";
import { mnemonicToAccount, privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { artworkShareTokenAbi, identityRegistryAbi, shareTokenFactoryAbi } from "../../lib/chain/abis";
import { deployAtelier } from "../../lib/chain/deploy";
import { impersonate, startAnvil } from "../../lib/chain/local/anvil";
import { readChainRegister } from "../../lib/compliance/register-chain";
import {
  buildRegisterCsv,
  joinRegister,
  queryRegister,
  type RegisterIdentity,
} from "../../lib/compliance/register-query";
import { diffCounts, startRpcProxy } from "./rpc-proxy";

const HOLDERS = Number(process.argv.find((a) => a.startsWith("--holders="))?.slice(10) ?? 10_000);
const ANVIL_PORT = Number(process.env.BENCH_REGISTER_ANVIL_PORT ?? 8_791);
const PROXY_PORT = ANVIL_PORT + 1;
const CHUNK = 100;
const MNEMONIC = "test test test test test test test test test test test junk";
const acct = (i: number) => mnemonicToAccount(MNEMONIC, { addressIndex: i });
const holderAddress = (i: number): Address =>
  privateKeyToAccount(keccak256(toHex(`atelier-bench-holder-${i}`))).address;
const ms = (t0: number) => Math.round(performance.now() - t0);

/**
 * Registers `holders` investors (one wallet each, HK retail) and mints each 1..50 shares of `token`: the officer's
 * batchRegisterInvestor in chunks of 100 and the minter's mint per holder, automine off, one block per 50 mints.
 */
export async function seedRegisterHolders({
  client,
  officer,
  minter,
  registry,
  token,
  holders,
}: {
  client: PublicClient;
  officer: WalletClient<Transport, Chain, Account>;
  minter: WalletClient<Transport, Chain, Account>;
  registry: Address;
  token: Address;
  holders: number;
}): Promise<{ wallets: Address[]; ids: Hex[]; expiry: bigint; seconds: number }> {
  const t0 = performance.now();
  const wallets = Array.from({ length: holders }, (_, i) => holderAddress(i));
  const ids = wallets.map((_, i) => keccak256(toHex(`bench-investor-${i}`)));
  const expiry = BigInt(Math.floor(Date.now() / 1000) + 365 * 86_400);
  await client.request({ method: "evm_setAutomine" as never, params: [false] as never });
  const gas = 25_000_000n;
  let nonceO = await client.getTransactionCount({ address: officer.account.address });
  let nonceI = await client.getTransactionCount({ address: minter.account.address });
  const hashes: Hex[] = [];
  try {
    for (let i = 0; i < holders; i += CHUNK) {
      const ws = wallets.slice(i, i + CHUNK);
      const is = ids.slice(i, i + CHUNK);
      hashes.push(
        await officer.writeContract({
          address: registry,
          abi: identityRegistryAbi,
          functionName: "batchRegisterInvestor",
          args: [ws, is, ws.map(() => 344), ws.map(() => 1), ws.map(() => expiry)],
          gas,
          nonce: nonceO++,
        }),
      );
      await client.request({ method: "evm_mine" as never });
      // One mint per holder (the token has no batch mint: its only minter, the offering, mints per purchase);
      // a block per 50 mints keeps each block within the gas limit.
      for (let k = 0; k < ws.length; k++) {
        hashes.push(
          await minter.writeContract({
            address: token,
            abi: artworkShareTokenAbi,
            functionName: "mint",
            args: [ws[k]!, BigInt(1 + ((i + k) % 50))],
            gas: 400_000n,
            nonce: nonceI++,
          }),
        );
        if (k % 50 === 49 || k === ws.length - 1) await client.request({ method: "evm_mine" as never });
      }
    }
  } finally {
    await client.request({ method: "evm_setAutomine" as never, params: [true] as never });
  }
  for (const h of hashes) {
    const r = await client.getTransactionReceipt({ hash: h });
    if (r.status !== "success") throw new Error(`seeding transaction ${h} reverted`);
  }
  return { wallets, ids, expiry, seconds: ms(t0) / 1000 };
}

async function main() {
  const chain = await startAnvil({ port: ANVIL_PORT, accounts: 5 });
  try {
    const admin = acct(0);
    const officer = acct(1);
    const issuer = acct(3);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "atelier-bench-register-")), "31337.json");
    const d = await deployAtelier({ rpcUrl: chain.url, chainId: 31337, account: admin, file });
    const client = createPublicClient({ chain: foundry, transport: http(chain.url) }) as PublicClient;
    const w = (a: ReturnType<typeof acct>) =>
      createWalletClient({ account: a, chain: foundry, transport: http(chain.url) });
    const wait = async (h: Promise<Hex>) => client.waitForTransactionReceipt({ hash: await h });
    await wait(
      w(admin).writeContract({
        address: d.identityRegistry,
        abi: identityRegistryAbi,
        functionName: "grantRole",
        args: [keccak256(stringToHex("AGENT_ROLE")), officer.address],
      }),
    );
    await wait(
      w(admin).writeContract({
        address: d.shareTokenFactory,
        abi: shareTokenFactoryAbi,
        functionName: "grantRole",
        args: [keccak256(stringToHex("ISSUER_ROLE")), issuer.address],
      }),
    );
    await wait(
      w(issuer).writeContract({
        address: d.shareTokenFactory,
        abi: shareTokenFactoryAbi,
        functionName: "deployToken",
        args: [
          "Bench Register",
          "BREG",
          1_000_000_000n,
          { allowedCountries: [], eligibleCategories: 14, maxHolders: 0, maxBalancePerInvestor: 0n, lockupSeconds: 0n },
          "http://x/m.json",
          keccak256(stringToHex("bench")),
        ],
      }),
    );
    const [token] = (await client.readContract({
      address: d.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "tokens",
      args: [0n, 1n],
    })) as [Address];
    // Only the PrimaryOffering mints: the seeding acts as it (anvil impersonation).
    await impersonate(chain.url, d.primaryOffering);
    const minter = createWalletClient({ account: d.primaryOffering, chain: foundry, transport: http(chain.url) });

    const { wallets, ids, expiry, seconds } = await seedRegisterHolders({
      client,
      officer: w(officer),
      minter,
      registry: d.identityRegistry,
      token,
      holders: HOLDERS,
    });
    console.log(`[bench] seeded ${HOLDERS.toLocaleString("en")} holders in ${seconds.toFixed(1)} s`);

    const proxy = await startRpcProxy({ port: PROXY_PORT, target: chain.url });
    try {
      const viaProxy = createPublicClient({ chain: foundry, transport: http(proxy.url) }) as PublicClient;
      const identities = new Map<string, RegisterIdentity>(
        ids.map((id, i) => [
          id.toLowerCase(),
          {
            id: `inv-${i}`,
            name: `Investor ${i}`,
            residence: "HK",
            category: "retail",
            kycStatus: "approved",
            kycExpiresAt: new Date(Number(expiry) * 1000),
            wallets: [wallets[i]!.toLowerCase()],
          },
        ]),
      );
      const rows: (string | number)[][] = [];
      const deployed = d.multicall3 ? { multicallAddress: d.multicall3 } : null;
      const runs = [
        { run: "deployless multicall", multicall: { deployless: true } as const },
        ...(deployed
          ? [
              { run: "deployed Multicall3 (as the app)", multicall: deployed },
              { run: "again", multicall: deployed },
            ]
          : []),
      ];
      for (const { run, multicall } of runs) {
        const before = proxy.snapshot();
        const tRead = performance.now();
        const reg = await readChainRegister({ client: viaProxy as never, token, multicall });
        const readMs = ms(tRead);
        const counts = diffCounts(proxy.snapshot(), before);
        const tJoin = performance.now();
        const joined = joinRegister(reg.holders, reg.totalSupply, identities);
        const page = queryRegister(joined, { q: "", sort: "shares", dir: "desc", page: 1, per: 50 });
        const search = queryRegister(joined, { q: "investor 99", sort: "name", dir: "asc", page: 1, per: 50 });
        const joinMs = ms(tJoin);
        const tCsv = performance.now();
        const csv = buildRegisterCsv({ blockNumber: reg.blockNumber, rows: page.all });
        const csvMs = ms(tCsv);
        if (reg.holders.length !== HOLDERS)
          throw new Error(`register has ${reg.holders.length} holders, expected ${HOLDERS}`);
        rows.push([
          run,
          reg.holders.length,
          counts.httpRequests,
          counts.byMethod.eth_call ?? 0,
          readMs,
          joinMs,
          `${search.total} hits`,
          csvMs,
          `${(csv.length / 1024 / 1024).toFixed(2)} MB`,
        ]);
      }
      console.log("\nHolder register with %s holders (one token)", HOLDERS.toLocaleString("en"));
      console.log(
        [
          "run",
          "holders",
          "JSON-RPC requests",
          "eth_calls",
          "chain read ms",
          "join+sort+page ms",
          "search",
          "CSV build ms",
          "CSV size",
        ].join(" | "),
      );
      for (const r of rows) console.log(r.join(" | "));
    } finally {
      await proxy.close();
    }
  } finally {
    await chain.stop();
  }
}

// Standalone: `npx tsx scripts/bench/register.ts [--holders=N]` (the data path only); `npm run bench -- --only=register`
// measures the page and the CSV route of the running app.
if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
