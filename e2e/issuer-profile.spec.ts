/**
 * The issuer's company profile (issue 16): harbourfront edits its names and "about" in both languages and uploads
 * a logo (a file that is no image is refused in words); a visitor then sees the profile on its artwork's page, in
 * English and in 中文, with the logo's alternative text — instead of a wallet address. Axe on both pages.
 */
import sharp from "sharp";
import { expectNoAxeViolations } from "./fixtures/axe";
import { expect, installWallet, test } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_ORIGIN } from "./ports";

const SLUG = "typhoon-signal-8";

test("an issuer edits its company profile; a visitor sees it on the artwork page in English and 中文", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const nameEn = `Harbourfront Fine Art ${run}`;
  const nameZh = `海濱美術 ${run}`;
  const aboutEn = `A gallery on the Central harbourfront (${run}).`;
  const aboutZh = `位於中環海濱的畫廊（${run}）。`;

  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  await installWallet(page, "harbourfront");
  await signInWithTestWallet(page, { next: "/issuer" });
  await page.getByRole("link", { name: "Company profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Company profile" })).toBeVisible();
  await expectNoAxeViolations(page, { label: "issuer profile" });

  await page.getByLabel("Display name (English)").fill(nameEn);
  await page.getByLabel("Display name (中文)").fill(nameZh);
  await page.getByLabel("About (English)").fill(aboutEn);
  await page.getByLabel("About (中文)").fill(aboutZh);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Your company profile is saved.")).toBeVisible();

  // A file that is no image is refused by its bytes, whatever its name says.
  const logo = page.getByRole("region", { name: "Logo" }).getByLabel("Logo", { exact: true });
  await logo.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("not an image at all") });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expect(page.getByText("Your logo is saved.")).toHaveCount(0);

  const png = await sharp({ create: { width: 160, height: 160, channels: 3, background: "#0f3d5e" } })
    .png()
    .toBuffer();
  await logo.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByText("Your logo is saved.")).toBeVisible();
  await expect(page.getByRole("img", { name: `Logo of ${nameEn}` })).toBeVisible();
  await context.close();

  // A visitor, in English.
  const visitor = await browser.newContext({ baseURL: E2E_ORIGIN });
  const v = await visitor.newPage();
  await v.goto(`/artworks/${SLUG}`);
  const issuer = v.getByRole("region", { name: "Issuer", exact: true });
  await expect(issuer.getByText(nameEn)).toBeVisible();
  await expect(issuer.getByText(aboutEn)).toBeVisible();
  const img = issuer.getByRole("img", { name: `Logo of ${nameEn}` });
  await expect(img).toBeVisible();
  expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
  await expectNoAxeViolations(v, { label: "artwork page with issuer" });

  // The same visitor reading in 中文.
  await visitor.addCookies([{ name: "NEXT_LOCALE", value: "zh-HK", url: E2E_ORIGIN }]);
  await v.goto(`/artworks/${SLUG}`);
  const issuerZh = v.getByRole("region", { name: "發行人", exact: true });
  await expect(issuerZh.getByText(nameZh)).toBeVisible();
  await expect(issuerZh.getByText(aboutZh)).toBeVisible();
  await expect(issuerZh.getByRole("img", { name: `${nameZh}的標誌` })).toBeVisible();
  await expectNoAxeViolations(v, { label: "artwork page with issuer, 中文" });
  await visitor.close();
});
