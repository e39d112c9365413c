/**
 * `npm start` / `npm run dev`: runs the whole of Atelier on one machine.
 *
 * 1. checks configuration (one clear line per bad variable);
 * 2. unless RPC_URL is set, starts anvil with state kept in DATA_DIR;
 * 3. deploys the contracts when the chain lacks them (local chain only; a remote chain without them stops here);
 * 4. opens the database (PGlite in DATA_DIR unless DATABASE_URL), applies migrations, seeds demo data once (local);
 * 5. builds the app when sources changed, serves it, and prints the demo wallets;
 * on the local chain without SMTP_URL it also runs a mail catcher (maildev) whose web inbox shows the emails sent.
 * Ctrl-C stops the server, then anvil (which writes its state), losing nothing.
 *
 * Flags: --dev (next dev), --fresh (wipe DATA_DIR first: tests), --no-build (serve the existing build),
 * --setup-only (chain, contracts, database and seed, then stop).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigurationError, isLocalChain, parseServerEnv, type ServerEnv } from "../lib/env";
import { startAnvil, type LocalChain } from "../lib/chain/local/anvil";
import type { Deployments } from "../lib/chain/deployments";
import { localChainWasReset, readSeedMarker } from "./seed/marker";
import { mailCatcherSmtpUrl, startMailCatcher, type MailCatcher } from "./lib/mail-catcher";
import { databaseReady, markMigrated, nothingToSetUp } from "./lib/migration-marker";
import { isBuildStale, markBuildStart } from "./lib/web-build";

const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const t0 = performance.now();
const since = () => `${((performance.now() - t0) / 1000).toFixed(1)}s`;
const log = (msg: string) => console.log(`[atelier ${since()}] ${msg}`);
/** The migrations applied (and hashed for the marker): lib/db/connect's default folder, named here so that the
 * database modules (PGlite, drizzle) are loaded only when the database is opened. */
const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib", "db", "migrations");
const NEXT_BIN = path.join("node_modules", ".bin", "next");

let chain: LocalChain | undefined;
let mail: MailCatcher | undefined;
let mailStarting: Promise<MailCatcher> | undefined;
let web: ChildProcess | undefined;
let stopping = false;

/** Stops the web server (SIGTERM, then SIGKILL after 10 s); its exit is then not taken for a crash. */
async function stopWeb(): Promise<void> {
  const child = web;
  web = undefined;
  if (!child || child.exitCode !== null) return;
  log("stopping the web server…");
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

async function stopAll(code: number): Promise<never> {
  if (stopping) process.exit(code);
  stopping = true;
  await stopWeb();
  // A mail catcher still starting is waited for (it answers within 30 s or fails), then stopped.
  const catcher = mail ?? (await mailStarting?.catch(() => undefined));
  if (catcher) await catcher.stop();
  if (chain) {
    log("stopping anvil (saving chain state)…");
    await chain.stop();
  }
  process.exit(code);
}

process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

type LocalSecrets = { SESSION_SECRET: string; UNSUBSCRIBE_SECRET: string; DOCUMENT_ENCRYPTION_KEY: string };

/**
 * Local-default secrets are generated once into DATA_DIR so sessions, unsubscribe links and documents survive
 * restarts; a secret missing from an older file is added to it (the others are kept).
 */
function loadLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  const existing: Partial<LocalSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const secrets: LocalSecrets = {
    SESSION_SECRET: existing.SESSION_SECRET ?? randomBytes(32).toString("hex"),
    UNSUBSCRIBE_SECRET: existing.UNSUBSCRIBE_SECRET ?? randomBytes(32).toString("hex"),
    DOCUMENT_ENCRYPTION_KEY: existing.DOCUMENT_ENCRYPTION_KEY ?? randomBytes(32).toString("hex"),
  };
  if (Object.keys(secrets).every((k) => k in existing)) return secrets;
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}

