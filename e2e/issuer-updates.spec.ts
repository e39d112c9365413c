/**
 * Issuer updates (issue 7): lumen publishes a valuation with a PDF on an artwork he owns; it stays hidden
 * from investors until its SHA-256 is anchored on-chain from his wallet, then a visitor (without JavaScript)
 * sees it on the artwork page, its document verified against the chain and the valuation in the appraisals.
 */
import { createHash } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { simplePdf } from "../scripts/seed/pdf";
import { expect, installWallet, test, type DemoKey, type WalletLog } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_ORIGIN } from "./ports";

const SLUG = "harbour-at-dusk-no-3";
const sends = (log: WalletLog) => log.filter((r) => r.method === "eth_sendTransaction").length;

async function as(browser: Browser, who: DemoKey, next: string): Promise<{ page: Page; log: WalletLog }> {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  const log = await installWallet(page, who);
  await signInWithTestWallet(page, { next });
  return { page, log };
}

async function connectIfAsked(page: Page, scope = page.locator("body")) {
  const connect = scope.getByRole("button", { name: "Connect wallet" });
  if (await connect.isVisible()) {
    await connect.click();
    const dialog = page.getByRole("dialog", { name: "Connect a wallet" });
    await dialog.getByRole("button", { name: /Test Wallet/ }).click();
    await expect(dialog).toBeHidden();
  }
}

