/** Section 4: forge test --gas-report, and the named operations as real transactions (receipt gas vs targets). */
import { fmt, log, printTable } from "../lib";
import { KEY_OPERATIONS, runGasReport } from "../gas";
import { quick, settings, summary } from "./context";

export async function runGas(): Promise<void> {
  log("forge test --gas-report (own out/cache folders)…");
  const res = await runGasReport({ quick, timeoutMs: settings.gasTimeoutMs });
  summary.gas = {
    ok: res.ok,
    exitCode: res.exitCode,
    seconds: Math.round(res.seconds),
    report: res.report,
    outputTail: res.report ? undefined : res.outputTail,
  };
  if (!res.ok || !res.report) {
    console.log(
      `\n  forge test exited with ${res.exitCode ?? "a timeout"} after ${res.seconds.toFixed(0)} s; last lines:\n${res.outputTail.replace(/^/gm, "    ")}`,
    );
  }
  if (!res.report) {
    console.log("  no gas report could be read from forge's output");
    if (res.ok) summary.errors.push({ section: "gas", message: "forge succeeded but printed no JSON gas report" });
    return;
  }
  const report = res.report;
  const rows: (string | number)[][] = [];
  for (const [contract, fn] of KEY_OPERATIONS) {
    const hits = report.functions.filter((f) => f.contract === contract && f.fn.split("(")[0] === fn);
    if (hits.length === 0) rows.push([`${contract}.${fn}`, "–", "–", "–", "–", "not in report"]);
    for (const f of hits)
      rows.push([`${contract}.${f.fn}`, fmt(f.min), fmt(f.mean), fmt(f.median), fmt(f.max), fmt(f.calls)]);
  }
  printTable(
    "Gas per operation (forge test --gas-report)",
    ["operation", "min", "avg", "median", "max", "calls"],
    rows,
  );
  const deployments = report.deployments.filter((d) =>
    /^(ArtworkShareToken|ShareTokenFactory|PrimaryOffering|IdentityRegistry|HKDStablecoin)$/.test(d.contract),
  );
  if (deployments.length) {
    printTable(
      "Deployment cost",
      ["contract", "gas", "size (bytes)"],
      deployments.map((d) => [d.contract, fmt(d.gas), fmt(d.size)]),
    );
  }
}
