/**
 * Faults, double submission (issue 12, suite 2, "every action submitted twice at once"): the steps a person starts
 * with one click — a double click, two tabs, a retry racing the first request — have their effect exactly once, and
 * the second call gets an answer in words, never a server error. On PostgreSQL when one answers (real concurrent
 * transactions on separate connections), else on PGlite (which runs them one after the other).
 *
 * Steps that verify a signed transaction (deploy, purchase, orders, distributions, agent actions, role changes) are
 * once-only by their transaction hash and are shown in `double-submit.db.test.ts`, `distribution.db.test.ts`,
 * `lifecycle.db.test.ts` and `reconcile.db.test.ts`; this file covers the database-only steps.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/connect";
import {
  artworkFollows,
  artworks,
  auditLog,
  investorWallets,
  kycApplications,
  walletLinkRequests,
  walletUnlinkRequests,
} from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/db/testing";
import { getInvestorByWallet, linkWallet } from "@/lib/investors";
import { createListing, ListingError, submitListing } from "@/lib/issuer/listings";
import { reviewListing } from "@/lib/issuer/listing-review";
import { startApplication } from "@/lib/kyc/onboarding";
import { startLinkRequest } from "@/lib/kyc/wallet-links";
import { requestUnlink } from "@/lib/kyc/wallet-unlinks";
import { setFollow } from "@/lib/notifications/follows";
import { createLocalStorage } from "@/lib/storage/local";
import { createProxiedDatabase, postgresAnswers } from "./postgres";
import { listingFormInput } from "@/lib/issuer/listing-fixture";

const onPostgres = await postgresAnswers();
const ISSUER = "0x90f79bf6eb2c4f870365e785982e1f101e93b906";
const OFFICER = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

let h: DatabaseHandle;
let dataDir: string;

/** What a call ended with: "ok", a refusal's code, or the error that would have reached the person as "unavailable". */
const outcome = (p: Promise<unknown>) =>
  p.then(
    (r) =>
      r && typeof r === "object" && "ok" in r && r.ok === false
        ? String((r as unknown as { code: unknown }).code)
        : "ok",
    (e: unknown) => (e instanceof ListingError ? e.code : `error: ${e instanceof Error ? e.message : String(e)}`),
  );

const twice = <T>(call: () => Promise<T>) => Promise.all([outcome(call()), outcome(call())]);

let walletCounter = 0;
const freshWallet = () => `0x${(0xd0b1e5000000 + ++walletCounter).toString(16).padStart(40, "0")}`;

const audits = (action: string, subjectId?: string) =>
  h.db
    .select()
    .from(auditLog)
    .where(
      subjectId ? and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)) : eq(auditLog.action, action),
    );

async function draftListing() {
  return createListing(h.db, {
    issuer: ISSUER,
    input: listingFormInput({
      title: "Twice at Once",
      artist: "Lam Wing-sze",
      year: "2019",
      descriptionMd: "Two clicks, one effect.",
    }),
  });
}

beforeAll(async () => {
  h = onPostgres ? await createProxiedDatabase() : await createTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), "atelier-double-"));
}, 60_000);

