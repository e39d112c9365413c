/** Section 8: the audit page's database work with 1,000,000 hash-chained entries (100,000 with --quick). */
import type { AuditBench } from "../audit";
import { fmt, log, printTable } from "../lib";
import { quick, summary } from "./context";

/** In a child process: the page's query module is server-only (the react-server condition lets it load). */
export async function runAudit(): Promise<void> {
  const entries = quick ? 100_000 : 1_000_000;
  log(
    `writing ${entries.toLocaleString("en")} hash-chained entries into in-memory PGlite, then timing the page's work…`,
  );
  const { spawn } = await import("node:child_process");
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/bench/audit.ts", String(entries)],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`audit bench exited with ${code}`))));
  });
  const r = JSON.parse(out.trim().split("\n").pop()!) as AuditBench;
  summary.audit = r;
  printTable(
    `Audit page with ${fmt(r.entries)} entries (in-memory PGlite; medians of 5)`,
    ["whole-chain walk", "check from checkpoint (20 new)", "first page + total", "action list", "filtered page"],
    [
      [
        `${r.fullWalkSeconds.toFixed(1)} s`,
        `${r.incrementalMs.toFixed(0)} ms`,
        `${r.firstPageMs.toFixed(0)} ms`,
        `${r.actionsMs.toFixed(0)} ms`,
        `${r.filteredPageMs.toFixed(0)} ms`,
      ],
    ],
  );
}
