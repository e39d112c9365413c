/**
 * The synthetic chain (`synthetic-chain.ts`) as a JSON-RPC node in a child process, over HTTP on loopback: the
 * indexer bench talks to it as the worker talks to a real node (viem's `http` transport, JSON on the wire), and the
 * node's work — building the chain before the clock starts, then answering `eth_getLogs`, `eth_getBlockByNumber` and
 * the register snapshots' `eth_call`s — is another process's CPU, not the timed indexer's.
 *
 * Parent: `startSyntheticNode(opts)` forks this file (with the parent's loader flags, i.e. tsx), waits until the chain
 * is built and the server listens, and returns its URL, the chain's figures, `stats()` (requests by method, the time
 * spent answering them, the child's CPU seconds) and `stop()`. Child: `node synthetic-node.ts --serve`.
 */
import { fork } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { IndexerContracts } from "../../lib/indexer/projection";
import { buildSyntheticChain } from "./synthetic-chain";

export type SyntheticNodeOptions = { trades: number; tradesPerBlock: number };

export type SyntheticNodeStats = {
  calls: Record<string, number>;
  /** Time spent answering (building each answer and its JSON). */
  answerSeconds: number;
  /** The node process's CPU since it started listening. */
  cpuSeconds: number;
};

type Ready = {
  type: "ready";
  url: string;
  contracts: IndexerContracts;
  trades: number;
  blocks: number;
  logs: number;
  followedLogs: number;
  buildSeconds: number;
};

export type SyntheticNode = Omit<Ready, "type"> & {
  stats: () => Promise<SyntheticNodeStats>;
  stop: () => void;
};

/** Forks the node and waits until it serves (the chain is built before: nothing of it is timed by the caller). */
export async function startSyntheticNode(opts: SyntheticNodeOptions): Promise<SyntheticNode> {
  const child = fork(fileURLToPath(import.meta.url), ["--serve", JSON.stringify(opts)], {
    execArgv: process.execArgv,
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`synthetic node exited (${code}) before serving`));
    child.once("exit", onExit);
    child.once("error", reject);
    child.once("message", (m: Ready) => {
      child.off("exit", onExit);
      resolve(m);
    });
  });
  return {
    url: ready.url,
    contracts: ready.contracts,
    trades: ready.trades,
    blocks: ready.blocks,
    logs: ready.logs,
    followedLogs: ready.followedLogs,
    buildSeconds: ready.buildSeconds,
    stats: () =>
      new Promise<SyntheticNodeStats>((resolve) => {
        child.once("message", (m: SyntheticNodeStats) => resolve(m));
        child.send("stats");
      }),
    stop: () => {
      child.kill();
    },
  };
}

type RpcRequest = { id?: unknown; method: string; params?: unknown[] };

/** The child: build the chain, serve it, answer `stats` over IPC. */
function serve(opts: SyntheticNodeOptions): void {
  const t0 = performance.now();
  const chain = buildSyntheticChain(opts);
  const buildSeconds = (performance.now() - t0) / 1000;
  let answerMs = 0;
  /** One response's JSON text (the result's text is the chain's, spliced in as it is). */
  const answer = (r: RpcRequest): string => {
    const id = JSON.stringify(r.id ?? null);
    try {
      return `{"jsonrpc":"2.0","id":${id},"result":${chain.requestJson(r.method, r.params ?? [])}}`;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return JSON.stringify({ jsonrpc: "2.0", id: r.id ?? null, error: { code: -32603, message } });
    }
  };
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => {
      const t = performance.now();
      const body = JSON.parse(Buffer.concat(parts).toString("utf8")) as RpcRequest | RpcRequest[];
      const json = Array.isArray(body) ? `[${body.map(answer).join(",")}]` : answer(body);
      answerMs += performance.now() - t;
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(json) });
      res.end(json);
    });
  });
  let cpu0 = process.cpuUsage();
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo;
    cpu0 = process.cpuUsage();
    const ready: Ready = {
      type: "ready",
      url: `http://127.0.0.1:${port}`,
      contracts: chain.contracts,
      trades: chain.trades,
      blocks: chain.blocks,
      logs: chain.logs,
      followedLogs: chain.followedLogs,
      buildSeconds,
    };
    process.send!(ready);
  });
  process.on("message", (m) => {
    if (m !== "stats") return;
    const cpu = process.cpuUsage(cpu0);
    const stats: SyntheticNodeStats = {
      calls: { ...chain.calls },
      answerSeconds: answerMs / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    };
    process.send!(stats);
  });
  // The parent went away: so does the node.
  process.on("disconnect", () => process.exit(0));
}

if (process.argv[2] === "--serve" && process.send) serve(JSON.parse(process.argv[3]!) as SyntheticNodeOptions);