function run(cmd: string, cmdArgs: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { stdio: "inherit", env });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${cmdArgs.join(" ")} exited with ${code}`)),
    );
  });
}

async function waitForHealth(origin: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (web?.exitCode !== null && web?.exitCode !== undefined) throw new Error("the web server exited during start-up");
    try {
      const res = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the web server did not answer /api/health within 180 s");
}

async function main() {
  let env: ServerEnv;
  try {
    env = parseServerEnv(process.env);
  } catch (err) {
    if (err instanceof ConfigurationError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }

  if (args.has("--fresh") && existsSync(env.dataDir)) {
    log(`--fresh: removing ${env.dataDir}`);
    rmSync(env.dataDir, { recursive: true, force: true });
  }
  mkdirSync(path.join(env.dataDir, "deployments"), { recursive: true });
  // Uploaded files: this folder, unless they live in an S3 bucket (S3_BUCKET).
  if (!env.s3) mkdirSync(path.join(env.dataDir, "files"), { recursive: true });

  const childEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (isLocalChain(env)) {
    // Each secret the environment does not set comes from the local file (setting one, e.g. rotating
    // SESSION_SECRET, keeps the others).
    for (const [name, value] of Object.entries(loadLocalSecrets(env.dataDir))) childEnv[name] ||= value;
    env = parseServerEnv(childEnv);
  }

  // Independent of the chain and the database, so started at once and awaited before "ready": the mail catcher
  // (its SMTP address is known from its port, so the web server can be given it before it answers) and the build
  // check.
  const setupOnly = args.has("--setup-only");
  if (!setupOnly) startMail(env, childEnv);
  const build = dev ? "dev" : planBuild();
  childEnv.PORT = String(env.port);
  // When the data folder shows nothing to set up (migrated, seeded for the recorded deployment), the web server starts
  // as soon as the chain answers, while the contracts are checked; should the check change anything, it restarts.
  const early = !setupOnly && build !== "build" && nothingToSetUp(env, MIGRATIONS_FOLDER);
  const recorded = early ? readFileSync(env.deploymentsFile, "utf8") : undefined;

  // 1. Chain
  if (env.usesLocalAnvil) {
    log(`starting anvil on 127.0.0.1:${env.anvilPort} (state in ${env.dataDir}/anvil-state.json)`);
    chain = await startAnvil({
      port: env.anvilPort,
      statePath: path.join(env.dataDir, "anvil-state.json"),
      chainId: env.chainId,
    });
  }
  if (early) {
    log("data folder up to date: starting the web server while the contracts are checked");
    startWeb(childEnv);
  }

  // 2. Contracts
  const { ensureDeployment } = await import("../lib/chain/deploy");
  const deployment = await ensureDeployment({ env, log });
  const reset = localChainWasReset({
    localChain: isLocalChain(env),
    databaseUrl: env.databaseUrl,
    marker: readSeedMarker(env),
    deployment,
  });
  if (web && (reset || readFileSync(env.deploymentsFile, "utf8") !== recorded)) {
    log("the contracts changed: the web server starts again once the database matches");
    await stopWeb();
  }
  if (reset) {
    // The chain was reset (its state file was removed): the local database described the old chain.
    log("the local chain was reset: resetting the local database and files to match");
    rmSync(env.pgliteDir, { recursive: true, force: true });
    rmSync(path.join(env.dataDir, "files"), { recursive: true, force: true });
    rmSync(path.join(env.dataDir, "seed.json"), { force: true });
    mkdirSync(path.join(env.dataDir, "files"), { recursive: true });
  }

  // 3. Database + seed
  await prepareDatabase(env, deployment);
  if (setupOnly) {
    log("set-up done (--setup-only)");
    await stopAll(0);
  }

  // 4. Web
  if (build === "build") {
    log("building the web app (next build)…");
    const startedMs = Date.now();
    await run(NEXT_BIN, ["build"], childEnv);
    if (markBuildStart(process.cwd(), startedMs)) log("sources changed during the build: the next start builds again");
  }
  if (!web) startWeb(childEnv);
  await Promise.all([waitForHealth(`http://127.0.0.1:${env.port}`), mailStarting]);
  log(`Atelier is ready on ${env.appOrigin}`);
  if (isLocalChain(env)) (await import("./seed")).printDemoWallets(env);
  if (mail) console.log(`\n  Emails the portal sends arrive in the local inbox: ${mail.inboxUrl}\n`);
}

