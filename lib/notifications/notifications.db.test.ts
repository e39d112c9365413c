/**
 * Notifications on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL): the outbox retried with backoff
 * and given up after its last attempt, two workers sending each email exactly once, preferences and the unsubscribe
 * link, a KYC decision and an order fill notifying (with their email in the outbox), followers told once when an
 * offering opens.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  artworkFollows,
  artworks,
  auditLog,
  chainEvents,
  kycApplications,
  kycDocuments,
  notificationOutbox,
  notificationPreferences,
  notifications,
  offerings,
} from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { updateInvestor } from "@/lib/investors";
import { applyTransition, getOrCreateDraft } from "@/lib/kyc/applications";
import { REVIEW_CHECKLIST } from "@/lib/kyc/review";
import { requiredDocuments } from "@/lib/kyc/steps";
import { notifyFills } from "@/lib/market/projection";
import {
  backoffMs,
  claimDueEmails,
  countUnread,
  drainOutbox,
  emitEnforcementNotices,
  emitKycDecision,
  emitExpiryReminders,
  followArtworkBySlug,
  getPreferences,
  investorRecipient,
  listNotifications,
  markAllRead,
  markRead,
  MAX_ATTEMPTS,
  notify,
  notifyOpenedOfferings,
  renewClaim,
  savePreferences,
  setFollow,
  unsubscribe,
  unsubscribeToken,
  verifyUnsubscribeToken,
  type EnforcementEvent,
  type MailSettings,
} from "./index";
import { notificationPeople } from "./test-fixture";

let t: TestDatabase;
const settings: MailSettings = { appOrigin: "https://atelier.example", unsubscribeSecret: "s".repeat(40) };
const { wallet, investorWithEmail, outboxOf, count } = notificationPeople(() => t.db, "a");

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});
beforeEach(async () => {
  await t.db.delete(notificationOutbox);
});

describe("the email outbox", () => {
  it("retries a failed send with growing backoff, keeps the error, sends once it works and gives up after the last attempt", async () => {
    const { recipient } = await investorWithEmail();
    const t0 = new Date("2027-01-01T00:00:00Z");
    const id = await notify(
      t.db,
      { recipient, kind: "kyc_approved", link: "/onboarding", dedupeKey: `retry-${count()}`, now: t0 },
      settings,
    );
    const failing = async () => {
      throw new Error("421 try again later");
    };
    expect(await drainOutbox(t.db, { send: failing, workerId: "w1", now: () => t0 })).toEqual({ sent: 0, failed: 1 });
    let [row] = await outboxOf(id!);
    expect(row).toMatchObject({ attempts: 1, sentAt: null, lastError: "421 try again later", claimedBy: null });
    expect(row!.nextAttemptAt.getTime()).toBe(t0.getTime() + backoffMs(1));
    // Not due before the backoff has passed.
    expect(await claimDueEmails(t.db, { workerId: "w1", now: new Date(t0.getTime() + backoffMs(1) - 1) })).toEqual([]);
    const t1 = new Date(t0.getTime() + backoffMs(1));
    await drainOutbox(t.db, { send: failing, workerId: "w1", now: () => t1 });
    [row] = await outboxOf(id!);
    expect(row!.attempts).toBe(2);
    expect(row!.nextAttemptAt.getTime()).toBe(t1.getTime() + backoffMs(2));
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    const sent: string[] = [];
    const t2 = new Date(t1.getTime() + backoffMs(2));
    expect(
      await drainOutbox(t.db, { send: async (e) => void sent.push(e.email), workerId: "w1", now: () => t2 }),
    ).toEqual({ sent: 1, failed: 0 });
    [row] = await outboxOf(id!);
    expect(row).toMatchObject({ attempts: 3, sentAt: t2, lastError: null });
    expect(sent).toEqual(["mei@example.hk"]);
    // Sent: never claimed again.
    expect(await claimDueEmails(t.db, { workerId: "w1", now: new Date(t2.getTime() + 86_400_000) })).toEqual([]);

    // Another email that never goes through is given up after MAX_ATTEMPTS, its last error kept.
    const id2 = await notify(
      t.db,
      { recipient, kind: "kyc_expired", link: "/onboarding", dedupeKey: `giveup-${count()}`, now: t0 },
      settings,
    );
    let now = t0;
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await drainOutbox(t.db, { send: failing, workerId: "w1", now: () => now });
      now = new Date(now.getTime() + backoffMs(MAX_ATTEMPTS) + 1);
    }
    const [given] = await outboxOf(id2!);
    expect(given).toMatchObject({ attempts: MAX_ATTEMPTS, sentAt: null, lastError: "421 try again later" });
    expect(given!.failedAt).not.toBeNull();
  });

  it("two workers draining at once send every email exactly once", async () => {
    const { recipient } = await investorWithEmail("david@example.hk");
    for (let i = 0; i < 24; i++)
      await notify(
        t.db,
        {
          recipient,
          kind: "order_filled",
          params: { artwork: "Jade", side: "ask", shares: i + 1, remaining: 0 },
          link: "/portfolio",
          dedupeKey: `pair-${count()}-${i}`,
        },
        settings,
      );
    const sends: number[] = [];
    const worker = async (workerId: string) => {
      for (;;) {
        const r = await drainOutbox(t.db, {
          workerId,
          limit: 3,
          send: async (e) => {
            sends.push(e.id);
            await new Promise((r) => setTimeout(r, 2));
          },
        });
        if (r.sent + r.failed === 0) return;
      }
    };
    await Promise.all([worker("a"), worker("b")]);
    expect(sends).toHaveLength(24);
    expect(new Set(sends).size).toBe(24);
    const [left] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notificationOutbox)
      .where(sql`${notificationOutbox.sentAt} IS NULL`);
    expect(left!.n).toBe(0);
  });

  it("a claim whose worker died is taken again once its lease has run out, not before", async () => {
    const { recipient } = await investorWithEmail();
    const t0 = new Date("2027-02-01T00:00:00Z");
    await notify(
      t.db,
      { recipient, kind: "kyc_approved", link: "/onboarding", dedupeKey: `lease-${count()}`, now: t0 },
      settings,
    );
    expect(await claimDueEmails(t.db, { workerId: "dead", now: t0, leaseMs: 60_000 })).toHaveLength(1);
    expect(await claimDueEmails(t.db, { workerId: "live", now: new Date(t0.getTime() + 59_000) })).toHaveLength(0);
    expect(await claimDueEmails(t.db, { workerId: "live", now: new Date(t0.getTime() + 61_000) })).toHaveLength(1);
  });

  it("a worker whose lease ran out during a stalled send no longer holds its rows: the other worker's sends stand alone", async () => {
    const { recipient } = await investorWithEmail();
    const t0 = new Date("2027-03-01T00:00:00Z");
    for (const i of [1, 2])
      await notify(
        t.db,
        { recipient, kind: "kyc_approved", link: "/onboarding", dedupeKey: `stall-${count()}-${i}`, now: t0 },
        settings,
      );
    const stalled = await claimDueEmails(t.db, { workerId: "stalled", now: t0, leaseMs: 60_000 });
    expect(stalled).toHaveLength(2);
    // Within its lease the worker still holds its rows.
    expect(
      await renewClaim(t.db, { id: stalled[0]!.id, workerId: "stalled", now: new Date(t0.getTime() + 30_000) }),
    ).toBe(true);
    // Its SMTP server stalls past the lease; another worker takes the second row and sends it.
    const sent: number[] = [];
    const later = new Date(t0.getTime() + 61_000);
    await drainOutbox(t.db, { workerId: "other", now: () => later, send: async (e) => void sent.push(e.id) });
    expect(sent).toEqual([stalled[1]!.id]);
    // Back from the stall, the first worker holds the row it renewed, not the one the other worker sent.
    const back = new Date(t0.getTime() + 62_000);
    expect(await renewClaim(t.db, { id: stalled[0]!.id, workerId: "stalled", now: back })).toBe(true);
    expect(await renewClaim(t.db, { id: stalled[1]!.id, workerId: "stalled", now: back })).toBe(false);
  });

  it("an email queued before the person unsubscribed is withdrawn, not sent; a changed address is the one used", async () => {
    const gone = await investorWithEmail("gone@example.hk");
    const moved = await investorWithEmail("old@example.hk");
    const t0 = new Date("2027-04-01T00:00:00Z");
    const queue = (recipient: typeof gone.recipient, key: string) =>
      notify(
        t.db,
        { recipient, kind: "kyc_approved", link: "/onboarding", dedupeKey: `${key}-${count()}`, now: t0 },
        settings,
      );
    const goneId = await queue(gone.recipient, "withdrawn");
    const movedId = await queue(moved.recipient, "moved");
    await unsubscribe(t.db, {
      token: unsubscribeToken(gone.recipient, settings.unsubscribeSecret),
      secret: settings.unsubscribeSecret,
    });
    await updateInvestor(t.db, moved.investor.id, { email: "new@example.hk" });
    const to: string[] = [];
    await drainOutbox(t.db, { workerId: "w", now: () => t0, send: async (e) => void to.push(e.email) });
    expect(to).toEqual(["new@example.hk"]);
    const [withdrawn] = await outboxOf(goneId!);
    expect(withdrawn).toMatchObject({ sentAt: null, lastError: "withdrawn: no longer wanted by email" });
    expect(withdrawn!.failedAt).not.toBeNull();
    expect((await outboxOf(movedId!))[0]!.sentAt).not.toBeNull();
  });
});

describe("preferences and unsubscribing", () => {
  it("the email is in the person's language; a group turned off sends no email but still notifies in the portal", async () => {
    const { address, recipient } = await investorWithEmail();
    expect(await getPreferences(t.db, { address, fallbackLocale: "zh-HK" })).toMatchObject({
      locale: "zh-HK",
      hasEmail: true,
      email: { kyc: true, orders: true, listings: true, offerings: true, holdings: true, roles: true },
    });
    await savePreferences(t.db, {
      address,
      locale: "zh-HK",
      email: { kyc: true, orders: false, listings: true, offerings: true, holdings: true, roles: true },
    });
    const filled = await notify(
      t.db,
      {
        recipient,
        kind: "order_filled",
        params: { artwork: "Jade", artworkZh: "翡翠", side: "bid", shares: 3, remaining: 0 },
        link: "/portfolio",
        dedupeKey: `pref-fill-${count()}`,
      },
      settings,
    );
    expect(await outboxOf(filled!)).toEqual([]);
    const approved = await notify(
      t.db,
      { recipient, kind: "kyc_approved", link: "/onboarding", dedupeKey: `pref-kyc-${count()}` },
      settings,
    );
    const [email] = await outboxOf(approved!);
    expect(email).toMatchObject({ locale: "zh-HK", subject: "Atelier: 你的身份核實已獲批准" });
    expect(email!.text).toContain("https://atelier.example/onboarding");
    expect(email!.html).toContain('lang="zh-HK"');
    const list = await listNotifications(t.db, { address, locale: "zh-HK" });
    expect(list.map((n) => n.title)).toEqual(["你的身份核實已獲批准", "你在翡翠的訂單已全部成交"]);
    expect((await getPreferences(t.db, { address, fallbackLocale: "en" })).email.orders).toBe(false);
  });

  it("the unsubscribe link (HMAC token, no sign-in) stops every email; a forged or altered token does nothing", async () => {
    const { address, recipient } = await investorWithEmail();
    const token = unsubscribeToken(recipient, settings.unsubscribeSecret);
    expect(verifyUnsubscribeToken(token, settings.unsubscribeSecret)).toBe(recipient);
    expect(verifyUnsubscribeToken(token, "another secret that is long enough")).toBeNull();
    const other = await investorWithEmail();
    const forged = `${Buffer.from(other.recipient).toString("base64url")}.${token.split(".")[1]}`;
    expect(await unsubscribe(t.db, { token: forged, secret: settings.unsubscribeSecret })).toBeNull();
    expect(await unsubscribe(t.db, { token: "garbage", secret: settings.unsubscribeSecret })).toBeNull();
    const id = await notify(
      t.db,
      { recipient, kind: "kyc_approved", link: "/onboarding", dedupeKey: `unsub-a-${count()}` },
      settings,
    );
    const [email] = await outboxOf(id!);
    expect(email!.text).toContain(`https://atelier.example/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(email!.html).toContain("/unsubscribe?token=");

    expect(await unsubscribe(t.db, { token, secret: settings.unsubscribeSecret })).toEqual({ recipient });
    const after = await notify(
      t.db,
      { recipient, kind: "kyc_expired", link: "/onboarding", dedupeKey: `unsub-b-${count()}` },
      settings,
    );
    expect(after).not.toBeNull();
    expect(await outboxOf(after!)).toEqual([]);
    expect((await getPreferences(t.db, { address, fallbackLocale: "en" })).unsubscribedAll).toBe(true);
    // The other person still gets email.
    const theirs = await notify(
      t.db,
      { recipient: other.recipient, kind: "kyc_approved", link: "/onboarding", dedupeKey: `unsub-c-${count()}` },
      settings,
    );
    expect(await outboxOf(theirs!)).toHaveLength(1);
    // Saving preferences again turns email back on.
    await savePreferences(t.db, {
      address,
      locale: "en",
      email: { kyc: true, orders: true, listings: true, offerings: true, holdings: true, roles: true },
    });
    const [prefs] = await t.db
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.recipient, recipient));
    expect(prefs!.unsubscribedAll).toBe(false);
  });
});

describe("links", () => {
  it("a notification links only to a path in the portal, never to another site", async () => {
    const { recipient } = await investorWithEmail();
    for (const link of ["//evil.example/x", "https://evil.example", "/\\evil.example", "portfolio"])
      await expect(
        notify(t.db, { recipient, kind: "kyc_approved", link, dedupeKey: `link-${count()}-${link}` }, settings),
      ).rejects.toThrow(/must be a path in the portal/);
  });
});

describe("consent is on the record", () => {
  const auditOf = (subjectId: string) =>
    t.db
      .select({ action: auditLog.action, actor: auditLog.actor, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.subjectId, subjectId))
      .orderBy(auditLog.id);

  it("a wallet the portal does not know saves no preferences and leaves no row", async () => {
    const stranger = wallet();
    const all = { kyc: true, orders: true, listings: true, offerings: true, holdings: true, roles: true };
    expect(await savePreferences(t.db, { address: stranger, locale: "en", email: all })).toEqual({
      ok: false,
      code: "unknown_wallet",
    });
    expect(await auditOf(`wallet:${stranger}`)).toEqual([]);
    const rows = await t.db
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.recipient, `wallet:${stranger}`));
    expect(rows).toEqual([]);
  });

  it("saving preferences, the unsubscribe link and following an artwork are audited with who and what", async () => {
    const { address, investor, recipient } = await investorWithEmail();
    await savePreferences(t.db, {
      address,
      locale: "zh-HK",
      email: { kyc: true, orders: false, listings: true, offerings: true, holdings: true, roles: true },
    });
    await unsubscribe(t.db, {
      token: unsubscribeToken(recipient, settings.unsubscribeSecret),
      secret: settings.unsubscribeSecret,
    });
    // A refused token changes nothing and records nothing.
    await unsubscribe(t.db, { token: "garbage", secret: settings.unsubscribeSecret });
    const trail = await auditOf(recipient);
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ["notifications.preferences_save", address],
      ["notifications.unsubscribe", "system"],
    ]);
    expect(trail[0]!.after).toMatchObject({ locale: "zh-HK" });

    const [art] = await t.db
      .insert(artworks)
      .values({
        slug: `followed-${count()}`,
        issuerAddress: wallet(),
        title: "Followed",
        artist: "C",
        tokenAddress: wallet(),
      })
      .returning();
    const follow = (on: boolean) =>
      followArtworkBySlug(t.db, { investorId: investor.id, slug: art!.slug, follow: on, actor: address });
    expect(await follow(true)).toEqual({ ok: true });
    expect(await follow(false)).toEqual({ ok: true });
    expect(
      await followArtworkBySlug(t.db, { investorId: investor.id, slug: "no-such", follow: true, actor: address }),
    ).toEqual({ ok: false, code: "not_found" });
    expect((await auditOf(art!.id)).map((e) => e.action)).toEqual(["notifications.follow", "notifications.unfollow"]);
  });
});

describe("events that notify", () => {
  it("a KYC approval notifies the investor in the same transaction, with its email in the outbox; once", async () => {
    const address = wallet();
    const { app, investor } = await getOrCreateDraft(t.db, { address });
    await updateInvestor(t.db, investor.id, { email: "tom@example.hk" });
    const data = { ...app.data, category: { category: "retail" as const } } as typeof app.data;
    const checklist = Object.fromEntries(REVIEW_CHECKLIST.map((c) => [c, true]));
    const [ready] = await t.db
      .update(kycApplications)
      .set({ status: "in_review", data, checklist })
      .where(eq(kycApplications.id, app.id))
      .returning();
    for (const kind of requiredDocuments(data))
      await t.db.insert(kycDocuments).values({
        applicationId: app.id,
        kind,
        originalName: `${kind}.pdf`,
        mime: "application/pdf",
        sizeBytes: 10,
        sha256: `0x${"ab".repeat(32)}`,
        filePath: `kyc/${kind}`,
        uploadedBy: address,
      });
    const officer = wallet();
    const r = await applyTransition(t.db, {
      app: ready!,
      event: { type: "approve", actor: officer },
      actor: officer,
      actorRole: "compliance",
    });
    expect(r.ok).toBe(true);
    const mine = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipient, investorRecipient(investor.id)));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: "kyc_approved", link: "/onboarding", readAt: null });
    const [email] = await outboxOf(mine[0]!.id);
    expect(email).toMatchObject({
      email: "tom@example.hk",
      locale: "en",
      subject: "Atelier: Your verification is approved",
    });
    expect(await countUnread(t.db, { address })).toBe(1);
    expect(await markRead(t.db, { address: wallet(), id: mine[0]!.id })).toBe(false);
    expect(await countUnread(t.db, { address })).toBe(1);
    expect(await markRead(t.db, { address, id: mine[0]!.id })).toBe(true);
    expect(await countUnread(t.db, { address })).toBe(0);
  });

  it("submitting a KYC application gives the investor a receipt; a review step tells nothing", async () => {
    const address = wallet();
    const { app, investor } = await getOrCreateDraft(t.db, { address });
    const [draft] = await t.db
      .update(kycApplications)
      .set({ status: "submitted" })
      .where(eq(kycApplications.id, app.id))
      .returning();
    const officer = wallet();
    const review = await applyTransition(t.db, {
      app: draft!,
      event: { type: "start_review" },
      actor: officer,
      actorRole: "compliance",
    });
    expect(review.ok).toBe(true);
    const mine = () =>
      t.db
        .select()
        .from(notifications)
        .where(eq(notifications.recipient, investorRecipient(investor.id)));
    expect(await mine()).toEqual([]);
    expect(
      await emitKycDecision(
        t.db,
        { investorId: investor.id, applicationId: app.id, event: "submit", at: new Date() },
        settings,
      ),
    ).not.toBeNull();
    expect((await listNotifications(t.db, { address, locale: "en" })).map((n) => n.title)).toEqual([
      "We received your application",
    ]);
  });

  it("an order fill tells the maker once per fill: partly filled, then filled", async () => {
    const { address } = await investorWithEmail("david@example.hk");
    const token = wallet();
    const slug = `jade-${count()}`;
    await t.db.insert(artworks).values({
      slug,
      issuerAddress: wallet(),
      title: "Jade",
      titleZh: "翡翠",
      artist: "A",
      tokenAddress: token,
    });
    const base = { blockHash: `0x${"0".repeat(64)}`, contract: wallet(), token, orderId: "77" };
    const at = new Date();
    const placed = {
      ...base,
      blockNumber: 10n,
      blockTime: at,
      txHash: `0x${"1".repeat(64)}`,
      logIndex: 0,
      eventName: "OrderPlaced",
      args: { maker: address, token, side: 0, shares: "10", price: "1", expiresAt: 0 },
    };
    const fill1 = {
      ...base,
      blockNumber: 11n,
      blockTime: at,
      txHash: `0x${"2".repeat(64)}`,
      logIndex: 1,
      eventName: "OrderFilled",
      args: { taker: wallet(), shares: "4", price: "1", fee: "0" },
    };
    const fill2 = {
      ...base,
      blockNumber: 12n,
      blockTime: at,
      txHash: `0x${"3".repeat(64)}`,
      logIndex: 0,
      eventName: "OrderFilled",
      args: { taker: wallet(), shares: "6", price: "1", fee: "0" },
    };
    await t.db.insert(chainEvents).values([placed, fill1, fill2]);
    await notifyFills(t.db, [placed, fill1, fill2]);
    await notifyFills(t.db, [fill1, fill2]); // a re-applied batch
    const list = await listNotifications(t.db, { address, locale: "en" });
    expect(list.map((n) => [n.title, n.body])).toEqual([
      ["Your order on Jade is filled", "Sold 6 shares: your sell order is complete."],
      ["Your order on Jade is partly filled", "Sold 4 shares; 6 shares are still on the order book."],
    ]);
    expect(list[0]!.link).toBe(`/artworks/${slug}/trade`);
    expect(await markAllRead(t.db, { address })).toBe(2);
    expect(await countUnread(t.db, { address })).toBe(0);
  });

  it("an approval running out is reminded once 30 days ahead and once more 7 days ahead; a far one and a renewed one wait", async () => {
    const now = new Date("2027-03-01T00:00:00Z");
    const day = 86_400_000;
    const expiring = await investorWithEmail("kenji@example.jp");
    const far = await investorWithEmail("far@example.hk");
    await updateInvestor(t.db, expiring.investor.id, {
      kycStatus: "approved",
      kycExpiresAt: new Date(now.getTime() + 20 * day),
    });
    await updateInvestor(t.db, far.investor.id, {
      kycStatus: "approved",
      kycExpiresAt: new Date(now.getTime() + 45 * day),
    });
    const remind = (at: Date) => emitExpiryReminders(t.db, { now: at, settings });
    const told = await remind(now);
    expect(told).toBeGreaterThanOrEqual(1);
    expect(await remind(new Date(now.getTime() + day))).toBe(0);
    const first = await listNotifications(t.db, { address: expiring.address, locale: "en" });
    expect(first.map((n) => n.title)).toEqual(["Your verification expires in 20 days"]);
    expect(first[0]!.body).toContain("21 March 2027");
    const [email] = await outboxOf(first[0]!.id);
    expect(email).toMatchObject({
      email: "kenji@example.jp",
      subject: "Atelier: Your verification expires in 20 days",
    });
    expect(await listNotifications(t.db, { address: far.address, locale: "en" })).toEqual([]);
    // Seven days ahead: the second reminder, once.
    await remind(new Date(now.getTime() + 14 * day));
    await remind(new Date(now.getTime() + 15 * day));
    const second = await listNotifications(t.db, { address: expiring.address, locale: "zh-HK" });
    expect(second.map((n) => n.title)).toEqual(["你的身份核實將於 6 日後到期", "你的身份核實將於 20 日後到期"]);
  });

  it("a freeze and a forced transfer tell the investors whose wallets they touch, once per event", async () => {
    const from = await investorWithEmail("mei@example.hk");
    const to = await investorWithEmail("alice@example.hk");
    const token = wallet();
    await t.db.insert(artworks).values({
      slug: `mountains-${count()}`,
      issuerAddress: wallet(),
      title: "Mountains",
      artist: "C",
      tokenAddress: token,
    });
    const events: EnforcementEvent[] = [
      {
        eventName: "WalletFrozenSet",
        token,
        txHash: `0x${"4".repeat(64)}`,
        logIndex: 0,
        args: { wallet: from.address, frozen: true, agent: wallet() },
      },
      {
        eventName: "ForcedTransferred",
        token,
        txHash: `0x${"5".repeat(64)}`,
        logIndex: 2,
        args: { from: from.address, to: to.address, amount: "20", agent: wallet() },
      },
      {
        eventName: "Transfer",
        token,
        txHash: `0x${"5".repeat(64)}`,
        logIndex: 1,
        args: { from: from.address, to: to.address, value: "20" },
      },
    ];
    expect(await emitEnforcementNotices(t.db, events, settings)).toBe(3);
    expect(await emitEnforcementNotices(t.db, events, settings)).toBe(0);
    const mine = await listNotifications(t.db, { address: from.address, locale: "en" });
    expect(mine.map((n) => n.title).sort()).toEqual([
      "20 shares of Mountains moved by compliance",
      "Your wallet is frozen on Mountains",
    ]);
    const theirs = await listNotifications(t.db, { address: to.address, locale: "en" });
    expect(theirs.map((n) => n.body)).toEqual([
      "Two compliance officers moved 20 shares into your wallet (a forced transfer). See your portfolio.",
    ]);
    expect(theirs[0]!.link).toBe("/portfolio");
  });

  it("followers are told once when an offering opens; a later follower is not; nothing while it is upcoming", async () => {
    const early = await investorWithEmail("early@example.hk");
    const late = await investorWithEmail("late@example.hk");
    const [art] = await t.db
      .insert(artworks)
      .values({ slug: `typhoon-${count()}`, issuerAddress: wallet(), title: "Typhoon", artist: "B" })
      .returning();
    await t.db.insert(offerings).values({ artworkId: art!.id, onChainId: "901" });
    await setFollow(t.db, { investorId: early.investor.id, artworkId: art!.id, follow: true });
    const start = BigInt(Math.floor(Date.now() / 1000) + 3600);
    let status = 0;
    const readOfferings = async () => new Map([["901", { status, start }]]);
    expect(await notifyOpenedOfferings(t.db, { readOfferings, settings })).toBe(0);
    status = 1;
    // The late follower follows after the start (chain time past it): not told.
    await t.db
      .insert(artworkFollows)
      .values({ investorId: late.investor.id, artworkId: art!.id, createdAt: new Date(Number(start) * 1000 + 60_000) });
    expect(await notifyOpenedOfferings(t.db, { readOfferings, settings })).toBe(1);
    expect(await notifyOpenedOfferings(t.db, { readOfferings, settings })).toBe(0);
    const [n] = await listNotifications(t.db, { address: early.address, locale: "en" });
    expect(n).toMatchObject({
      title: "The offering for Typhoon is open",
      link: `/artworks/${art!.slug}`,
    });
    expect(await listNotifications(t.db, { address: late.address, locale: "en" })).toEqual([]);
  });
});
