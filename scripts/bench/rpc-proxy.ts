/**
 * A counting JSON-RPC proxy (node:http) in front of anvil: forwards every POST unchanged and counts
 * HTTP requests and JSON-RPC calls by method (each element of a JSON batch array counts as one call).
 * `eth_call`s without a `to` (viem's deployless multicall) or to a known multicall address are also
 * counted as `eth_call:multicall`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RpcCounts = {
  httpRequests: number;
  calls: number;
  byMethod: Record<string, number>;
  /** Request body bytes received from the app. */
  bytesIn: number;
};

export type RpcProxy = {
  url: string;
  snapshot: () => RpcCounts;
  close: () => Promise<void>;
};

export function diffCounts(after: RpcCounts, before: RpcCounts): RpcCounts {
  const byMethod: Record<string, number> = {};
  for (const [m, n] of Object.entries(after.byMethod)) {
    const d = n - (before.byMethod[m] ?? 0);
    if (d !== 0) byMethod[m] = d;
  }
  return {
    httpRequests: after.httpRequests - before.httpRequests,
    calls: after.calls - before.calls,
    byMethod,
    bytesIn: after.bytesIn - before.bytesIn,
  };
}

export async function startRpcProxy(opts: {
  port: number;
  target: string;
  multicallAddresses?: string[];
}): Promise<RpcProxy> {
  const target = new URL(opts.target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const multicall = new Set((opts.multicallAddresses ?? []).map((a) => a.toLowerCase()));
  const counts: RpcCounts = { httpRequests: 0, calls: 0, byMethod: {}, bytesIn: 0 };
  const count = (call: unknown) => {
    counts.calls++;
    const c = call as { method?: unknown; params?: unknown };
    const method = typeof c?.method === "string" ? c.method : "(invalid)";
    counts.byMethod[method] = (counts.byMethod[method] ?? 0) + 1;
    if (method === "eth_call" && Array.isArray(c.params)) {
      const tx = c.params[0] as { to?: string | null } | undefined;
      if (!tx?.to || multicall.has(tx.to.toLowerCase())) {
        counts.byMethod["eth_call:multicall"] = (counts.byMethod["eth_call:multicall"] ?? 0) + 1;
      }
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      counts.httpRequests++;
      counts.bytesIn += body.length;
      try {
        const parsed: unknown = JSON.parse(body.toString("utf8"));
        if (Array.isArray(parsed)) parsed.forEach(count);
        else count(parsed);
      } catch {
        counts.byMethod["(unparseable)"] = (counts.byMethod["(unparseable)"] ?? 0) + 1;
      }
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: req.method ?? "POST",
          agent,
          headers: { "content-type": req.headers["content-type"] ?? "application/json", "content-length": body.length },
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, { "content-type": up.headers["content-type"] ?? "application/json" });
          up.pipe(res);
        },
      );
      upstream.on("error", (err) => {
        if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
        res.end(`proxy error: ${err.message}`);
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    snapshot: () => ({ ...counts, byMethod: { ...counts.byMethod } }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        agent.destroy();
      }),
  };
}
