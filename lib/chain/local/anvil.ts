/**
 * Starts and stops a local anvil chain as a child process (the embedded default when RPC_URL is unset).
 * Used by the start script, the e2e web server and integration tests; never by the web app itself.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

export type LocalChain = {
  url: string;
  port: number;
  stop: () => Promise<void>;
};

/** Resolves the anvil binary shipped by the npm platform package (@foundry-rs/anvil-<os>-<arch>). */
export function resolveAnvilBinary(): string {
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  const pkg = `@foundry-rs/anvil-${process.platform}-${arch}`;
  const binary = process.platform === "win32" ? "anvil.exe" : "anvil";
  try {
    return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), "bin", binary);
  } catch {
    throw new Error(`anvil is not installed for ${process.platform}-${arch}: run npm ci (missing ${pkg})`);
  }
}

async function rpcAnswers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(1000),
    });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Starts anvil on 127.0.0.1:`port`. With `statePath`, chain state is loaded from and dumped to that
 * file (every `stateIntervalSeconds` and on a clean stop), so it survives restarts.
 */
export async function startAnvil(opts: {
  port: number;
  statePath?: string;
  accounts?: number;
  chainId?: number;
  stateIntervalSeconds?: number;
  log?: (line: string) => void;
}): Promise<LocalChain> {
  const url = `http://127.0.0.1:${opts.port}`;
  if (await rpcAnswers(url)) {
    throw new Error(`Port ${opts.port} already answers JSON-RPC: stop the other chain or set ANVIL_PORT`);
  }
  const args = [
    "--host",
    "127.0.0.1",
    "--port",
    String(opts.port),
    "--chain-id",
    String(opts.chainId ?? 31337),
    "--accounts",
    String(opts.accounts ?? 20),
    "--balance",
    "10000",
    // Large enough for a token deployment and batch seeding; anvil's default is 30M.
    "--gas-limit",
    "60000000",
  ];
  if (opts.statePath) {
    args.push(
      "--state",
      opts.statePath,
      "--state-interval",
      String(opts.stateIntervalSeconds ?? 5),
      // Keeps historical states in the dump so reads at past blocks work after a restart.
      "--preserve-historical-states",
    );
  }
  const child: ChildProcess = spawn(resolveAnvilBinary(), args, {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let exited = false;
  let stderr = "";
  child.on("exit", () => {
    exited = true;
  });
  // Never leave an orphaned chain behind if the parent exits without stopping it.
  const killOnExit = () => {
    if (!exited) child.kill("SIGINT");
  };
  process.once("exit", killOnExit);
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
    opts.log?.(d.toString());
  });
  child.stdout?.on("data", (d: Buffer) => opts.log?.(d.toString()));

  const deadline = Date.now() + 30_000;
  while (!(await rpcAnswers(url))) {
    if (exited) throw new Error(`anvil exited during start-up: ${stderr.trim().split("\n").pop() ?? ""}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("anvil did not answer within 30 s");
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited) return resolve();
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      // SIGINT lets anvil dump its state file before exiting.
      child.kill("SIGINT");
    });

  return { url, port: opts.port, stop };
}

/**
 * Lets `address` send transactions on a local anvil without its key (`anvil_impersonateAccount`), with 100 ETH for
 * gas. Tests and benchmarks use it to act as the PrimaryOffering — the only minter of every share token — when they
 * need holdings without running purchases.
 */
export async function impersonate(rpcUrl: string, address: string): Promise<void> {
  for (const [method, params] of [
    ["anvil_impersonateAccount", [address]],
    ["anvil_setBalance", [address, "0x56bc75e2d63100000"]],
  ] as const) {
    const res = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    const body = (await res.json()) as { error?: { message: string } };
    if (body.error) throw new Error(`${method}: ${body.error.message}`);
  }
}
