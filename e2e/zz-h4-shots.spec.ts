import { expect, installWallet, test } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_ORIGIN } from "./ports";

const out = "/tmp/h4-shots";
for (const who of ["mei", "priya"] as const)
  for (const locale of ["en", "zh-HK"])
    for (const [w, h] of [[1280, 900], [375, 812]] as const) {
      test(`shots ${who} ${locale} ${w}`, async ({ page, context }) => {
        test.setTimeout(120_000);
        await installWallet(page, who);
        const next = "/artworks/harbour-at-dusk-no-3/buy";
        await signInWithTestWallet(page, { next });
        await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E_ORIGIN }]);
        await page.setViewportSize({ width: w, height: h });
        await page.evaluate(() => (window as unknown as { next: { router: { refresh(): void } } }).next?.router.refresh());
        await page.getByRole("button", { name: locale === "en" ? "Review purchase" : "檢視購買詳情" }).waitFor();
        await page.locator("input#shares").fill(who === "priya" ? "10" : "7");
        await expect(page.locator('[data-check="balance"]')).not.toHaveAttribute("data-state", "unknown");
        await page.waitForTimeout(1000);
        const name = `${who}-buy-${locale}-${w}`;
        await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
        if (who === "mei") {
          await page.getByRole("button", { name: locale === "en" ? "Review purchase" : "檢視購買詳情" }).click();
          await page.waitForTimeout(500);
          await page.screenshot({ path: `${out}/${name}-confirm.png` });
          await page.keyboard.press("Escape");
          await page.goto("/portfolio");
          await page.screenshot({ path: `${out}/mei-portfolio-${locale}-${w}.png`, fullPage: true });
        }
      });
    }
