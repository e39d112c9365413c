/**
 * Accessibility (WCAG 2.2 AA): axe-core on every public page and on the signed-in pages of each role,
 * in English and Traditional Chinese, light and dark. Any violation of any impact fails; each page's
 * violations are collected (soft) so one run lists everything that needs fixing.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, setLocaleAndTheme, type Locale, type Theme } from "./fixtures/axe";
import { installWallet, type DemoKey } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_ORIGIN } from "./ports";

const combos: { locale: Locale; theme: Theme }[] = [
  { locale: "en", theme: "light" },
  { locale: "en", theme: "dark" },
  { locale: "zh-HK", theme: "light" },
  { locale: "zh-HK", theme: "dark" },
];

/** Visits each path in every language and theme and checks it with axe (soft, so all pages report). */
async function checkPages(page: Page, paths: string[]) {
  for (const { locale, theme } of combos) {
    await setLocaleAndTheme(page.context(), E2E_ORIGIN, locale, theme);
    for (const path of paths) {
      await page.goto(path, { timeout: 120_000 });
      await expect(page.locator("html")).toHaveAttribute("lang", locale, { timeout: 60_000 });
      await expect(page.locator("main")).toBeVisible();
      // The page itself, not its route's loading skeleton (the skeleton stands in for it while the page streams).
      await expect(page.locator('main [aria-busy="true"][aria-live="polite"]')).toHaveCount(0, { timeout: 60_000 });
      await expectNoAxeViolations(page, { label: `${path} (${locale}, ${theme})`, soft: true });
    }
  }
}

/** The first link on `listPath` whose href matches `pattern` (pages whose ids come from the seed). */
async function firstHref(page: Page, listPath: string, pattern: RegExp): Promise<string> {
  await page.goto(listPath);
  const hrefs = await page
    .locator("main a[href]")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${listPath}`).toBeTruthy();
  return href!;
}

async function signInAs(page: Page, key: DemoKey) {
  await installWallet(page, key);
  await setLocaleAndTheme(page.context(), E2E_ORIGIN, "en", "light");
  await signInWithTestWallet(page);
}

test.describe("axe finds no violations", () => {
  test.describe.configure({ timeout: 600_000 });

  test("on the public pages", async ({ page }) => {
    await checkPages(page, [
      "/",
      "/?status=live&q=harbour",
      "/?q=no+such+artwork",
      "/artworks/harbour-at-dusk-no-3",
      "/artworks/quiet-mountains",
      "/artworks/still-life-with-lychees",
      "/sign-in",
      "/no-such-page",
    ]);
  });

  test("on an investor's pages", async ({ page }) => {
    await signInAs(page, "mei");
    await checkPages(page, [
      "/portfolio",
      "/account",
      "/account/wallets",
      "/artworks/harbour-at-dusk-no-3/buy",
      "/artworks/quiet-mountains/trade",
    ]);
  });

  test("on a new investor's onboarding pages", async ({ page }) => {
    await signInAs(page, "newcomer");
    await checkPages(page, ["/onboarding", "/onboarding/personal", "/portfolio"]);
  });

  test("on an issuer's pages", async ({ page }) => {
    await signInAs(page, "lumen");
    const artwork = await firstHref(page, "/issuer", /^\/issuer\/artworks\/[^/]+$/);
    await checkPages(page, ["/issuer", "/issuer/artworks/new", artwork]);
  });

  test("on a compliance officer's pages", async ({ page }) => {
    await signInAs(page, "grace");
    const kyc = await firstHref(page, "/compliance/kyc", /^\/compliance\/kyc\/[^/?]+$/);
    const token = await firstHref(page, "/compliance/tokens", /^\/compliance\/tokens\/0x[0-9a-fA-F]+/);
    const investor = await firstHref(page, token, /^\/compliance\/investors\/[^/?]+$/);
    await checkPages(page, [
      "/compliance",
      "/compliance/kyc",
      kyc,
      "/compliance/listings",
      "/compliance/tokens",
      token,
      investor,
      "/compliance/wallets",
      "/compliance/audit",
    ]);
  });
});
