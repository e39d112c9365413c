/**
 * Notifications on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL), the parts added to finish the
 * domain: a platform role granted or revoked tells the person (from the indexer's projection, once per event, in their
 * language, per their preferences); one function decides whether a person wants an email, at queueing and at
 * sending; the outbox's retention; the unsubscribe link's own key (a session-secret rotation keeps it working, a forged
 * token is refused); followers settled once told, so each is told once per offering and nothing stays pending.
 */
import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { platformRolesProjection } from "@/lib/admin/projection";
import { ROLE_IDS } from "@/lib/admin/platform-roles";
import { artworkFollows, artworks, notificationOutbox, notifications, offerings, profiles } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { resetServerEnv } from "@/lib/env";
import type { IndexedEvent } from "@/lib/indexer/projection";
import {
  defaultMailSettings,
  deleteOldOutboxRows,
  drainOutbox,
  emailWanted,
  listNotifications,
  notify,
  notifyOpenedOfferings,
  savePreferences,
  setFollow,
  unsubscribe,
  unsubscribeToken,
  verifyUnsubscribeToken,
  walletRecipient,
  type MailSettings,
  type OfferingState,
} from "./index";
import { notificationPeople } from "./test-fixture";

let t: TestDatabase;
const settings: MailSettings = { appOrigin: "https://atelier.example", unsubscribeSecret: "u".repeat(40) };
const { wallet, investorWithEmail, outboxOf, count } = notificationPeople(() => t.db, "b");
const all = { kyc: true, orders: true, listings: true, offerings: true, holdings: true, roles: true };

const notificationsOf = (recipient: string) =>
  t.db.select().from(notifications).where(eq(notifications.recipient, recipient)).orderBy(notifications.createdAt);

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  resetServerEnv();
  await t?.close();
});
beforeEach(() => {
  vi.unstubAllEnvs();
  vi.stubEnv("APP_ORIGIN", settings.appOrigin);
  vi.stubEnv("UNSUBSCRIBE_SECRET", settings.unsubscribeSecret);
  resetServerEnv();
});

