/**
 * Notifications (issue 16), through the real stack: the indexer's market projection, the KYC records and the
 * follow check notify; the outbox worker sends through SMTP to the stack's mail catcher (maildev, started by
 * `scripts/start.ts`), whose REST API (`GET /email`) the journey reads.
 *
 * Seed state used: David Wong (a verified professional investor) was approved (a KYC notification) and his asks on
 * Quiet Mountains were filled in full (10 shares) and in part (5 of 20) — the indexer told him of both. Earlier
 * journeys may have filled more of his asks, so counts are read, not assumed. The last journey moves the chain's
 * clock past the opening of the upcoming Typhoon Signal 8 offering (7 days ahead in the seed): later journeys use
 * neither that offering nor anything that ends within 8 days.
 */
import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { expect, installWallet, rpc, test } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_INBOX } from "./ports";

type CaughtEmail = { id: string; subject: string; text: string; html: string; to: { address: string }[] };

const DAVID = "david.wong@example.hk";

async function inbox(): Promise<CaughtEmail[]> {
  const res = await fetch(`${E2E_INBOX}/email`);
  expect(res.ok).toBe(true);
  return (await res.json()) as CaughtEmail[];
}

/** The first email to `to` whose subject and text match, waiting for the outbox worker (every 5 s) to send it. */
async function waitForEmail(to: string, subject: RegExp, text = /./): Promise<CaughtEmail> {
  let found: CaughtEmail | undefined;
  await expect
    .poll(
      async () => {
        found = (await inbox()).find(
          (e) => e.to.some((r) => r.address === to) && subject.test(e.subject) && text.test(e.text),
        );
        return Boolean(found);
      },
      { timeout: 45_000, intervals: [1_000] },
    )
    .toBe(true);
  return found!;
}

const bell = (page: Page) => page.getByRole("link", { name: /^Notifications, / });

async function unreadCount(page: Page): Promise<number> {
  const name = (await bell(page).getAttribute("aria-label")) ?? "";
  if (/none unread/.test(name)) return 0;
  return Number(/(\d+) unread/.exec(name)?.[1] ?? NaN);
}