afterAll(async () => {
  await h?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe(`faults: database steps submitted twice at once (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("a new wallet's 'Start application' twice: one investor record, one application, both sent to the same step", async () => {
    const wallet = freshWallet();
    const results = await Promise.all([
      startApplication(h.db, { address: wallet }),
      startApplication(h.db, { address: wallet }),
    ]);
    expect(results[0]).toEqual(results[1]);
    const links = await h.db.select().from(investorWallets).where(eq(investorWallets.address, wallet));
    expect(links).toHaveLength(1);
    const investor = await getInvestorByWallet(h.db, { address: wallet });
    const apps = await h.db.select().from(kycApplications).where(eq(kycApplications.investorId, investor!.id));
    expect(apps).toHaveLength(1);
    expect(await audits("investor.create", investor!.id)).toHaveLength(1);
    expect(await audits("kyc.application.create", apps[0]!.id)).toHaveLength(1);
  });

  it("a new application after a rejection, started twice: one new draft", async () => {
    const wallet = freshWallet();
    await startApplication(h.db, { address: wallet });
    const investor = await getInvestorByWallet(h.db, { address: wallet });
    await h.db.update(kycApplications).set({ status: "rejected" }).where(eq(kycApplications.investorId, investor!.id));
    const results = await Promise.all([
      startApplication(h.db, { address: wallet }),
      startApplication(h.db, { address: wallet }),
    ]);
    expect(results[0]).toEqual(results[1]);
    const drafts = await h.db
      .select()
      .from(kycApplications)
      .where(and(eq(kycApplications.investorId, investor!.id), eq(kycApplications.status, "draft")));
    expect(drafts).toHaveLength(1);
  });

  it("a listing submitted for review twice: submitted once, audited once, the other told it is already in review", async () => {
    const listing = await draftListing();
    await h.db
      .update(artworks)
      .set({ images: [{ src: "artworks/x/1.jpg", alt: "front" }] as never })
      .where(eq(artworks.id, listing.id));
    const results = await twice(() => submitListing(h.db, { id: listing.id, issuer: ISSUER }));
    expect([...results].sort()).toEqual(["not_submittable", "ok"]);
    expect(await audits("listing.submit", listing.id)).toHaveLength(1);
  });

  it("a listing approved by two officers at once: one decision, one audit entry, one notice to the issuer", async () => {
    const listing = await draftListing();
    await h.db.update(artworks).set({ status: "submitted" }).where(eq(artworks.id, listing.id));
    const storage = createLocalStorage(dataDir);
    const results = await twice(() =>
      reviewListing(h.db, {
        id: listing.id,
        reviewer: OFFICER,
        reviewerRole: "compliance",
        decision: "approve",
        comment: null,
        appOrigin: "http://127.0.0.1:3000",
        storage,
      }),
    );
    expect([...results].sort()).toEqual(["not_reviewable", "ok"]);
    expect(await audits("listing.approve", listing.id)).toHaveLength(1);
  });

  it("'Follow this artwork' twice: one follow", async () => {
    const wallet = freshWallet();
    await startApplication(h.db, { address: wallet });
    const investor = await getInvestorByWallet(h.db, { address: wallet });
    const listing = await draftListing();
    const results = await twice(() =>
      setFollow(h.db, { investorId: investor!.id, artworkId: listing.id, follow: true }),
    );
    expect(results).toEqual(["ok", "ok"]);
    const rows = await h.db.select().from(artworkFollows).where(eq(artworkFollows.investorId, investor!.id));
    expect(rows).toHaveLength(1);
  });

  it("'Link another wallet' started twice: one open request, both answered with it", async () => {
    const wallet = freshWallet();
    await startApplication(h.db, { address: wallet });
    const investor = (await getInvestorByWallet(h.db, { address: wallet }))!;
    const start = () => startLinkRequest(h.db, { investor, wallet, chainId: 31337, origin: "http://127.0.0.1:3000" });
    const [a, b] = await Promise.all([start(), start()]);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.request.id).toBe(b.request.id);
    const open = await h.db.select().from(walletLinkRequests).where(eq(walletLinkRequests.investorId, investor.id));
    expect(open).toHaveLength(1);
    expect(await audits("wallet_link.start", investor.id)).toHaveLength(1);
  });

  it("'Unlink this wallet' asked twice: one request, the other told it is already asked", async () => {
    const wallet = freshWallet();
    const other = freshWallet();
    await startApplication(h.db, { address: wallet });
    const investor = (await getInvestorByWallet(h.db, { address: wallet }))!;
    await linkWallet(h.db, { investorId: investor.id, address: other });
    const results = await twice(() => requestUnlink(h.db, { investorId: investor.id, wallet, target: other }));
    expect([...results].sort()).toEqual(["already_requested", "ok"]);
    const rows = await h.db.select().from(walletUnlinkRequests).where(eq(walletUnlinkRequests.investorId, investor.id));
    expect(rows).toHaveLength(1);
    expect(await audits("wallet_unlink.request", investor.id)).toHaveLength(1);
  });
});
