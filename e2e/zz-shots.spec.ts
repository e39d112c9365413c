import type { Page } from "@playwright/test";
import { installWallet, test } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";

const out = "/work/shots";
async function shoot(page: Page, name: string, width: number) {
  await page.setViewportSize({ width, height: 900 });
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: true });
}
async function zh(page: Page) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-HK", url: page.url() }]);
  await page.reload();
}

test("shots: investor", async ({ page }) => {
  test.setTimeout(300_000);
  await installWallet(page, "mei");
  await signInWithTestWallet(page, { next: "/portfolio" });
  await shoot(page, "portfolio", 1280);
  await shoot(page, "portfolio", 375);
  await page.goto("/");
  await page.getByRole("link").filter({ hasText: /Quiet|Harbour|Mountain/ }).first().click();
  await shoot(page, "artwork", 1280);
  await shoot(page, "artwork", 375);
  await page.goto(page.url() + "/buy");
  await shoot(page, "buy", 1280);
  await page.goto(page.url().replace("/buy", "/trade"));
  await shoot(page, "trade", 1280);
  await zh(page);
  await shoot(page, "trade-zh", 375);
});

test("shots: compliance", async ({ page }) => {
  test.setTimeout(300_000);
  await installWallet(page, "grace");
  await signInWithTestWallet(page, { next: "/compliance" });
  await shoot(page, "compliance", 1280);
  await page.goto("/compliance/kyc");
  await shoot(page, "kyc-queue", 1280);
  await page.locator('main a[href^="/compliance/kyc/"]').first().click();
  await page.waitForURL(/\/compliance\/kyc\/.+/);
  await shoot(page, "kyc-application", 1280);
  await shoot(page, "kyc-application", 375);
  await page.goto("/compliance/tokens");
  await page.locator('main a[href^="/compliance/tokens/0x"]').first().click();
  await page.waitForURL(/\/compliance\/tokens\/0x/);
  await shoot(page, "register", 1280);
  await page.goto("/compliance/wallets");
  await shoot(page, "wallets", 1280);
  await page.goto("/compliance/audit");
  await shoot(page, "audit", 1280);
  await zh(page);
  await shoot(page, "audit-zh", 375);
});

test("shots: issuer", async ({ page }) => {
  test.setTimeout(300_000);
  await installWallet(page, "lumen");
  await signInWithTestWallet(page, { next: "/issuer" });
  await shoot(page, "issuer", 1280);
  await page.locator('main a[href^="/issuer/artworks/"]:not([href$="/new"])').first().click();
  await page.waitForURL(/\/issuer\/artworks\/[^/]+$/);
  await shoot(page, "issuer-artwork", 1280);
  await shoot(page, "issuer-artwork", 375);
});