describe("a platform role granted or revoked", () => {
  const contracts = {
    identityRegistry: "0x00000000000000000000000000000000000000a1",
    shareTokenFactory: "0x00000000000000000000000000000000000000a2",
    enforcementDesk: "0x00000000000000000000000000000000000000a3",
  } as const;
  let block = 100n;
  const roleEvent = (
    name: "RoleGranted" | "RoleRevoked",
    contract: string,
    role: string,
    account: string,
  ): IndexedEvent => ({
    blockNumber: ++block,
    blockHash: `0x${block.toString(16).padStart(64, "0")}`,
    blockTime: new Date(),
    txHash: `0x${block.toString(16).padStart(64, "f")}`,
    logIndex: 3,
    contract,
    token: null,
    orderId: null,
    eventName: name,
    args: { role, account, sender: "0x00000000000000000000000000000000000000ad" },
  });
  const apply = (kind: "live" | "backfill" | "rescan", events: IndexedEvent[]) =>
    platformRolesProjection.apply(t.db, { kind, events, inserted: events, through: block, prepared: contracts });

  it("tells the officer once, in their language, with the console to open; a revoke sends them home", async () => {
    const officer = wallet();
    await t.db.insert(profiles).values({ address: officer, displayName: "Grace", email: "grace@atelier.hk" });
    await savePreferences(t.db, { address: officer, locale: "zh-HK", email: all });
    const granted = roleEvent("RoleGranted", contracts.identityRegistry, ROLE_IDS.identityAgent, officer);
    await apply("live", [granted]);
    await apply("live", [granted]); // a batch applied again (a re-read after a crash)
    const recipient = walletRecipient(officer);
    const [grant] = await notificationsOf(recipient);
    expect(grant).toMatchObject({ kind: "role_granted", link: "/compliance", params: { role: "identityAgent" } });
    const [email] = await outboxOf(grant!.id);
    expect(email).toMatchObject({ email: "grace@atelier.hk", locale: "zh-HK" });
    expect(email!.subject).toBe("Atelier: 你現已成為合規主任（身份登記冊）");
    expect(email!.text).toContain("https://atelier.example/compliance");

    await apply("live", [roleEvent("RoleRevoked", contracts.identityRegistry, ROLE_IDS.identityAgent, officer)]);
    const list = await listNotifications(t.db, { address: officer, locale: "en" });
    expect(list.map((n) => [n.title, n.link])).toEqual([
      ["Your role as compliance officer (identity registry) was revoked", "/"],
      ["You are now a compliance officer (identity registry)", "/compliance"],
    ]);
  });

  it("an issuer is sent to the issuer console; re-read history and roles that are not the platform's tell nobody", async () => {
    const issuer = wallet();
    await t.db.insert(profiles).values({ address: issuer, displayName: "Lumen", email: "ops@lumen.hk" });
    // A backfill or rescan re-reads history: nobody is told of a past change again.
    await apply("backfill", [roleEvent("RoleGranted", contracts.shareTokenFactory, ROLE_IDS.issuer, issuer)]);
    await apply("rescan", [roleEvent("RoleGranted", contracts.shareTokenFactory, ROLE_IDS.issuer, issuer)]);
    // The factory's own admin role is no platform role.
    await apply("live", [roleEvent("RoleGranted", contracts.shareTokenFactory, ROLE_IDS.admin, issuer)]);
    expect(await notificationsOf(walletRecipient(issuer))).toEqual([]);
    await apply("live", [roleEvent("RoleGranted", contracts.shareTokenFactory, ROLE_IDS.issuer, issuer)]);
    const [n] = await listNotifications(t.db, { address: issuer, locale: "en" });
    expect(n).toMatchObject({ title: "You are now an issuer", link: "/issuer" });
    expect(n!.body).toContain("issuer console");
  });

  it("per the person's preferences: roles turned off by email is told in the portal only", async () => {
    const agent = wallet();
    await t.db.insert(profiles).values({ address: agent, displayName: "Marcus", email: "marcus@atelier.hk" });
    await savePreferences(t.db, { address: agent, locale: "en", email: { ...all, roles: false } });
    await apply("live", [roleEvent("RoleGranted", contracts.enforcementDesk, ROLE_IDS.enforcementAgent, agent)]);
    const [n] = await notificationsOf(walletRecipient(agent));
    expect(n).toMatchObject({ kind: "role_granted", link: "/compliance" });
    expect(await outboxOf(n!.id)).toEqual([]);
  });
});

describe("one decision: does this person want this email", () => {
  const fill = { artwork: "Jade", side: "ask", shares: 2, remaining: 0 };
  it("answers the queue and the send alike: turned off after queueing, the email is withdrawn", async () => {
    await t.db.delete(notificationOutbox);
    const { address, recipient } = await investorWithEmail("priya@example.sg");
    expect(await emailWanted(t.db, recipient, "order_filled")).toEqual({ email: "priya@example.sg", locale: "en" });
    const queued = await notify(
      t.db,
      { recipient, kind: "order_filled", params: fill, link: "/portfolio", dedupeKey: `want-${count()}` },
      settings,
    );
    expect(await outboxOf(queued!)).toHaveLength(1);
    await savePreferences(t.db, { address, locale: "zh-HK", email: { ...all, orders: false } });
    expect(await emailWanted(t.db, recipient, "order_filled")).toBeNull();
    expect(await emailWanted(t.db, recipient, "kyc_approved")).toEqual({ email: "priya@example.sg", locale: "zh-HK" });
    // Queued while wanted, no longer wanted when sent: the outbox asks the same function and withdraws it.
    const sent: string[] = [];
    await drainOutbox(t.db, { send: async (e) => void sent.push(e.email), workerId: "w-want" });
    expect(sent).toEqual([]);
    const [row] = await outboxOf(queued!);
    expect(row).toMatchObject({ sentAt: null, lastError: "withdrawn: no longer wanted by email" });
    // And the queue asks it too: nothing is written for a kind turned off, nor for a person with no address.
    const later = await notify(
      t.db,
      { recipient, kind: "order_partly_filled", params: fill, link: "/portfolio", dedupeKey: `want-b-${count()}` },
      settings,
    );
    expect(await outboxOf(later!)).toEqual([]);
    const silent = await investorWithEmail(null);
    expect(await emailWanted(t.db, silent.recipient, "kyc_approved")).toBeNull();
  });
});

