/**
 * Section 12 (issue 17, "Large lists"): every list a person can make long is paged and no page exceeds 200 kB of HTML.
 * On the bench chain and database: an investor with 5,000 open bids (her open orders and her portfolio history — a
 * row per order placed), 10,000 KYC applications waiting in the queue, and 1,000,000 more audit entries (checkpointed
 * as the daily housekeeping does); then each page is served by the app as the person who uses it. The holder register
 * (100,000 holders) is the register section's; the closing table takes its figures from there.
 */
import { randomUUID } from "node:crypto";
import { createPublicClient, http } from "viem";
import { verifyAuditChain } from "../../../lib/audit";
import * as schema from "../../../lib/db/schema";
import { syncToHead } from "../../../lib/indexer/projections";
import { appendAuditEntries } from "../audit-seed";
import { fmt, kB, log, printTable } from "../lib";
import { MARKET_SLUG, measurePage, MEI, placeOpenOrders, sessionCookie } from "../market";
import { startWeb, stopWeb, withDatabase, type Stack } from "../stack";
import { GRACE, ports, quick, summary } from "./context";

/** Issue 17: no page exceeds 200 kB of HTML. */
export const LIST_HTML_TARGET_BYTES = 200 * 1024;

export type ListPage = {
  list: string;
  /** How long the list is. */
  rows: number;
  path: string;
  status: number;
  htmlBytes: number;
  coldMs: number;
  warmMs: number;
};
export type ListsBench = { pages: ListPage[]; seedSeconds: { orders: number; kyc: number; audit: number } };

const sizes = () =>
  quick ? { bids: 500, kyc: 1_000, audit: 100_000 } : { bids: 5_000, kyc: 10_000, audit: 1_000_000 };

/** `count` submitted KYC applications (an investor each), oldest first, written 1,000 per statement. */
async function seedKycQueue(stack: Stack, count: number): Promise<void> {
  await withDatabase(stack.env, async (db) => {
    const t0 = Date.UTC(2026, 0, 1);
    for (let i = 0; i < count; i += 1_000) {
      const n = Math.min(1_000, count - i);
      const ids = Array.from({ length: n }, () => randomUUID());
      await db.insert(schema.investors).values(
        ids.map((id, k) => ({
          id,
          legalName: `Bench Applicant ${i + k}`,
          residence: "HK",
          category: "retail" as const,
        })),
      );
      await db.insert(schema.kycApplications).values(
        ids.map((investorId, k) => ({
          investorId,
          wallet: `0x${(0xbe0000 + i + k).toString(16).padStart(40, "0")}`,
          status: "submitted" as const,
          submittedAt: new Date(t0 + (i + k) * 60_000),
        })),
      );
    }
  });
}

/** The database work, done while the app is stopped (PGlite allows one process). */
async function seedLists(stack: Stack, n: ReturnType<typeof sizes>): Promise<ListsBench["seedSeconds"]> {
  const t = performance.now();
  log(`placing ${fmt(n.bids * 2)} open orders (half of them mei's bids)…`);
  const placed = await placeOpenOrders(stack, n.bids * 2);
  log(`placed ${fmt(placed.asks)} asks and ${fmt(placed.bids)} bids in ${placed.seconds.toFixed(1)} s`);
  const orders = (performance.now() - t) / 1000;
  await stopWeb(stack);
  const s = stack;
  const synced = await withDatabase(s.env, (db) =>
    syncToHead({
      db,
      client: createPublicClient({ transport: http(s.chain.url, { timeout: 120_000 }) }),
      contracts: s.deployment,
      confirmations: 0,
    }),
  );
  log(`indexer caught up to block ${synced.cursor} (${fmt(synced.inserted)} new events)`);
  const tk = performance.now();
  await seedKycQueue(stack, n.kyc);
  const kyc = (performance.now() - tk) / 1000;
  log(`${fmt(n.kyc)} KYC applications written in ${kyc.toFixed(1)} s; appending ${fmt(n.audit)} audit entries…`);
  const audit = await withDatabase(stack.env, async (db) => {
    const seconds = await appendAuditEntries(db, n.audit, log);
    // The daily housekeeping's full walk leaves a checkpoint at the head: a view checks only what came after it.
    const walk = await verifyAuditChain(db, { full: true, batchSize: 5_000 });
    if (!walk.ok) throw new Error(`the audit chain did not verify after the bulk append: ${JSON.stringify(walk)}`);
    return seconds;
  });
  log(`audit entries written in ${audit.toFixed(1)} s and checkpointed`);
  await startWeb(stack, ports.web);
  return { orders, kyc, audit };
}

export async function runLists(stack: Stack): Promise<void> {
  const n = sizes();
  const seedSeconds = await seedLists(stack, n);
  const investor = await sessionCookie(stack, MEI);
  const officer = await sessionCookie(stack, GRACE);
  const lists: { list: string; rows: number; path: string; cookie: string }[] = [
    { list: "open orders (mei's bids)", rows: n.bids, path: `/artworks/${MARKET_SLUG}/trade`, cookie: investor },
    { list: "portfolio history (mei)", rows: n.bids, path: "/portfolio", cookie: investor },
    { list: "KYC queue", rows: n.kyc, path: "/compliance/kyc", cookie: officer },
    { list: "audit log", rows: n.audit, path: "/compliance/audit", cookie: officer },
  ];
  const renders = quick ? 2 : 3;
  const pages: ListPage[] = [];
  for (const l of lists) {
    log(`measuring ${l.path} (${l.list}, ${fmt(l.rows)}): 1 warm-up + ${renders} cold + ${renders} warm renders`);
    const r = await measurePage(stack, l.path, { renders, cookie: l.cookie });
    if (r.status !== 200) summary.errors.push({ section: "lists", message: `${l.path} answered ${r.status}, not 200` });
    pages.push({
      list: l.list,
      rows: l.rows,
      path: l.path,
      status: r.status,
      htmlBytes: r.htmlBytes,
      coldMs: r.coldMs,
      warmMs: r.warmMs,
    });
  }
  summary.lists = { pages, seedSeconds };
  printTable(
    `Large lists: the first page of each, as the person who uses it (median of ${renders}; target ≤ ${kB(LIST_HTML_TARGET_BYTES)} of HTML)`,
    ["list", "rows", "page", "status", "HTML", "target", "cold ms", "warm ms"],
    pages.map((p) => [
      p.list,
      fmt(p.rows),
      p.path,
      p.status,
      kB(p.htmlBytes),
      p.htmlBytes <= LIST_HTML_TARGET_BYTES ? "met" : "NOT met",
      fmt(p.coldMs),
      fmt(p.warmMs),
    ]),
  );
}