test.describe("notifications", () => {
  // Each journey waits for the outbox worker (every 5 s) and the mail catcher, besides its own steps.
  test.describe.configure({ timeout: 180_000 });

  test("a filled order tells its maker: the bell counts it, the page lists it, mark read, and the email arrives", async ({
    page,
  }) => {
    await installWallet(page, "david");
    await signInWithTestWallet(page, { next: "/notifications" });
    await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
    const list = page.getByRole("region", { name: "Your notifications" }).getByRole("list");
    // His ask of 10 taken in full and his ask of 20 taken in part (5), as the seed traded them.
    const filled = list
      .getByRole("listitem")
      .filter({ hasText: "Your order on Quiet Mountains is filled" })
      .filter({ hasText: "Sold 10 shares: your sell order is complete." });
    await expect(filled).toHaveCount(1);
    const partly = list
      .getByRole("listitem")
      .filter({ hasText: "Your order on Quiet Mountains is partly filled" })
      .filter({ hasText: "Sold 5 shares; 15 shares are still on the order book." });
    await expect(partly).toHaveCount(1);
    await expect(list.getByRole("listitem").filter({ hasText: "Your verification is approved" })).toBeVisible();

    const before = await unreadCount(page);
    expect(before).toBeGreaterThanOrEqual(3);
    await expect(page.getByRole("link", { name: `Notifications, ${before} unread` })).toBeVisible();
    await expectNoAxeViolations(page, { label: "notifications page" });

    // Each one links to where to act.
    await expect(filled.getByRole("link", { name: "Open: Your order on Quiet Mountains is filled" })).toHaveAttribute(
      "href",
      "/artworks/quiet-mountains/trade",
    );
    await filled.getByRole("button", { name: "Mark as read: Your order on Quiet Mountains is filled" }).click();
    await expect(page.getByRole("link", { name: `Notifications, ${before - 1} unread` })).toBeVisible();
    await expect(filled.getByText("Unread", { exact: true })).toHaveCount(0);

    // The email: to the address of his KYC record, in English, as text and HTML, with the link to act and the
    // unsubscribe link.
    const email = await waitForEmail(DAVID, /Your order on Quiet Mountains is filled/, /Sold 10 shares/);
    expect(email.subject).toBe("Atelier: Your order on Quiet Mountains is filled");
    expect(email.text).toContain("Sold 10 shares");
    expect(email.text).toMatch(/Open in Atelier: http:\/\/127\.0\.0\.1:\d+\/artworks\/quiet-mountains\/trade/);
    expect(email.html).toContain('<a href="http://127.0.0.1');
    const unsubscribe = /Unsubscribe from all emails: (\S+)/.exec(email.text)?.[1];
    expect(unsubscribe).toMatch(/\/unsubscribe\?token=/);

    await page.getByRole("button", { name: "Mark all as read" }).click();
    await expect(page.getByRole("link", { name: "Notifications, none unread" })).toBeVisible();
    await expect(list.getByText("Unread", { exact: true })).toHaveCount(0);

    // The unsubscribe link works signed out and asks first; afterwards the preferences say so.
    const visitor = await page.context().browser()!.newPage();
    await visitor.goto(unsubscribe!);
    await expect(visitor.getByRole("heading", { level: 1, name: "Unsubscribe from Atelier emails" })).toBeVisible();
    await visitor.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(visitor.getByText("You are unsubscribed. No more emails will be sent to you.")).toBeVisible();
    await visitor.goto(`${unsubscribe!}x`);
    await expect(visitor.getByText("This unsubscribe link is not valid.", { exact: false })).toBeVisible();
    await visitor.close();
    await page.reload();
    await expect(page.getByText("You unsubscribed from all emails.", { exact: false })).toBeVisible();
    // Turning kinds on again: saved, every group ticked, emails in Chinese from now on.
    const prefs = page.getByRole("region", { name: "Email preferences" });
    await expect(prefs.getByRole("checkbox", { name: "one of my orders is filled" })).not.toBeChecked();
    for (const name of [
      "my or my company's verification is decided or expires",
      "one of my orders is filled",
      "a listing of mine is reviewed",
      "an offering opens for an artwork I follow",
      "there is a distribution to claim or a vote on selling an artwork, or compliance freezes or moves my shares",
      "the platform grants or revokes one of my roles",
    ])
      await prefs.getByRole("checkbox", { name }).check();
    await prefs.getByLabel("Email language").selectOption("zh-HK");
    await prefs.getByRole("button", { name: "Save preferences" }).click();
    await expect(prefs.getByText("Your email preferences are saved.")).toBeVisible();
  });

  test("an investor follows an upcoming artwork and is told, in the portal and by email, when its offering opens", async ({
    page,
  }) => {
    await installWallet(page, "david");
    // His emails in 繁中 from now on (saved here, so this journey also runs alone).
    await signInWithTestWallet(page, { next: "/notifications" });
    const prefs = page.getByRole("region", { name: "Email preferences" });
    const offerings = prefs.getByRole("checkbox", { name: "an offering opens for an artwork I follow" });
    if (!(await offerings.isChecked())) await offerings.check();
    await prefs.getByLabel("Email language").selectOption("zh-HK");
    await prefs.getByRole("button", { name: "Save preferences" }).click();
    await expect(prefs.getByText("Your email preferences are saved.")).toBeVisible();

    await page.goto("/artworks/typhoon-signal-8");
    const follow = page.getByRole("region", { name: "Follow this artwork" });
    await follow.getByRole("button", { name: "Follow this artwork" }).click();
    await expect(follow.getByText("You follow this artwork: you will be told when its offering opens.")).toBeVisible();
    await expect(follow.getByRole("button", { name: "Stop following" })).toBeVisible();
    await expectNoAxeViolations(page, { label: "artwork page, following" });

    // The chain's clock passes the offering's start (7 days ahead in the seed): the chain now says "live".
    await rpc("evm_increaseTime", [8 * 24 * 60 * 60]);
    await rpc("evm_mine");

    // The follow check (every 30 s on each instance) tells him; the email is in his chosen language (繁中, saved above).
    const email = await waitForEmail(DAVID, /八號風球|Typhoon Signal No\. 8/);
    expect(email.subject).toMatch(/的發售已開始$/);
    expect(email.text).toContain("/artworks/typhoon-signal-8");
    await page.goto("/notifications");
    const item = page
      .getByRole("region", { name: "Your notifications" })
      .getByRole("list")
      .getByRole("listitem")
      .filter({ hasText: /The offering for .* is open/ });
    await expect(item).toHaveCount(1);
    await expect(item.getByRole("link", { name: /^Open: / })).toHaveAttribute("href", "/artworks/typhoon-signal-8");
    await expect(page.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();
  });
});