describe("the outbox's retention", () => {
  it("deletes sent emails after 30 days and given-up ones after 90, with their address and body; waiting ones stay", async () => {
    await t.db.delete(notificationOutbox);
    const now = new Date("2027-06-01T00:00:00Z");
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const row = (over: Partial<typeof notificationOutbox.$inferInsert>) => ({
      email: "kept@example.hk",
      locale: "en",
      subject: "s",
      text: "t",
      html: "h",
      createdAt: daysAgo(200),
      ...over,
    });
    await t.db
      .insert(notificationOutbox)
      .values([
        row({ email: "sent-old@example.hk", sentAt: daysAgo(31) }),
        row({ sentAt: daysAgo(29) }),
        row({ email: "failed-old@example.hk", failedAt: daysAgo(91), lastError: "550" }),
        row({ failedAt: daysAgo(89), lastError: "550" }),
        row({ attempts: 3, nextAttemptAt: daysAgo(1) }),
      ]);
    expect(await deleteOldOutboxRows(t.db, { now })).toEqual({ sent: 1, failed: 1 });
    const left = await t.db.select({ email: notificationOutbox.email }).from(notificationOutbox);
    expect(left.map((r) => r.email)).toEqual(["kept@example.hk", "kept@example.hk", "kept@example.hk"]);
    expect(await deleteOldOutboxRows(t.db, { now })).toEqual({ sent: 0, failed: 0 });
  });
});

describe("the unsubscribe link's own key", () => {
  it("still works after the session secret is rotated; a forged token or another key's is refused", async () => {
    const { recipient } = await investorWithEmail();
    vi.stubEnv("SESSION_SECRET", "a".repeat(40));
    resetServerEnv();
    const id = await notify(t.db, {
      recipient,
      kind: "kyc_approved",
      link: "/onboarding",
      dedupeKey: `rot-${count()}`,
    });
    const [email] = await outboxOf(id!);
    const token = decodeURIComponent(/\/unsubscribe\?token=([^\s]+)/.exec(email!.text)![1]!);
    expect(token).toBe(unsubscribeToken(recipient, defaultMailSettings().unsubscribeSecret));
    // The session secret is not the key: a token signed with it (the old scheme) is refused.
    expect(verifyUnsubscribeToken(unsubscribeToken(recipient, "a".repeat(40)))).toBeNull();

    vi.stubEnv("SESSION_SECRET", "b".repeat(40)); // rotated: everyone is signed out, links keep working
    resetServerEnv();
    const other = await investorWithEmail();
    const forged = `${Buffer.from(other.recipient).toString("base64url")}.${token.split(".")[1]}`;
    expect(await unsubscribe(t.db, { token: forged })).toBeNull();
    expect(await unsubscribe(t.db, { token: unsubscribeToken(recipient, "c".repeat(40)) })).toBeNull();
    expect(await unsubscribe(t.db, { token })).toEqual({ recipient });

    vi.stubEnv("UNSUBSCRIBE_SECRET", "d".repeat(40)); // rotating the unsubscribe secret voids the links
    resetServerEnv();
    expect(verifyUnsubscribeToken(token)).toBeNull();
  });
});

describe("unsubscribe links of emails sent before the key of its own", () => {
  it("still work while the session secret that signed them stays, and stop when it is rotated", async () => {
    const { recipient } = await investorWithEmail();
    vi.stubEnv("SESSION_SECRET", "e".repeat(40));
    resetServerEnv();
    // The earlier scheme: HMAC-SHA256 of "atelier.unsubscribe.v1|<recipient>" under the session secret.
    const legacy = `${Buffer.from(recipient).toString("base64url")}.${createHmac("sha256", "e".repeat(40))
      .update(`atelier.unsubscribe.v1|${recipient}`)
      .digest("base64url")}`;
    expect(verifyUnsubscribeToken(legacy)).toBe(recipient);
    // An explicit key checks that key alone.
    expect(verifyUnsubscribeToken(legacy, defaultMailSettings().unsubscribeSecret)).toBeNull();
    vi.stubEnv("SESSION_SECRET", "f".repeat(40));
    resetServerEnv();
    expect(await unsubscribe(t.db, { token: legacy })).toBeNull();
    vi.stubEnv("SESSION_SECRET", "e".repeat(40));
    resetServerEnv();
    expect(await unsubscribe(t.db, { token: legacy })).toEqual({ recipient });
  });
});

