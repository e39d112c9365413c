/**
 * A 375 px phone: nothing scrolls sideways, stand-alone links and buttons are at least 24 × 24 px (WCAG
 * 2.5.8), the open menu is drawn above the artwork picture (EN / 繁 can be tapped), and the artwork page
 * keeps its buy action in reach in a bar at the bottom of the screen.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { installWallet } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_ORIGIN } from "./ports";

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, "page wider than the screen").toBeLessThanOrEqual(375);
}

async function expectTapTarget(target: Locator, name: string) {
  const count = await target.count();
  expect(count, name).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const box = await target.nth(i).boundingBox();
    expect(box, `${name} #${i}`).not.toBeNull();
    expect.soft(Math.round(box!.height), `${name} #${i} height`).toBeGreaterThanOrEqual(24);
    expect.soft(Math.round(box!.width), `${name} #${i} width`).toBeGreaterThanOrEqual(24);
  }
}

/** The element drawn at the centre of `target` is the target (or inside it): nothing covers it. */
async function expectOnTop(target: Locator) {
  await target.scrollIntoViewIfNeeded();
  const covered = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit && (el === hit || el.contains(hit)) ? null : (hit?.outerHTML.slice(0, 120) ?? "nothing");
  });
  expect(covered).toBeNull();
}

/** The column name a stacked table draws before a cell on a phone (its `::before` content). */
async function columnNameShown(cell: Locator) {
  return cell.evaluate((el) => getComputedStyle(el, "::before").content);
}

test.describe("on a 375 px phone", () => {
  test("the catalogue fits, and its footer links are big enough to tap", async ({ page }) => {
    await page.goto("/");
    await expectNoSidewaysScroll(page);
    await expectTapTarget(page.getByRole("contentinfo").getByRole("link"), "footer link");
  });

  test("the artwork page: menu above the picture, tap targets, sticky buy bar", async ({ page }) => {
    await page.goto("/artworks/harbour-at-dusk-no-3");
    await expectNoSidewaysScroll(page);

    // The buy action is in reach on the first screen, and stays there while scrolling.
    const bar = page.getByTestId("sticky-action");
    await expect(bar).toBeInViewport();
    await expect(bar.getByRole("link", { name: "Sign in to buy" })).toBeVisible();
    await page.mouse.wheel(0, 1500);
    await expect(bar).toBeInViewport();
    await expectTapTarget(bar.getByRole("link"), "sticky buy");

    await expectTapTarget(page.getByRole("main").getByRole("link", { name: /Back to/ }), "back link");
    await expectTapTarget(page.locator("li[data-document] a"), "document link");

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole("button", { name: "Menu" }).click();
    const english = page.getByRole("button", { name: /^EN/ });
    const chinese = page.getByRole("button", { name: /^繁/ });
    await expectTapTarget(english, "EN");
    await expectTapTarget(chinese, "繁");
    await expectOnTop(chinese);
    await chinese.click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-HK");
  });

  test("the portfolio shows each holding as a card with its value and gain in view", async ({ page }) => {
    await installWallet(page, "mei");
    await signInWithTestWallet(page, { next: "/portfolio" });
    await page.goto("/portfolio");
    await expectNoSidewaysScroll(page);
    // One markup for every screen: on a phone the holdings table's rows are drawn as cards.
    const cards = page.getByTestId("holdings").locator("tbody tr");
    await expect(cards.first()).toBeVisible();
    for (const col of ["value", "gain"]) {
      const box = await cards.first().locator(`[data-col="${col}"]`).boundingBox();
      expect(box, col).not.toBeNull();
      expect(box!.x + box!.width, `${col} within the screen`).toBeLessThanOrEqual(375);
    }
    await expectTapTarget(cards.getByRole("link"), "holding link");
    // Each figure under its column's name (the table's header, drawn before the cell on a phone).
    expect(await columnNameShown(cards.first().locator('[data-col="value"]'))).toContain("Value");

    // The history too is a list of cards, not a table scrolling sideways: each cell under its column's name.
    const history = page.locator('table[aria-labelledby="history-title"]');
    await expect(history.locator("tbody tr").first()).toBeVisible();
    const frame = history.locator("xpath=..");
    expect(
      await frame.evaluate((el) => el.scrollWidth - el.clientWidth),
      "history scrolls sideways",
    ).toBeLessThanOrEqual(0);
    const heads = await history.locator("thead th").allTextContents();
    const cells = history.locator("tbody tr").first().locator("td");
    for (const i of [0, 2, 3]) expect(await columnNameShown(cells.nth(i))).toContain(heads[i]!.trim());
  });

  test("the trade and wallets pages asking to connect the signed-in wallet fit, the full address wrapping", async ({
    page,
    browser,
  }) => {
    await installWallet(page, "mei");
    await signInWithTestWallet(page, { next: "/portfolio" });
    // The same session in a browser with no wallet: the form asks to connect the wallet signed in with, naming it.
    const bare = await browser.newContext({
      storageState: await page.context().storageState(),
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
    });
    const phone = await bare.newPage();
    await phone.goto(`${E2E_ORIGIN}/artworks/quiet-mountains/trade`);
    await expect(phone.getByText(/Connect the wallet you signed in with \(0x/)).toBeVisible();
    await expectNoSidewaysScroll(phone);
    // The wallets page says the same in its own words, and fits too.
    await phone.goto(`${E2E_ORIGIN}/account/wallets`);
    await expect(phone.getByText(/Connect the wallet you signed in with \(0x/)).toBeVisible();
    await expectNoSidewaysScroll(phone);
    await bare.close();
  });
});
