// Temporary: screenshots of the market pages for review (not committed).
import { expect, installWallet, test } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";

test.describe.configure({ timeout: 240_000 });
test("market screenshots", async ({ page }) => {
  await installWallet(page, "mei");
  await signInWithTestWallet(page, { next: "/artworks/quiet-mountains/trade", expectSuccess: false });
  await expect(page).toHaveURL(/trade$/, { timeout: 60_000 });
  for (const locale of ["en", "zh-HK"]) {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: page.url() }]);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      for (const [name, url] of [["trade", "/artworks/quiet-mountains/trade"], ["portfolio", "/portfolio"], ["artwork", "/artworks/quiet-mountains"]] as const) {
        await page.goto(url);
        const connect = page.getByRole("button", { name: /Connect wallet|連接錢包/ });
        if (name === "trade" && (await connect.isVisible())) {
          await connect.click();
          await page.getByRole("dialog").getByRole("button", { name: /Test Wallet/ }).click();
        }
        if (name === "trade") {
          await page.getByRole("radio").nth(1).check();
          await page.waitForTimeout(2500);
        }
        await page.screenshot({ path: `/tmp/tr-h11/shots/${name}-${locale}-${width}.png`, fullPage: true });
      }
    }
  }
});
