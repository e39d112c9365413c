/**
 * Section 9: 60 s of mixed traffic (catalogue, artwork page, signed-in portfolio, sign-in page) at 50 connections:
 * errors, p50/p99; then a soak (--soak=10 minutes by default, 0 to skip): memory drift.
 */
import { mnemonicToAccount } from "viem/accounts";
import { fmt, log, printTable } from "../lib";
import { mixedLoad } from "../load";
import { sessionCookie } from "../market";
import type { Stack } from "../stack";
import { DEV_MNEMONIC, quick, soakMinutes, summary } from "./context";

export async function runLoad(stack: Stack, artworkPath: string): Promise<void> {
  if (!stack.web?.proc.pid) throw new Error("the app is not running");
  // The seeded investors (anvil accounts 5–11), each with a session of their own.
  const cookies = await Promise.all(
    [5, 6, 7, 8, 9, 10, 11].map((i) =>
      sessionCookie(stack, mnemonicToAccount(DEV_MNEMONIC, { addressIndex: i }).address),
    ),
  );
  const r = await mixedLoad({
    origin: stack.origin,
    artworkPath,
    cookies,
    seconds: quick ? 10 : 60,
    soakMinutes,
    connections: 50,
    webPid: stack.web.proc.pid,
  });
  summary.load = r;
  printTable(
    `Mixed traffic, ${r.connections} connections, ${r.seconds} s (/, artwork, signed-in portfolio, sign-in page)`,
    ["requests", "req/s", "p50 ms", "p99 ms", "max ms", "errors", "timeouts", "non-2xx"],
    [
      [
        fmt(r.requests),
        fmt(r.reqPerSec, 1),
        fmt(r.p50),
        fmt(r.p99),
        fmt(r.max),
        fmt(r.errors),
        fmt(r.timeouts),
        fmt(r.non2xx),
      ],
    ],
  );
  if (r.soak)
    log(
      `soak ${r.soak.minutes} min: memory ${r.soak.rssAfterFirstMinuteMiB.toFixed(0)} MiB after the first minute → ${r.soak.rssAtEndMiB.toFixed(0)} MiB at the end (${r.soak.driftPercent >= 0 ? "+" : ""}${r.soak.driftPercent.toFixed(1)}%); ${r.soak.requests} requests, ${r.soak.errors} errors, ${r.soak.timeouts} timeouts, ${r.soak.non2xx} non-2xx; load average at the end ${r.soak.loadAverageAtEnd}`,
    );
}
