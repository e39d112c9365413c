/** Section 7: the holder register page, a search and the CSV export of a token with 100,000 holders. */
import {
  createPublicClient,
  createWalletClient,
  http,
  keccak256,
  stringToHex,
  type Address,
  type PublicClient,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { shareTokenFactoryAbi } from "../../../lib/chain/abis";
import { REGISTER_PAGE_SIZES } from "../../../lib/compliance/register-query";
import { impersonate } from "../../../lib/chain/local/anvil";
import * as schema from "../../../lib/db/schema";
import { fmt, kB, log, printTable } from "../lib";
import { measurePage, sessionCookie, type PageTiming } from "../market";
import { groupRssMiB } from "../load";
import { seedRegisterHolders } from "../register";
import { startWeb, stopWeb, withDatabase, type Stack } from "../stack";
import { DEV_MNEMONIC, GRACE, ports, quick, summary } from "./context";

/** Issue 17: holder registers with 100,000 holders (register page ≤ 1 s warm, CSV streamed with bounded memory). */
export const REGISTER_HOLDERS = 100_000;
export const REGISTER_HOLDERS_QUICK = 1_000;

/**
 * A token with 100,000 holders on the bench chain (the issuer deploys it, the officer registers the investors, the
 * issuer mints), their identities in the database (written while the app is stopped), then the officer's register
 * page, a search, and the CSV export through the running app, JSON-RPC counted at the proxy.
 */
export async function runRegister(stack: Stack): Promise<void> {
  const holders = quick ? REGISTER_HOLDERS_QUICK : REGISTER_HOLDERS;
  const client = createPublicClient({
    chain: foundry,
    transport: http(stack.chain.url, { timeout: 120_000 }),
  }) as PublicClient;
  const wallet = (index: number) =>
    createWalletClient({
      account: mnemonicToAccount(DEV_MNEMONIC, { addressIndex: index }),
      chain: foundry,
      transport: http(stack.chain.url, { timeout: 120_000 }),
    });
  const lumen = wallet(3);
  const f = { address: stack.deployment.shareTokenFactory, abi: shareTokenFactoryAbi } as const;
  await client.waitForTransactionReceipt({
    hash: await lumen.writeContract({
      ...f,
      functionName: "deployToken",
      args: [
        "Bench Register",
        "BREG",
        1_000_000_000n,
        { allowedCountries: [], eligibleCategories: 14, maxHolders: 0, maxBalancePerInvestor: 0n, lockupSeconds: 0n },
        "http://bench/m.json",
        keccak256(stringToHex("bench-register")),
      ],
    }),
  });
  const count = await client.readContract({ ...f, functionName: "tokenCount" });
  const [token] = (await client.readContract({ ...f, functionName: "tokens", args: [count - 1n, 1n] })) as [Address];
  // Only the PrimaryOffering mints: the seeding acts as it (anvil impersonation).
  await impersonate(stack.chain.url, stack.deployment.primaryOffering);
  const minter = createWalletClient({
    account: stack.deployment.primaryOffering,
    chain: foundry,
    transport: http(stack.chain.url, { timeout: 120_000 }),
  });
  log(`seeding ${holders.toLocaleString("en")} holders of ${token}…`);
  const seeded = await seedRegisterHolders({
    client,
    officer: wallet(1),
    minter,
    registry: stack.deployment.identityRegistry,
    token,
    holders,
  });
  log(`seeded in ${seeded.seconds.toFixed(1)} s; writing their identities to the database…`);
  await stopWeb(stack);
  await withDatabase(stack.env, async (db) => {
    for (let i = 0; i < holders; i += 1_000) {
      const rows = await db
        .insert(schema.investors)
        .values(
          seeded.ids.slice(i, i + 1_000).map((id, k) => ({
            legalName: `Bench Investor ${i + k}`,
            onChainId: id.toLowerCase(),
            kycStatus: "approved" as const,
            residence: "HK",
            residenceNumeric: 344,
            category: "retail" as const,
            kycExpiresAt: new Date(Number(seeded.expiry) * 1000),
          })),
        )
        .returning({ id: schema.investors.id });
      await db
        .insert(schema.investorWallets)
        .values(
          rows.map((r, k) => ({ address: seeded.wallets[i + k]!.toLowerCase(), investorId: r.id, isPrimary: true })),
        );
    }
  });
  await startWeb(stack, ports.web);
  const cookie = await sessionCookie(stack, GRACE);
  const renders = quick ? 2 : 3;
  const base = `/compliance/tokens/${token}`;
  const page = await measurePage(stack, base, { renders, cookie });
  const search = await measurePage(stack, `${base}?q=${encodeURIComponent("Bench Investor 9999")}`, {
    renders,
    cookie,
  });
  const csv = await measurePage(stack, `${base}/register.csv`, { renders, cookie });
  const csvMemory = await csvPeakMemory(stack, `${base}/register.csv`, cookie);
  // Every page size the register offers stays within the list pages' HTML target (issue 17).
  const htmlByPer: { per: number; htmlBytes: number }[] = [];
  for (const per of REGISTER_PAGE_SIZES)
    htmlByPer.push({
      per,
      htmlBytes: (await measurePage(stack, `${base}?per=${per}`, { renders: 1, cookie })).htmlBytes,
    });
  log(`register page 1 HTML by page size: ${htmlByPer.map((h) => `${h.per} rows ${kB(h.htmlBytes)}`).join(", ")}`);
  summary.register = { holders, seedSeconds: seeded.seconds, page, search, csv, csvMemory, htmlByPer };
  printTable(
    `Holder register of one token with ${holders.toLocaleString("en")} holders, as the compliance officer (median of ${renders}; cold = a new block since the last render)`,
    ["request", "status", "cold ms", "warm ms", "JSON-RPC (cold)", "eth_call (cold)", "JSON-RPC (warm)", "response"],
    [
      ["register page 1 (25 rows, the default)", page],
      ["search by name", search],
      ["CSV export (every holder)", csv],
    ].map(([name, r]) => {
      const t = r as PageTiming;
      return [
        name as string,
        t.status,
        fmt(t.coldMs),
        fmt(t.warmMs),
        fmt(t.coldCalls),
        fmt(t.coldEthCall),
        fmt(t.warmCalls),
        kB(t.htmlBytes),
      ];
    }),
  );
}

/**
 * One more CSV download, read as it streams and thrown away, while the app's resident memory (its process group) is
 * sampled every 20 ms: the peak over the level before the request is what the export holds in memory.
 */
async function csvPeakMemory(
  stack: Stack,
  path: string,
  cookie: string,
): Promise<{ beforeMiB: number; peakMiB: number; csvBytes: number }> {
  const pid = stack.web?.proc.pid;
  if (!pid) throw new Error("the app is not running");
  const beforeMiB = groupRssMiB(pid);
  let peakMiB = beforeMiB;
  const timer = setInterval(() => (peakMiB = Math.max(peakMiB, groupRssMiB(pid))), 20);
  let csvBytes = 0;
  try {
    const res = await fetch(`${stack.origin}${path}`, { headers: { cookie }, signal: AbortSignal.timeout(300_000) });
    if (!res.ok || !res.body) throw new Error(`${path} answered ${res.status}`);
    const reader = res.body.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) csvBytes += r.value.byteLength;
  } finally {
    clearInterval(timer);
  }
  peakMiB = Math.max(peakMiB, groupRssMiB(pid));
  log(
    `CSV export streamed ${kB(csvBytes)}: the app's memory ${beforeMiB.toFixed(0)} MiB before, peak ${peakMiB.toFixed(0)} MiB (+${(peakMiB - beforeMiB).toFixed(0)} MiB)`,
  );
  return { beforeMiB, peakMiB, csvBytes };
}