describe("follows settle once told", () => {
  it("tells each follower once per offering, and a follow it is done with is never read again", async () => {
    const early = await investorWithEmail("early@example.hk");
    const [art] = await t.db
      .insert(artworks)
      .values({ slug: `lotus-${count()}`, issuerAddress: wallet(), title: "Lotus", artist: "D" })
      .returning();
    const first = `${7000 + count()}`;
    await t.db.insert(offerings).values({ artworkId: art!.id, onChainId: first });
    await setFollow(t.db, { investorId: early.investor.id, artworkId: art!.id, follow: true });
    const start = BigInt(Math.floor(Date.now() / 1000) + 3600);
    const states = new Map<string, OfferingState>([[first, { status: 0, start }]]);
    const asked: string[][] = [];
    const readOfferings = async (ids: bigint[]) => {
      asked.push(ids.map(String));
      return states;
    };
    const check = () => notifyOpenedOfferings(t.db, { readOfferings, settings });
    const settled = async (investorId: string) =>
      (await t.db.select().from(artworkFollows).where(eq(artworkFollows.investorId, investorId)))[0]!.settledThrough;

    expect(await check()).toBe(0); // upcoming: stays pending, asked again next time
    expect(await check()).toBe(0);
    expect(asked).toEqual([[first], [first]]);
    expect(await settled(early.investor.id)).toBeNull();

    states.set(first, { status: 1, start });
    // Someone who follows after it opened is never told of it: settled without a word.
    const late = await investorWithEmail("late@example.hk");
    await t.db
      .insert(artworkFollows)
      .values({ investorId: late.investor.id, artworkId: art!.id, createdAt: new Date(Number(start) * 1000 + 60_000) });
    expect(await check()).toBe(1);
    expect(await settled(early.investor.id)).not.toBeNull();
    expect(await settled(late.investor.id)).not.toBeNull();
    asked.length = 0;
    expect(await check()).toBe(0);
    expect(asked).toEqual([]); // nothing pending: the chain is not even asked

    // The artwork's next offering: the follow (still there) is pending for it, and told once more.
    const second = `${8000 + count()}`;
    await t.db
      .insert(offerings)
      .values({ artworkId: art!.id, onChainId: second, createdAt: new Date(Date.now() + 1000) });
    states.set(second, { status: 1, start: BigInt(Math.floor(Date.now() / 1000) + 7200) });
    expect(await check()).toBe(2); // both followed before this one opened
    expect(await check()).toBe(0);
    const told = await listNotifications(t.db, { address: early.address, locale: "en" });
    expect(told.map((n) => n.title)).toEqual(["The offering for Lotus is open", "The offering for Lotus is open"]);
    expect(await listNotifications(t.db, { address: late.address, locale: "en" })).toHaveLength(1);
  });

  it("an offering that ended without opening settles its followers, telling nobody", async () => {
    const follower = await investorWithEmail("f@example.hk");
    const [art] = await t.db
      .insert(artworks)
      .values({ slug: `dusk-${count()}`, issuerAddress: wallet(), title: "Dusk", artist: "E" })
      .returning();
    const id = `${9000 + count()}`;
    await t.db.insert(offerings).values({ artworkId: art!.id, onChainId: id });
    await setFollow(t.db, { investorId: follower.investor.id, artworkId: art!.id, follow: true });
    let asked = 0;
    const readOfferings = async () => {
      asked += 1;
      return new Map([[id, { status: 4, start: 0n }]]); // closed
    };
    expect(await notifyOpenedOfferings(t.db, { readOfferings, settings })).toBe(0);
    expect(await notifyOpenedOfferings(t.db, { readOfferings, settings })).toBe(0);
    expect(asked).toBe(1);
    expect(await listNotifications(t.db, { address: follower.address, locale: "en" })).toEqual([]);
  });
});
