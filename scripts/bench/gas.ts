/**
 * Section 4: gas per operation from `forge test --gas-report --json` (forge from node_modules/.bin).
 * The build goes to its own out/cache folders (outside the repo) so it never races a concurrent
 * `forge build` / `forge test` in the working tree.
 */
import path from "node:path";
import { runCommand, tail } from "./lib";

export type GasFunction = { contract: string; fn: string; calls: number; min: number; mean: number; median: number; max: number };
export type GasDeployment = { contract: string; gas: number; size: number };
export type GasReport = { functions: GasFunction[]; deployments: GasDeployment[] };

/** The operations the product cares about: [contract name, function name]. */
export const KEY_OPERATIONS: [string, string][] = [
  ["ArtworkShareToken", "transfer"],
  ["ShareTokenFactory", "deployToken"],
  ["PrimaryOffering", "buyWithPermit"],
  ["PrimaryOffering", "buy"],
  ["PrimaryOffering", "createOffering"],
  ["IdentityRegistry", "registerInvestor"],
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
  if (opts.quick) Object.assign(env, { FOUNDRY_FUZZ_RUNS: "32", FOUNDRY_INVARIANT_RUNS: "8", FOUNDRY_INVARIANT_DEPTH: "16" });
  const dir = process.env.BENCH_FORGE_DIR ?? "/tmp/atelier-bench-forge";
  const res = await runCommand(
    "forge test --gas-report",
    path.join("node_modules", ".bin", "forge"),
    ["test", "--gas-report", "--json", "--out", path.join(dir, "out"), "--cache-path", path.join(dir, "cache")],
    { env, timeoutMs: opts.timeoutMs },
  );
  const report = parseGasReport(res.output);
  return {
    ok: res.code === 0 && !res.timedOut,
    exitCode: res.timedOut ? null : res.code,
    report,
    outputTail: res.timedOut ? `timed out after ${Math.round(opts.timeoutMs / 1000)} s\n${tail(res.output, 20)}` : tail(res.output, 25),
    seconds: (performance.now() - t) / 1000,
  };
}
