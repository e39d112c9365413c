/**
 * Issuer journeys (issue 7): a listing with an image and a PDF, review by a compliance officer, go-on-chain
 * from the issuer's wallet (deploy → anchor → offering) resumed after a reload, an investor buying in the
 * new offering, proceeds withdrawn; and another issuer refused both by URL and by calling the action directly.
 */
import { createHash } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import sharp from "sharp";
import { simplePdf } from "../scripts/seed/pdf";
import { expect, installWallet, test, type DemoKey, type WalletLog } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_ORIGIN } from "./ports";

const sends = (log: WalletLog) => log.filter((r) => r.method === "eth_sendTransaction").length;

async function as(browser: Browser, who: DemoKey, next: string): Promise<{ page: Page; log: WalletLog }> {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  const log = await installWallet(page, who);
  await signInWithTestWallet(page, { next });
  return { page, log };
}

async function connectIfAsked(page: Page) {
  const connect = page.getByRole("button", { name: "Connect wallet" });
  if (await connect.isVisible()) {
    await connect.click();
    const dialog = page.getByRole("dialog", { name: "Connect a wallet" });
    await dialog.getByRole("button", { name: /Test Wallet/ }).click();
    await expect(dialog).toBeHidden();
  }
}

async function createDraft(page: Page, title: string): Promise<string> {
  await page.goto("/issuer/artworks/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Artist").fill("Chan Siu-ming");
  await page.getByLabel("Description", { exact: true }).fill("Ink and colour on paper.\n\nA **quiet** harbour at dawn.");
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page).toHaveURL(/\/issuer\/artworks\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

test.describe.configure({ mode: "serial" });

test("an issuer lists an artwork, it is approved, goes on-chain (resuming after a reload), sells, and proceeds are withdrawn", async ({ browser }) => {
  test.setTimeout(240_000);
  const title = `Morning Tide ${Date.now().toString(36)}`;
  const { page, log } = await as(browser, "lumen", "/issuer");
  await expect(page.getByRole("heading", { name: "Issuer console" })).toBeVisible();

  // Field-by-field validation, messages beside the fields, typed values kept.
  await page.goto("/issuer/artworks/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Year").fill("20x9");
  await page.getByLabel("Provenance").fill("2019 — Studio of the artist\nexhibited somewhere");
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page.getByLabel("Year")).toHaveAccessibleDescription(/four-digit year/);
  await expect(page.getByLabel("Artist")).toHaveAccessibleDescription("Required.");
  await expect(page.getByLabel("Provenance")).toHaveAccessibleDescription(/Line 2 should start with a year/);
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);

  await page.getByLabel("Year").fill("2021");
  await page.getByLabel("Artist").fill("Lam Wing-sze");
  await page.getByLabel("Medium").fill("Oil on linen");
  await page.getByLabel("Provenance").fill("2021 — Studio of the artist\n2023 — Exhibited: Tides, Hong Kong");
  await page.getByLabel("Description", { exact: true }).fill("Low tide at **Tai O**, painted at first light.\n\n<script>alert(1)</script>");
  await page.getByLabel("Custodian", { exact: true }).fill("Hong Kong Fine Art Storage Ltd");
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page).toHaveURL(/\/issuer\/artworks\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  // Markdown rendered safely: bold is bold, the script tag is text.
  await expect(page.locator("strong", { hasText: "Tai O" })).toBeVisible();
  await expect(page.getByText("<script>alert(1)</script>")).toBeVisible();

  // A file that claims to be an image but is not is refused by content.
  await page.getByLabel("Image file").setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("not really a png") });
  await page.getByRole("button", { name: "Upload image" }).click();
  await expect(page.getByLabel("Image file")).toHaveAccessibleDescription(/not a JPEG, PNG or WebP image/);

  const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 40, g: 90, b: 140 } } }).png().toBuffer();
  await page.getByLabel("Image file").setInputFiles({ name: "tide.png", mimeType: "image/png", buffer: png });
  await page.getByLabel("Image description").fill("Morning tide, blue field");
  await page.getByRole("button", { name: "Upload image" }).click();
  await expect(page.getByText("Image added.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Morning tide, blue field" })).toBeVisible();

  // A PDF that is not a PDF, then a real one with its SHA-256 shown.
  await page.getByLabel("Document title").fill("Independent appraisal");
  await page.getByLabel("PDF file").setInputFiles({ name: "appraisal.pdf", mimeType: "application/pdf", buffer: png });
  await page.getByRole("button", { name: "Upload document" }).click();
  await expect(page.getByLabel("PDF file")).toHaveAccessibleDescription(/not a PDF/);
  const pdf = simplePdf("Independent appraisal", [`Artwork: ${title}`, "Appraised value: HKD 1,200,000"]);
  const sha = `0x${createHash("sha256").update(pdf).digest("hex")}`;
  await page.getByLabel("Document title").fill("Independent appraisal");
  await page.getByLabel("PDF file").setInputFiles({ name: "appraisal.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("button", { name: "Upload document" }).click();
  await expect(page.getByTestId("document-sha256")).toHaveText(sha);

  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("In review", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit details" })).toHaveCount(0);

  // Compliance: grace approves.
  const grace = await as(browser, "grace", "/compliance/listings");
  const card = grace.page.getByRole("article", { name: new RegExp(title) });
  await expect(card).toBeVisible();
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(grace.page.getByRole("status").filter({ hasText: "The issuer can now deploy the token." })).toContainText(`Approved: ${title}`);
  await expect(card).toHaveCount(0);
  await grace.page.context().close();

  // Go on-chain: deploy, then an interruption (reload), then resume.
  await page.reload();
  await expect(page.getByText("Approved", { exact: true }).first()).toBeVisible();
  await connectIfAsked(page);
  const before = sends(log);
  await page.getByRole("button", { name: "Deploy token" }).click();
  await expect(page.getByTestId("token-address")).toContainText(/0x[0-9a-fA-F]{40}/, { timeout: 30_000 });
  expect(sends(log) - before).toBe(1);

  await page.reload();
  await expect(page.getByTestId("token-address")).toBeVisible();
  await expect(page.getByRole("button", { name: "Deploy token" })).toHaveCount(0);
  await connectIfAsked(page);
  await page.getByRole("button", { name: "Anchor 1 document" }).click();
  await expect(page.getByRole("button", { name: "Create offering" })).toBeVisible({ timeout: 30_000 });
  expect(sends(log) - before).toBe(2);

  await page.reload();
  await expect(page.getByTestId("token-address")).toBeVisible();
  await expect(page.getByText("Anchored", { exact: true })).toBeVisible();
  await connectIfAsked(page);

  // Bad terms are refused before anything is signed.
  await page.getByLabel("Price per share (HK$)").fill("500");
  await page.getByLabel("Shares offered").fill("0");
  await page.getByLabel("Minimum ticket (shares)").fill("5");
  await page.getByLabel("Maximum per investor (shares)").fill("2");
  await page.getByRole("button", { name: "Create offering" }).click();
  await expect(page.getByLabel("Shares offered")).toHaveAccessibleDescription(/at least 1 share/);
  await expect(page.getByLabel("Maximum per investor (shares)")).toHaveAccessibleDescription(/cannot be below the minimum/);
  const endField = page.getByLabel("Closes");
  const startValue = await page.getByLabel("Opens").inputValue();
  await endField.fill(startValue);
  await page.getByRole("button", { name: "Create offering" }).click();
  await expect(endField).toHaveAccessibleDescription(/after the start/);
  expect(sends(log) - before).toBe(2);

  await page.getByLabel("Shares offered").fill("100");
  await page.getByLabel("Minimum ticket (shares)").fill("1");
  await page.getByLabel("Maximum per investor (shares)").fill("20");
  const end = new Date(Date.now() + 7 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  await endField.fill(`${end.getFullYear()}-${pad(end.getMonth() + 1)}-${pad(end.getDate())}T12:00`);
  await page.getByRole("button", { name: "Create offering" }).click();
  await expect(page.getByText(/Offering #\d+ created\./)).toBeVisible({ timeout: 30_000 });
  expect(sends(log) - before).toBe(3);
  await expect(page.getByText("Offering live", { exact: true }).first()).toBeVisible();
  const slug = (await page.getByRole("link", { name: "Public page" }).getAttribute("href"))!.split("/").pop()!;

  // An investor sees it live and buys.
  const mei = await as(browser, "mei", `/artworks/${slug}/buy`);
  await expect(mei.page.getByRole("heading", { name: "Buy shares" })).toBeVisible();
  const shares = mei.page.getByLabel("Number of shares");
  await shares.fill("2");
  await mei.page.getByRole("button", { name: "Review purchase" }).click();
  await mei.page.getByRole("dialog", { name: "Confirm your purchase" }).getByRole("button", { name: "Sign and buy" }).click();
  await expect(mei.page.getByTestId("purchase-status")).toContainText("Purchase confirmed", { timeout: 30_000 });
  await mei.page.goto(`/artworks/${slug}`);
  await expect(mei.page.getByRole("heading", { name: title })).toBeVisible();
  await expect(mei.page.getByRole("region", { name: "Documents" }).getByText(/verified/i).first()).toBeVisible();
  await mei.page.context().close();

  // The issuer sees the sale and withdraws the proceeds.
  await page.reload();
  await expect(page.getByTestId("live-sold")).toHaveText("2 / 100");
  await expect(page.getByTestId("live-investors")).toHaveText("1");
  await expect(page.getByTestId("live-proceeds")).toHaveText("HK$1,000.00");
  await connectIfAsked(page);
  await page.getByRole("button", { name: "Withdraw proceeds" }).click();
  await expect(page.getByTestId("withdraw-status")).toContainText("Proceeds withdrawn.", { timeout: 30_000 });
  await expect(page.getByTestId("live-withdrawn")).toHaveText("HK$1,000.00");

  await page.goto("/issuer");
  await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText("Offering live");
  await page.context().close();
});

test("another issuer cannot edit a listing, neither by URL nor by calling the action directly", async ({ browser }) => {
  test.setTimeout(120_000);
  const lumen = await as(browser, "lumen", "/issuer");
  const title = `Private draft ${Date.now().toString(36)}`;
  const lumenId = await createDraft(lumen.page, title);

  const harbour = await as(browser, "harbourfront", "/issuer");
  await expect(harbour.page.getByRole("link", { name: new RegExp(title) })).toHaveCount(0);
  for (const path of [`/issuer/artworks/${lumenId}`, `/issuer/artworks/${lumenId}/edit`]) {
    const res = await harbour.page.goto(path);
    expect(res?.status()).toBe(404);
  }

  // The server action itself: harbourfront's own form, with lumen's listing id forged into it.
  await harbour.page.goto("/issuer/artworks/new");
  await harbour.page.getByLabel("Title", { exact: true }).fill("Hijacked title");
  await harbour.page.getByLabel("Artist").fill("Nobody");
  await harbour.page.getByLabel("Description", { exact: true }).fill("Overwritten.");
  await harbour.page.evaluate((forged) => {
    const form = Array.from(document.forms).find((f) => f.textContent?.includes("Create listing"))!;
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = "id";
    input.value = forged;
    form.prepend(input);
  }, lumenId);
  await harbour.page.getByRole("button", { name: "Create listing" }).click();
  await expect(harbour.page.getByText("This listing does not exist or is not yours.")).toBeVisible();

  await lumen.page.goto(`/issuer/artworks/${lumenId}`);
  await expect(lumen.page.getByRole("heading", { name: title })).toBeVisible();
  await lumen.page.context().close();
  await harbour.page.context().close();
});

test("issuer console and review queue at 1280 and 375 px, in English and Chinese (screenshots)", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const lumen = await as(browser, "lumen", "/issuer");
  const rows = await lumen.page.getByRole("row").count();
  expect(rows).toBeGreaterThan(1);
  const id = (await lumen.page.getByRole("link", { name: /Morning Tide/ }).first().getAttribute("href"))!;
  for (const locale of ["en", "zh-HK"] as const) {
    await lumen.page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E_ORIGIN }]);
    for (const width of [1280, 375]) {
      await lumen.page.setViewportSize({ width, height: 900 });
      for (const [name, path] of [["dashboard", "/issuer"], ["listing", id], ["new", "/issuer/artworks/new"]] as const) {
        await lumen.page.goto(path);
        await lumen.page.screenshot({ path: testInfo.outputPath(`${name}-${locale}-${width}.png`), fullPage: true });
      }
    }
  }
  await lumen.page.context().close();
});
