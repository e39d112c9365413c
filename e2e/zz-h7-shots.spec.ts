/** Temporary (not for commit): screenshots of the onboarding and KYC pages, 1280 and 375 wide, en and zh-HK. */
import { accounts, type DemoKey, expect, installWallet, test } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_ORIGIN } from "./ports";

const out = process.env.E2E_OUTPUT_DIR ?? "/tmp";

test("screenshots", async ({ browser }) => {
  test.setTimeout(300_000);
  (accounts as Record<string, number>).fresh = 13;
  for (const [key, paths] of [
    ["fresh", ["/onboarding", "/onboarding/personal", "/onboarding/residence", "/onboarding/category", "/onboarding/questionnaire", "/onboarding/disclosures", "/onboarding/documents", "/onboarding/review"]],
    ["grace", ["/compliance/kyc", "/compliance/kyc?status=approved"]],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await installWallet(page, key as DemoKey);
    await signInWithTestWallet(page, { next: "/onboarding" });
    if (key === "fresh") {
      await page.getByRole("button", { name: "Start your application" }).click();
      await page.getByRole("button", { name: "Save and continue" }).click();
      await expect(page.getByText("Enter your full legal name").first()).toBeVisible();
      await page.screenshot({ path: `${out}/shot-personal-errors.png`, fullPage: true });
    }
    for (const locale of ["en", "zh-HK"]) {
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E_ORIGIN }]);
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        for (const p of paths) {
          await page.goto(p);
          await expect(page.locator("main")).toBeVisible();
          await page.screenshot({ path: `${out}/shot-${key}-${p.replace(/[/?=]/g, "_")}-${locale}-${width}.png`, fullPage: true });
        }
        if (key === "grace") {
          await page.goto("/compliance/kyc?status=approved");
          const link = page.locator("tbody a").first();
          if (await link.count()) {
            await link.click();
            await page.screenshot({ path: `${out}/shot-grace-app-${locale}-${width}.png`, fullPage: true });
          }
        }
      }
    }
    await context.close();
  }
});
