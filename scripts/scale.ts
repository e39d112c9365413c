/**
 * The scale-out stack of `npm run test:scale`: what the README claims for several instances, run for real on one
 * machine —
 *   - one PostgreSQL database (a fresh `atelier_scale` on SCALE_DATABASE_URL's server), one anvil chain;
 *   - instance A (`scripts/start.ts`: chain, contracts, migrations, seed, build, `next start`) and instance B (a
 *     second `next start` on the same build, database, chain, secrets and files), both INDEXER_MODE=worker;
 *   - two `npm run indexer` workers: the first holds the advisory lock, the second waits to take over;
 *   - an S3 protocol server (s3rver, on a free loopback port) as the file store of both instances, the seed and the
 *     indexers: nothing is written under DATA_DIR/files (SCALE_S3=off keeps files in the local folder instead);
 *   - a small round-robin HTTP proxy in front (the public origin): it alternates instances, or sends a request to
 *     the one named by an `x-atelier-instance: a|b` header, and says which answered in `x-served-by`; it appends
 *     the peer to X-Forwarded-For (the instances trust one hop).
 * Where the bucket is (endpoint, name, s3rver's folder) is written to DATA_DIR/scale-s3.json for the journeys.
 * Ports: the proxy on E2E_PORT (3240), A and B on the next two, anvil on E2E_ANVIL_PORT (8671). Logs of the
 * indexers in DATA_DIR (E2E_DATA_DIR, .data-scale)/indexer-{1,2}.log. Stops everything on SIGTERM / SIGINT.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import pg from "pg";
import { startTestS3Server } from "../lib/storage/test-s3-server";

const proxyPort = Number(process.env.E2E_PORT ?? 3240);
const ports = { a: proxyPort + 1, b: proxyPort + 2 };
// Instance A's start runs the mail catcher on these; instance B sends through it too (two outbox workers).
const mailPorts = { smtp: proxyPort + 20_000, web: proxyPort + 21_000 };
const anvilPort = Number(process.env.E2E_ANVIL_PORT ?? 8671);
const dataDir = process.env.E2E_DATA_DIR ?? ".data-scale";
const distDir = process.env.E2E_DIST_DIR ?? ".next";
const server = process.env.SCALE_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const database = process.env.SCALE_DATABASE ?? "atelier_scale";
const databaseUrl = (() => {
  const u = new URL(server);
  u.pathname = `/${database}`;
  return u.toString();
})();

const children: ChildProcess[] = [];
let s3: Awaited<ReturnType<typeof startTestS3Server>> | undefined;
let s3Env: Record<string, string> = {};
let stopping = false;
const log = (m: string) => console.log(`[scale] ${m}`);

async function freshDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
}

function baseEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: dataDir,
    NEXT_DIST_DIR: distDir,
    DATABASE_URL: databaseUrl,
    ANVIL_PORT: String(anvilPort),
    APP_ORIGIN: `http://127.0.0.1:${proxyPort}`,
    INDEXER_MODE: "worker",
    TRUSTED_PROXY_HOPS: "1",
    MAILDEV_SMTP_PORT: String(mailPorts.smtp),
    MAILDEV_WEB_PORT: String(mailPorts.web),
    ...s3Env,
  };
}

function start(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, logFile?: string): ChildProcess {
  const child = spawn(cmd, args, { env, stdio: ["ignore", logFile ? "pipe" : "inherit", "inherit"] });
  if (logFile) {
    const out = createWriteStream(logFile, { flags: "a" });
    child.stdout!.pipe(out);
  }
  child.on("exit", (code) => {
    if (!stopping && !name.startsWith("indexer")) {
      log(`${name} exited (${code}); stopping`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) throw new Error("stopping");
    try {
      if (await check()) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
}

const healthy = (port: number) => async () =>
  (await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(5_000) })).status < 500;

function startProxy(): http.Server {
  let turn = 0;
  const proxy = http.createServer((req, res) => {
    const asked = req.headers["x-atelier-instance"];
    const name: "a" | "b" = asked === "a" || asked === "b" ? asked : turn++ % 2 === 0 ? "a" : "b";
    const peer = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
    const forwarded = [req.headers["x-forwarded-for"], peer].filter(Boolean).join(", ");
    const headers: http.OutgoingHttpHeaders = { ...req.headers, "x-forwarded-for": forwarded };
    delete headers["x-atelier-instance"];
    const upstream = http.request(
      { host: "127.0.0.1", port: ports[name], method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-served-by": name });
        answer.pipe(res);
      },
    );
    upstream.on("error", (error) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain", "x-served-by": name });
      res.end(`instance ${name} did not answer: ${error.message}`);
    });
    req.pipe(upstream);
  });
  proxy.listen(proxyPort, "127.0.0.1");
  return proxy;
}

async function stop(code: number): Promise<never> {
  stopping = true;
  for (const child of children.reverse()) if (child.exitCode === null) child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 3_000));
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await s3?.stop().catch(() => undefined);
  process.exit(code);
}

async function main(): Promise<void> {
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGINT", () => void stop(0));
  log(`fresh database ${database}; instance A on ${ports.a}, B on ${ports.b}, proxy on ${proxyPort}`);
  await freshDatabase();
  if (process.env.SCALE_S3 !== "off") {
    s3 = await startTestS3Server("atelier-scale");
    const { settings } = s3;
    s3Env = {
      S3_ENDPOINT: settings.endpoint!,
      S3_BUCKET: settings.bucket,
      S3_REGION: settings.region,
      S3_ACCESS_KEY_ID: settings.credentials!.accessKeyId,
      S3_SECRET_ACCESS_KEY: settings.credentials!.secretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
    };
    log(`file store: s3rver on ${settings.endpoint}, bucket ${settings.bucket}`);
  }
  const tsx = path.join("node_modules", ".bin", "tsx");
  start("instance A", tsx, ["scripts/start.ts", "--fresh"], { ...baseEnv(), PORT: String(ports.a) });
  await waitFor("instance A's start", healthy(ports.a), 1_200_000);
  // Where the bucket lives, for the journeys that look at what was stored (A's --fresh start emptied DATA_DIR first).
  if (s3)
    writeFileSync(
      path.join(dataDir, "scale-s3.json"),
      JSON.stringify({ endpoint: s3.endpoint, bucket: s3.settings.bucket, directory: s3.directory }),
    );
  // A wrote the local secrets at start-up: B signs and reads sessions and files with the same keys.
  const secrets = JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8")) as Record<string, string>;
  const env = { ...baseEnv(), ...secrets, SMTP_URL: `smtp://127.0.0.1:${mailPorts.smtp}` };
  start("instance B", path.join("node_modules", ".bin", "next"), ["start", "-p", String(ports.b), "-H", "127.0.0.1"], {
    ...env,
    PORT: String(ports.b),
  });
  const indexerLog = (n: number) => path.join(dataDir, `indexer-${n}.log`);
  start("indexer 1", tsx, ["scripts/indexer.ts"], env, indexerLog(1));
  await waitFor(
    "the first indexer's lock",
    () => existsSync(indexerLog(1)) && readFileSync(indexerLog(1), "utf8").includes("holding the indexer lock"),
    60_000,
  );
  start("indexer 2", tsx, ["scripts/indexer.ts"], env, indexerLog(2));
  await waitFor("instance B's start", healthy(ports.b), 180_000);
  startProxy();
  await waitFor("the proxy", healthy(proxyPort), 30_000);
  log(`ready on http://127.0.0.1:${proxyPort}`);
}

main().catch(async (error: unknown) => {
  console.error(`[scale] failed: ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
});
