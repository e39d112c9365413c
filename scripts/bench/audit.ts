/**
 * The audit page's database work with a large log: N hash-chained entries in an in-memory PGlite (written in bulk,
 * hashed exactly as `writeAudit` hashes), then what one view of /compliance/audit costs — the chain check from the
 * newest checkpoint after new entries were written, the first page with its total, the action list — against the
 * whole-chain walk that the page did on every view before checkpoints.
 *
 * Run by `npm run bench -- --only=audit` in a child process with the react-server condition (the page's query
 * module is server-only); alone: `tsx --conditions=react-server scripts/bench/audit.ts [entries]`. Prints one JSON
 * line on stdout.
 */
import { performance } from "node:perf_hooks";
import { verifyAuditChain, writeAudit } from "../../lib/audit";
import { listAudit, listAuditActions, parseAuditParams } from "../../lib/compliance/audit-query";
import { createDatabase, migrateDatabase } from "../../lib/db/connect";
import { appendAuditEntries } from "./audit-seed";

export type AuditBench = {
  entries: number;
  seedSeconds: number;
  fullWalkSeconds: number;
  /** Median over the runs: chain check after 20 new entries (from the checkpoint). */
  incrementalMs: number;
  firstPageMs: number;
  actionsMs: number;
  filteredPageMs: number;
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

export async function benchAudit(entries: number, log: (s: string) => void = () => {}): Promise<AuditBench> {
  const handle = await createDatabase();
  try {
    const db = handle.db;
    await migrateDatabase(db);
    const seedSeconds = await appendAuditEntries(db, entries, log);
    log(`seeded ${entries.toLocaleString("en")} entries in ${seedSeconds.toFixed(1)} s; walking the whole chain…`);
    const [full, fullMs] = await timed(() => verifyAuditChain(db, { full: true, batchSize: 5_000 }));
    if (!full.ok || full.count !== entries) throw new Error(`the seeded chain did not verify: ${JSON.stringify(full)}`);

    const incremental: number[] = [];
    for (let run = 0; run < 5; run++) {
      for (let k = 0; k < 20; k++)
        await writeAudit(db, {
          actor: "system",
          actorRole: "system",
          action: "bench.append",
          subjectType: "n",
          subjectId: String(k),
        });
      const [r, ms] = await timed(() => verifyAuditChain(db));
      if (!r.ok || r.checked !== 20) throw new Error(`incremental check: ${JSON.stringify(r)}`);
      incremental.push(ms);
    }
    const page = async (raw: Record<string, string>) =>
      median(await repeat(() => listAudit(db, parseAuditParams(raw))));
    const repeat = async (fn: () => Promise<unknown>) => {
      const out: number[] = [];
      for (let i = 0; i < 5; i++) out.push((await timed(fn))[1]);
      return out;
    };
    return {
      entries,
      seedSeconds,
      fullWalkSeconds: fullMs / 1000,
      incrementalMs: median(incremental),
      firstPageMs: await page({}),
      actionsMs: median(await repeat(() => listAuditActions(db))),
      filteredPageMs: await page({ action: "kyc.approve", investor: "inv-42" }),
    };
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const entries = Number(process.argv[2] ?? 1_000_000);
  benchAudit(entries, (s) => console.error(s))
    .then((r) => {
      console.log(JSON.stringify(r));
      process.exit(0);
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exit(1);
    });
}
