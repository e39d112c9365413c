import "server-only";

import { randomUUID } from "node:crypto";
import { primaryOfferingAbi } from "@/lib/chain/abis";
import { getDeployments, getPublicClient } from "@/lib/chain/server";
import { getDb } from "@/lib/db";
import { getServerEnv } from "@/lib/env";
import {
  createSmtpSender,
  defaultMailSettings,
  drainOutbox,
  notifyOpenedOfferings,
  type OfferingState,
  type SendEmail,
} from "@/lib/notifications";
import { recordJobRun } from "./runs";

/*
 * The notification jobs of one instance, on timers (every instance runs them; both are safe to run at once):
 * - the outbox: due emails are claimed (FOR UPDATE SKIP LOCKED, leased) and sent through SMTP_URL, every 5 s;
 * - offerings opening for followers: every 30 s (lib/notifications/follows.ts says why a periodic check).
 * Without SMTP_URL nothing is sent: the emails wait in the outbox (said once in the log).
 */
const OUTBOX_EVERY_MS = 5_000;
const OFFERINGS_EVERY_MS = 30_000;
const WORKER_ID = `web-${process.pid}-${randomUUID().slice(0, 8)}`;
const globalForJobs = globalThis as unknown as { __atelierNotificationJobs?: NodeJS.Timeout[] };

let sender: SendEmail | null | undefined;
function smtpSender(): SendEmail | null {
  if (sender !== undefined) return sender;
  const env = getServerEnv();
  if (!env.mail.smtpUrl) {
    console.log("[notifications] SMTP_URL is not set: emails wait in the outbox until it is");
    sender = null;
  } else {
    sender = createSmtpSender({ smtpUrl: env.mail.smtpUrl, from: env.mail.from, ...defaultMailSettings() });
  }
  return sender;
}

/** One pass of the outbox (exported for the tests of a whole stack). */
export async function runOutboxOnce(): Promise<{ sent: number; failed: number }> {
  const send = smtpSender();
  if (!send) return { sent: 0, failed: 0 };
  return drainOutbox(await getDb(), { send, workerId: WORKER_ID, limit: 20 });
}

/** A pass that sent or failed something is recorded for the health page, and an idle one at most every 5 minutes. */
const RECORD_IDLE_EVERY_MS = 5 * 60_000;
let lastRecordedAt = 0;

async function runOutboxRecorded(): Promise<{ sent: number; failed: number }> {
  const startedAt = new Date();
  try {
    const result = await runOutboxOnce();
    if (result.sent + result.failed > 0 || startedAt.getTime() - lastRecordedAt >= RECORD_IDLE_EVERY_MS) {
      lastRecordedAt = startedAt.getTime();
      await recordJobRun(await getDb(), { job: "notifications", startedAt, ok: true, detail: result });
    }
    return result;
  } catch (error) {
    // The first line of the error, without any email address it may quote (the health page is no place for them).
    const message = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 300);
    await getDb()
      .then((db) =>
        recordJobRun(db, {
          job: "notifications",
          startedAt,
          ok: false,
          detail: { error: message.replace(/[^\s<>@]+@[^\s<>@]+/g, "<address>") },
        }),
      )
      .catch(() => null);
    throw error;
  }
}

/** The offerings of followed artworks as the chain says now (one multicall). */
async function readOfferings(ids: bigint[]): Promise<Map<string, OfferingState>> {
  const client = getPublicClient();
  const { primaryOffering } = getDeployments();
  const results = await Promise.all(
    ids.map((id) =>
      client
        .readContract({ address: primaryOffering, abi: primaryOfferingAbi, functionName: "offering", args: [id] })
        .then((o) => [id.toString(), o] as const)
        .catch(() => null),
    ),
  );
  const states = new Map<string, OfferingState>();
  for (const r of results) {
    if (!r) continue;
    const o = r[1] as unknown as { status: number; terms: { start: bigint } };
    states.set(r[0], { status: Number(o.status), start: o.terms.start });
  }
  return states;
}

export async function runOfferingCheckOnce(): Promise<number> {
  return notifyOpenedOfferings(await getDb(), { readOfferings });
}

function every(name: string, ms: number, run: () => Promise<unknown>): NodeJS.Timeout {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    run()
      .catch((error: unknown) =>
        console.error(`[notifications] ${name} failed:`, error instanceof Error ? error.message : error),
      )
      .finally(() => {
        busy = false;
      });
  }, ms);
  timer.unref();
  return timer;
}

/** Starts both timers once per process. */
export function startNotificationJobs(): void {
  if (globalForJobs.__atelierNotificationJobs) return;
  globalForJobs.__atelierNotificationJobs = [
    every("outbox", OUTBOX_EVERY_MS, runOutboxRecorded),
    every("offering check", OFFERINGS_EVERY_MS, runOfferingCheckOnce),
  ];
}
