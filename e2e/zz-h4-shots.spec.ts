import { expect, installWallet, test } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_ORIGIN } from "./ports";

const out = "/tmp/h4-shots";
for (const who of ["mei", "priya", "tom"] as const) {
  test(`shots ${who}`, async ({ page, context }) => {
    test.setTimeout(240_000);
    await installWallet(page, who);
    const next = who === "priya" ? "/artworks/harbour-at-dusk-no-3/buy" : who === "mei" ? "/artworks/harbour-at-dusk-no-3/buy" : "/onboarding";
    await signInWithTestWallet(page, { next });
    for (const locale of ["en", "zh-HK"]) {
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E_ORIGIN }]);
      for (const [w, h] of [[1280, 900], [375, 812]] as const) {
        await page.setViewportSize({ width: w, height: h });
        const pages = who === "mei" ? [next, "/portfolio"] : [next];
        for (const p of pages) {
          await page.goto(p);
          if (p.endsWith("/buy")) {
            const connect = page.getByRole("button", { name: locale === "en" ? "Connect wallet" : "連接錢包" });
            if (await connect.isVisible().catch(() => false)) {
              await connect.click();
              await page.getByRole("dialog").getByRole("button", { name: /Test Wallet/ }).click();
            }
            await page.getByLabel(locale === "en" ? "Number of shares" : "份額數目").fill(who === "priya" ? "10" : "7");
            await expect(page.locator('[data-check="balance"]')).not.toHaveAttribute("data-state", "unknown");
            await page.waitForTimeout(1200);
          }
          const name = `${who}-${p.split("/").filter(Boolean).pop()}-${locale}-${w}`;
          await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
          if (who === "mei" && p.endsWith("/buy") && w === 1280) {
            await page.getByRole("button", { name: locale === "en" ? "Review purchase" : "檢視購買詳情" }).click();
            await page.waitForTimeout(500);
            await page.screenshot({ path: `${out}/${name}-confirm.png` });
            await page.keyboard.press("Escape");
          }
        }
      }
    }
  });
}
