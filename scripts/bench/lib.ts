/**
 * Shared helpers for `npm run bench`: child-process bookkeeping (everything started is stopped on exit
 * and on Ctrl-C), HTTP waits, statistics and plain-text tables.
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

export const log = (msg: string) => console.log(`[bench] ${msg}`);

// ---------------------------------------------------------------------------------------------
// Cleanup registry

type Cleanup = { name: string; run: () => Promise<void> | void; killSync?: () => void };
const cleanups: Cleanup[] = [];

/** Registers something to stop; returns a function that stops it now and unregisters it. */
export function onCleanup(c: Cleanup): () => Promise<void> {
  cleanups.push(c);
  return async () => {
    const i = cleanups.indexOf(c);
    if (i === -1) return;
    cleanups.splice(i, 1);
    await c.run();
  };
}

/** Stops everything still registered, newest first. */
export async function cleanupAll(): Promise<void> {
  while (cleanups.length > 0) {
    const c = cleanups.pop()!;
    try {
      await c.run();
    } catch (err) {
      console.error(`[bench] cleanup of ${c.name} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

// Last resort when the process exits without awaiting cleanup: kill what can be killed synchronously.
process.on("exit", () => {
  for (const c of cleanups) c.killSync?.();
});

export type Child = {
  proc: ChildProcess;
  /** Resolves with the exit code once the process (group) has exited. */
  exited: Promise<number | null>;
  output: () => string;
  stop: () => Promise<void>;
};

/**
 * Spawns a long-running child in its own process group (so `next start` and its workers are stopped
 * together) and registers it for cleanup. Output is kept (last 64 kB) and echoed when `echo` is set.
 */
export function spawnChild(
  name: string,
  cmd: string,
  args: string[],
  opts: SpawnOptions & { echo?: boolean } = {},
): Child {
  const proc = spawn(cmd, args, { ...opts, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let out = "";
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-65_536);
    if (opts.echo) process.stdout.write(d);
  };
  proc.stdout?.on("data", keep);
  proc.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  const signalGroup = (sig: NodeJS.Signals) => {
    if (proc.exitCode !== null || proc.signalCode !== null || proc.pid === undefined) return;
    try {
      process.kill(-proc.pid, sig);
    } catch {
      try {
        proc.kill(sig);
      } catch {
        /* already gone */
      }
    }
  };
  const run = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const timer = setTimeout(() => signalGroup("SIGKILL"), 10_000);
    signalGroup("SIGTERM");
    await exited;
    clearTimeout(timer);
  };
  const stop = onCleanup({ name, run, killSync: () => signalGroup("SIGKILL") });
  return { proc, exited, output: () => out, stop };
}

/** Runs a command to completion; resolves with its exit code and output (never rejects on a non-zero exit). */
export function runCommand(
  name: string,
  cmd: string,
  args: string[],
  opts: SpawnOptions & { echo?: boolean; timeoutMs?: number } = {},
): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  const child = spawnChild(name, cmd, args, opts);
  let timedOut = false;
  const timer = opts.timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        void child.stop();
      }, opts.timeoutMs)
    : undefined;
  return child.exited.then(async (code) => {
    if (timer) clearTimeout(timer);
    await child.stop(); // unregisters
    return { code, output: child.output(), timedOut };
  });
}

// ---------------------------------------------------------------------------------------------
// HTTP

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitForHttp(
  url: string,
  opts: { timeoutMs: number; child?: Child; ok?: (status: number) => boolean },
): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  const ok = opts.ok ?? ((s) => s < 500);
  while (Date.now() < deadline) {
    if (opts.child && opts.child.proc.exitCode !== null) {
      throw new Error(
        `the server exited (${opts.child.proc.exitCode}) during start-up:\n${tail(opts.child.output(), 20)}`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (ok(res.status)) return;
    } catch {
      /* not up yet */
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${Math.round(opts.timeoutMs / 1000)} s`);
}

export function tail(text: string, lines: number): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

// ---------------------------------------------------------------------------------------------
// Statistics and tables

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const fmt = (n: number | null | undefined, digits = 0): string =>
  n === null || n === undefined || Number.isNaN(n)
    ? "–"
    : n.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** Prints a plain table; numeric-looking cells are right-aligned. */
export function printTable(title: string, headers: string[], rows: (string | number)[][]): void {
  const cells = rows.map((r) => r.map((c) => String(c)));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? "").length)));
  const numeric = (s: string) => /^[-–+]?[\d,.]+( ?(kB|ms|%|×|x))?$|^–$/.test(s);
  const line = (r: string[]) =>
    r
      .map((c, i) => (numeric(c) && i > 0 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  console.log(`\n${title}`);
  console.log(line(headers));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of cells) console.log(line(r));
}

export function section(title: string): void {
  console.log(`\n${"=".repeat(100)}\n${title}\n${"=".repeat(100)}`);
}