/** A visitor's view of the artwork page, rendered by the server alone. */
async function visitorPage(browser: Browser) {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/artworks/${SLUG}`);
  return page;
}

async function openListing(page: Page, title: RegExp) {
  await page.goto("/issuer");
  await page.getByRole("link", { name: title }).first().click();
  await expect(page).toHaveURL(/\/issuer\/artworks\/[0-9a-f-]{36}$/);
}

test.describe.configure({ mode: "serial" });

test("an issuer publishes a valuation whose PDF is anchored on-chain; a visitor sees it verified", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const headline = `Revalued after the Afterglow retrospective ${Date.now().toString(36)}`;
  const { page, log } = await as(browser, "lumen", "/issuer");
  await openListing(page, /Harbour at Dusk, No\. 3/);
  const updates = page.getByRole("region", { name: "Updates for investors" });
  await expect(updates).toBeVisible();
  const form = updates.getByRole("form", { name: "New update" });

  // Field-by-field validation, beside each field; nothing is saved.
  await form.getByLabel("New value (HK$)").fill("two million");
  await form.getByRole("button", { name: "Save update" }).click();
  await expect(form.getByLabel("Headline")).toHaveAccessibleDescription("Required.");
  await expect(form.getByLabel("Appraiser")).toHaveAccessibleDescription("Required.");
  await expect(form.getByLabel("New value (HK$)")).toHaveAccessibleDescription(
    /Use digits only, with a decimal point for cents/,
  );
  await expect(form.getByLabel("New value (HK$)")).toHaveValue("two million");

  // A file that is not a PDF is refused by its content.
  await form.getByLabel("Headline").fill(headline);
  await form.getByLabel("New value (HK$)").fill("2,650,000");
  await form.getByLabel("Appraiser").fill("Meridian Valuation Services");
  await form.getByLabel("Details").fill("Revalued after the **Afterglow** retrospective at Tai Kwun.");
  await form.getByLabel("PDF documents (optional)").setInputFiles({
    name: "valuation.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("not a pdf, only a name"),
  });
  await form.getByRole("button", { name: "Save update" }).click();
  await expect(form.getByLabel("PDF documents (optional)")).toHaveAccessibleDescription(/not a PDF/);
  await expect(form.getByLabel("Headline")).toHaveValue(headline);

  const pdf = simplePdf("Valuation report", [
    "Harbour at Dusk, No. 3",
    "Appraised value: HKD 2,650,000",
    "Meridian Valuation Services",
  ]);
  const sha = `0x${createHash("sha256").update(pdf).digest("hex")}`;
  await form
    .getByLabel("PDF documents (optional)")
    .setInputFiles({ name: "valuation.pdf", mimeType: "application/pdf", buffer: pdf });
  await form.getByRole("button", { name: "Save update" }).click();
  await expect(updates.getByText("Update saved. Anchor its documents below to publish it.")).toBeVisible();
  const item = updates.getByRole("listitem", { name: headline });
  await expect(item.getByText("Waiting for anchoring", { exact: true })).toBeVisible();
  await expect(item.getByText(`SHA-256 ${sha}`)).toBeVisible();

  // Saved but not anchored: investors do not see it.
  const early = await visitorPage(browser);
  const earlyUpdates = early.getByRole("region", { name: "Updates from the issuer" });
  await expect(earlyUpdates).toBeVisible();
  await expect(earlyUpdates.getByText(headline)).toHaveCount(0);
  await early.context().close();

  // Anchor from the issuer's own wallet (one transaction), then the server checks the chain and publishes.
  await connectIfAsked(page, item);
  const before = sends(log);
  await item.getByRole("button", { name: `Anchor 1 document and publish: ${headline}` }).click();
  await expect(item.getByText("Published", { exact: true })).toBeVisible({ timeout: 30_000 });
  expect(sends(log) - before).toBe(1);
  await expect(item.getByText(/Transaction: 0x[0-9a-f]{64}/)).toBeVisible();

  // A visitor, without JavaScript: the update is there, newest first, its document verified on-chain.
  const visitor = await visitorPage(browser);
  const region = visitor.getByRole("region", { name: "Updates from the issuer" });
  const article = region.getByRole("article", { name: headline });
  await expect(article).toBeVisible();
  await expect(region.getByRole("article").first()).toHaveAccessibleName(headline);
  await expect(article.locator("strong", { hasText: "Afterglow" })).toBeVisible();
  await expect(article).toContainText("Valued by Meridian Valuation Services at HK$2,650,000");
  const docs = article.getByRole("list", { name: `Documents of ${headline}` });
  await expect(docs.getByText("Verified on-chain")).toBeVisible();
  await expect(docs).toContainText(sha);
  // The valuation joins the appraisal history; the update's PDF is not one of the listing's own documents.
  const appraisals = visitor.getByRole("region", { name: "Appraisal history" });
  await expect(appraisals.getByRole("row", { name: /Meridian Valuation Services.*HK\$2,650,000/ })).toBeVisible();
  await expect(visitor.getByRole("region", { name: "Documents", exact: true })).not.toContainText(sha);
  // The document served is the one anchored.
  const href = await docs.getByRole("link").first().getAttribute("href");
  const served = await visitor.request.get(href!);
  expect(
    `0x${createHash("sha256")
      .update(await served.body())
      .digest("hex")}`,
  ).toBe(sha);
  await visitor.context().close();
  await page.context().close();
});

test("another issuer cannot publish an update on lumen's artwork", async ({ browser }) => {
  test.setTimeout(90_000);
  const lumen = await as(browser, "lumen", "/issuer");
  await openListing(lumen.page, /Quiet Mountains/);
  const listingId = lumen.page.url().split("/").pop()!;
  // Quiet Mountains' offering was closed: its artwork is now trading.
  await lumen.page.goto("/issuer");
  await expect(lumen.page.getByRole("row", { name: /Quiet Mountains/ })).toContainText("Trading");
  await lumen.page.context().close();

  const harbour = await as(browser, "harbourfront", "/issuer");
  expect((await harbour.page.goto(`/issuer/artworks/${listingId}`))?.status()).toBe(404);
  // Harbourfront's wallet posts an update to lumen's listing's upload route directly, as a script would: refused
  // before the body is read, in words.
  const forged = await harbour.page.request.post(`/api/uploads/listings/${listingId}/updates`, {
    multipart: { kind: "custody", title: "Hijacked custody change", bodyMd: "Moved.", eventDate: "2026-01-02" },
  });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toMatchObject({ ok: false, message: "This listing does not exist or is not yours." });
  await harbour.page.context().close();

  const visitor = await visitorPage(browser);
  await visitor.goto("/artworks/quiet-mountains");
  await expect(visitor.getByText("Hijacked custody change")).toHaveCount(0);
  await visitor.context().close();
});

test("updates at 1280 and 375 px, in English and Chinese (screenshots)", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const lumen = await as(browser, "lumen", "/issuer");
  await openListing(lumen.page, /Harbour at Dusk, No\. 3/);
  const listing = lumen.page.url();
  for (const locale of ["en", "zh-HK"] as const) {
    await lumen.page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E_ORIGIN }]);
    for (const width of [1280, 375]) {
      await lumen.page.setViewportSize({ width, height: 900 });
      await lumen.page.goto(listing);
      await lumen.page.locator("#updates").scrollIntoViewIfNeeded();
      await lumen.page
        .locator("section:has(#updates)")
        .screenshot({ path: testInfo.outputPath(`issuer-updates-${locale}-${width}.png`) });
      await lumen.page.goto(`/artworks/${SLUG}`);
      await lumen.page
        .locator("section:has(#updates)")
        .screenshot({ path: testInfo.outputPath(`artwork-updates-${locale}-${width}.png`) });
    }
  }
  await lumen.page.context().close();
});
