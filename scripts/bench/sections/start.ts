/**
 * Section 11 (issue 17, "Start"): `npm start` as a person runs it. The app is built first (ensureAppBuild), then a
 * first `npm start` in a data folder of its own deploys the contracts and seeds the demo data, is stopped (Ctrl-C: anvil
 * saves its state), and a second `npm start` — build and data present — is timed from the command to the first 200
 * of `/` (target ≤ 5 s). With --fresh (minutes) the repository is also cloned into a temporary folder, where `npm ci`
 * and the first `npm start` (which builds the app) are timed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { log, printTable, runCommand, sleep, spawnChild, tail, waitForHttp } from "../lib";
import { ensureAppBuild } from "../stack";
import { dataDir, fresh, noBuild, ports, summary } from "./context";

/** Issue 17: a second `npm start` serves its first page within 5 s. */
export const START_TARGET_SECONDS = 5;

/** `steps`: what scripts/start.ts logged on the way, with its own clock (seconds since it started). */
export type StartRun = { seconds: number; deployed: boolean; seeded: boolean; steps: { at: number; step: string }[] };
export type StartBench = {
  first: StartRun;
  second: StartRun;
  fresh?: { npmCiSeconds: number; firstStart: StartRun; clone: string };
};

/** Mail catcher ports for the timed starts (their own, so that parallel checkouts do not clash). */
const mailPorts = {
  MAILDEV_SMTP_PORT: process.env.BENCH_MAIL_SMTP_PORT ?? String(ports.anvil + 3),
  MAILDEV_WEB_PORT: process.env.BENCH_MAIL_WEB_PORT ?? String(ports.anvil + 4),
};

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

/** Waits until nothing listens on the app's and anvil's ports (a start still shutting down would answer for the next). */
async function waitForPortsFree(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const busy = [];
    for (const port of [ports.web, ports.anvil]) if (await listening(port)) busy.push(port);
    if (!busy.length) return;
    if (Date.now() > deadline) throw new Error(`port(s) ${busy.join(", ")} still in use: cannot time a start`);
    await sleep(250);
  }
}

/**
 * Runs `npm start` in `cwd` until `/` answers 200, then stops it as Ctrl-C would (SIGINT to its process group, as a terminal sends it: the
 * script stops the server and anvil saves its state) and returns the time to that first page.
 */
async function timeStart(
  name: string,
  cwd: string,
  data: string,
  timeoutMs: number,
  baseEnv: NodeJS.ProcessEnv = process.env,
): Promise<StartRun> {
  const origin = `http://127.0.0.1:${ports.web}`;
  await waitForPortsFree(60_000);
  const t0 = performance.now();
  const child = spawnChild(name, "npm", ["start"], {
    cwd,
    env: {
      ...baseEnv,
      ...mailPorts,
      DATA_DIR: path.resolve(cwd, data),
      PORT: String(ports.web),
      ANVIL_PORT: String(ports.anvil),
      APP_ORIGIN: origin,
    },
  });
  try {
    await waitForHttp(`${origin}/`, { timeoutMs, child, ok: (s) => s === 200 });
  } catch (err) {
    await child.stop();
    throw err;
  }
  const seconds = (performance.now() - t0) / 1000;
  // Ctrl-C in a terminal: SIGINT to the whole foreground process group (npm, the script, next, anvil).
  process.kill(-child.proc.pid!, "SIGINT");
  const stopped = await Promise.race([child.exited.then(() => true), new Promise((r) => setTimeout(r, 60_000, false))]);
  if (!stopped) log(`${name} did not stop within 60 s of Ctrl-C: stopping its process group`);
  await child.stop();
  const out = child.output();
  const steps = [...out.matchAll(/^\[atelier ([\d.]+)s\] (.*)$/gm)].map((m) => ({ at: Number(m[1]), step: m[2]! }));
  const run = {
    seconds,
    deployed: /deploying (contracts|again)/.test(out),
    seeded: /seeding demo data/.test(out),
    steps,
  };
  log(`${name}: first 200 of / after ${seconds.toFixed(1)} s${run.deployed ? " (deployed contracts)" : ""}`);
  for (const s of steps) console.log(`    ${s.at.toFixed(1).padStart(6)} s  ${s.step}`);
  return run;
}

export async function runStart(): Promise<void> {
  summary.build = await ensureAppBuild({ noBuild, forceBuild: false });
  const data = `${dataDir}-start`;
  rmSync(data, { recursive: true, force: true });
  const first = await timeStart("npm start (first, deploys and seeds)", process.cwd(), data, 600_000);
  const second = await timeStart("npm start (second)", process.cwd(), data, 120_000);
  rmSync(data, { recursive: true, force: true });
  summary.start = { first, second };
  if (second.deployed) log("warning: the second start deployed the contracts again (the chain state was not kept)");
  if (fresh) summary.start.fresh = await runFreshClone();
  const s = summary.start;
  printTable(
    `npm start to the first 200 of / (target: the second start ≤ ${START_TARGET_SECONDS} s)`,
    ["run", "seconds", "deployed", "target"],
    [
      ["first start (build present, empty data)", s.first.seconds.toFixed(1), s.first.deployed ? "yes" : "no", "–"],
      [
        "second start (build and data present)",
        s.second.seconds.toFixed(1),
        s.second.deployed ? "yes" : "no",
        s.second.seconds <= START_TARGET_SECONDS ? "met" : "NOT met",
      ],
      ...(s.fresh
        ? [
            ["fresh clone: npm ci", s.fresh.npmCiSeconds.toFixed(1), "–", "reported"],
            ["fresh clone: first start (builds)", s.fresh.firstStart.seconds.toFixed(1), "yes", "reported"],
          ]
        : []),
    ],
  );
}

/** A clone of the committed HEAD in a temporary folder: `npm ci`, then the first `npm start`. */
async function runFreshClone(): Promise<NonNullable<StartBench["fresh"]>> {
  const dir = mkdtempSync(path.join(tmpdir(), "atelier-fresh-"));
  try {
    const clone = path.join(dir, "atelier");
    const git = await runCommand("git clone", "git", ["clone", "--quiet", process.cwd(), clone]);
    if (git.code !== 0) throw new Error(`git clone failed:\n${tail(git.output, 10)}`);
    log(`cloned into ${clone}; npm ci…`);
    const t = performance.now();
    const ci = await runCommand("npm ci", "npm", ["ci", "--no-audit", "--no-fund"], {
      cwd: clone,
      timeoutMs: 1_800_000,
    });
    if (ci.code !== 0) throw new Error(`npm ci failed (${ci.code}):\n${tail(ci.output, 20)}`);
    const npmCiSeconds = (performance.now() - t) / 1000;
    log(`npm ci: ${npmCiSeconds.toFixed(0)} s; first npm start (builds the app)…`);
    // The clone builds into its own .next (not this checkout's NEXT_DIST_DIR).
    const env: NodeJS.ProcessEnv = { ...process.env, NEXT_DIST_DIR: undefined };
    const firstStart = await timeStart("npm start (fresh clone)", clone, ".data", 1_800_000, env);
    return { npmCiSeconds, firstStart, clone: "git clone of HEAD into a temporary folder" };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
