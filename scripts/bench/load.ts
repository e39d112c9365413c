/**
 * Section 9: mixed traffic. autocannon at 50 connections on loopback cycles through the catalogue, an artwork page,
 * the signed-in portfolio (each connection its own investor session) and the sign-in page, for 60 s (10 s with
 * --quick), then keeps the same traffic going for the soak (10 minutes; `--soak=N` minutes, 0 to skip) and
 * compares the app's memory (resident set of the `next start` process group) after the first minute and at the end.
 * Errors (connection errors), timeouts and non-2xx answers are counted, for the 60 s run and the soak apart; latencies
 * are reported, not judged. A soak on a busy machine (see its load average) says little about memory or errors.
 */
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import autocannon, { type Options, type Request, type Result } from "autocannon";
import { log } from "./lib";

export type MixedLoad = {
  connections: number;
  seconds: number;
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  max: number;
  /** Connection errors and timeouts (30 s) of the 60 s run alone. */
  errors: number;
  timeouts: number;
  /** Answers other than 2xx (3xx redirects of the mix are not expected: every path answers 200). */
  non2xx: number;
  /** The soak's own counts (kept apart from the 60 s run's), and the machine's load at its end (noise). */
  soak: {
    minutes: number;
    rssAfterFirstMinuteMiB: number;
    rssAtEndMiB: number;
    driftPercent: number;
    requests: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    loadAverageAtEnd: number;
  } | null;
};

/** Resident memory of a process and all its descendants, in MiB (Linux /proc). */
export function groupRssMiB(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid …; comm may hold spaces and parentheses: read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      /* gone */
    }
  }
  const inGroup = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = parents.get(p) ?? 0, hops++) if (p === rootPid) return true;
    return false;
  };
  let kib = 0;
  for (const pid of parents.keys()) {
    if (!inGroup(pid)) continue;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      kib += m ? Number(m[1]) : 0;
    } catch {
      /* gone */
    }
  }
  return kib / 1024;
}

function run(opts: Options): Promise<Result> {
  return autocannon(opts);
}

export async function mixedLoad(opts: {
  origin: string;
  artworkPath: string;
  /** One session cookie per investor; connections take them in turn. */
  cookies: string[];
  seconds: number;
  soakMinutes: number;
  connections: number;
  webPid: number;
}): Promise<MixedLoad> {
  const { origin, artworkPath, cookies, connections } = opts;
  let next = 0;
  const requests: Request[] = [
    { method: "GET", path: "/" },
    { method: "GET", path: artworkPath },
    {
      method: "GET",
      path: "/portfolio",
      // Each request of the cycle signs in as the next investor (many sessions, not one hot cookie).
      setupRequest: (req: Request) => ({
        ...req,
        headers: { ...req.headers, cookie: cookies[next++ % cookies.length]! },
      }),
    },
    { method: "GET", path: "/sign-in" },
  ];
  const base = { url: origin, connections, requests, timeout: 30 };
  await run({ ...base, connections: 4, amount: 40 });
  log(`mixed traffic: ${connections} connections for ${opts.seconds} s (/, ${artworkPath}, /portfolio, /sign-in)…`);
  const r = await run({ ...base, duration: opts.seconds });
  const result: MixedLoad = {
    connections,
    seconds: opts.seconds,
    requests: r.requests.total,
    reqPerSec: r.requests.mean,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    soak: null,
  };
  if (opts.soakMinutes > 0) {
    log(`soak: the same traffic for ${opts.soakMinutes} minute(s), memory of the app after the first and the last`);
    const counts = { requests: 0, errors: 0, timeouts: 0, non2xx: 0 };
    const add = (x: Result) => {
      counts.requests += x.requests.total;
      counts.errors += x.errors;
      counts.timeouts += x.timeouts;
      counts.non2xx += x.non2xx;
    };
    add(await run({ ...base, duration: 60 }));
    const first = groupRssMiB(opts.webPid);
    log(`  after the first minute: ${first.toFixed(0)} MiB`);
    for (let minute = 2; minute <= opts.soakMinutes; minute++) {
      const s = await run({ ...base, duration: 60 });
      add(s);
      log(`  minute ${minute}: ${groupRssMiB(opts.webPid).toFixed(0)} MiB, ${s.requests.total} requests`);
    }
    const end = groupRssMiB(opts.webPid);
    result.soak = {
      minutes: opts.soakMinutes,
      rssAfterFirstMinuteMiB: first,
      rssAtEndMiB: end,
      driftPercent: ((end - first) / first) * 100,
      ...counts,
      loadAverageAtEnd: Math.round(loadavg()[0]! * 100) / 100,
    };
  }
  return result;
}