/** `next start` (or `next dev`); its exit, unless asked for, stops everything. */
function startWeb(childEnv: NodeJS.ProcessEnv): void {
  const child = spawn(NEXT_BIN, [dev ? "dev" : "start", "-p", childEnv.PORT!, "-H", "127.0.0.1"], {
    stdio: "inherit",
    env: childEnv,
  });
  web = child;
  child.on("exit", (code) => {
    if (!stopping && web === child) {
      log(`the web server exited (${code}); stopping`);
      void stopAll(code ?? 1);
    }
  });
}

/** Email: a local mail catcher with a web inbox unless SMTP_URL names a real server. */
function startMail(env: ServerEnv, childEnv: NodeJS.ProcessEnv): void {
  if (isLocalChain(env) && !env.mail.smtpUrl) {
    childEnv.SMTP_URL = mailCatcherSmtpUrl(env.mail.catcher.smtpPort);
    mailStarting = startMailCatcher({ ...env.mail.catcher, dataDir: env.dataDir }).then((catcher) => {
      mail = catcher;
      log(`mail catcher (maildev): SMTP ${catcher.smtpUrl}, inbox ${catcher.inboxUrl}`);
      return catcher;
    });
    // Awaited before "ready"; until then a failure must not be an unhandled rejection.
    mailStarting.catch(() => {});
  } else if (!env.mail.smtpUrl) {
    log("SMTP_URL is not set: notification emails wait in the outbox until it is");
  }
}

/** Whether to build before serving: a missing build, or sources newer than it (unless --no-build and a build exists). */
function planBuild(): "build" | "serve" {
  const buildId = path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (args.has("--no-build") && existsSync(buildId)) {
    log("serving the existing build (--no-build)");
    return "serve";
  }
  if (isBuildStale(process.cwd())) return "build";
  log("web build is up to date");
  return "serve";
}

/**
 * Opens the database, applies migrations, seeds the demo data once (local chain), then closes it: PGlite allows one
 * process, and the web server opens it next. A PGlite folder whose marker shows these migrations applied, with the
 * demo data seeded for this deployment, is not opened at all (seconds saved: the web server opens it anyway).
 */
async function prepareDatabase(env: ServerEnv, deployment: Deployments): Promise<void> {
  if (databaseReady(env, deployment.identityRegistry, MIGRATIONS_FOLDER)) {
    log(
      `database: PGlite in ${env.pgliteDir}; migrations already applied${isLocalChain(env) ? ", demo data seeded" : ""}`,
    );
    return;
  }
  const { createDatabase, migrateDatabase } = await import("../lib/db/connect");
  const { db, close, driver } = await createDatabase({
    url: env.databaseUrl,
    dataDir: env.databaseUrl ? undefined : env.dataDir,
  });
  try {
    log(
      `database: ${driver === "pglite" ? `PGlite in ${env.pgliteDir}` : "PostgreSQL (DATABASE_URL)"}; applying migrations`,
    );
    await migrateDatabase(db, { migrationsFolder: MIGRATIONS_FOLDER });
    if (!env.databaseUrl) markMigrated(env.pgliteDir, MIGRATIONS_FOLDER);
    if (isLocalChain(env)) {
      const { seedDemo } = await import("./seed");
      await seedDemo({ db, env, deployment, log });
    }
  } finally {
    await close();
  }
}

main().catch(async (err) => {
  console.error(`[atelier] start failed: ${err instanceof Error ? err.message : String(err)}`);
  if (process.env.DEBUG) console.error(err);
  await stopAll(1);
});
