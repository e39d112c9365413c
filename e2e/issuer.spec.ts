/**
 * Issuer journeys (issue 7): a listing with images and a PDF, review by a compliance officer, go-on-chain
 * from the issuer's wallet (deploy → anchor → offering) resumed after a reload, an investor buying in the
 * new offering, proceeds withdrawn. Real interruptions: a deploy sent while the console was closed, a deploy
 * still pending when the console is reopened, an offering created elsewhere before the console's own — none
 * done twice, each recorded from the chain and audited with its transaction. The offering closed early; and
 * another issuer refused by URL and by calling the actions directly.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page, TestInfo } from "@playwright/test";
import sharp from "sharp";
import { encodeFunctionData, parseAbi, parseEventLogs, type Address, type Hex, type Log } from "viem";
import { simplePdf } from "../scripts/seed/pdf";
import { addressOf, expect, installWallet, rpc, test, type DemoKey, type WalletLog } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_DATA_DIR, E2E_DIST_DIR, E2E_ORIGIN } from "./ports";

const sends = (log: WalletLog) => log.filter((r) => r.method === "eth_sendTransaction").length;

const terms =
  "(uint256 pricePerShare, uint256 supplyCap, uint256 minTicket, uint256 maxTicket, uint64 start, uint64 end, uint8 eligibleCategories, address treasury)";
const factoryAbi = parseAbi([
  "function deployToken(string name, string symbol, uint256 maxSupply, (uint16[] allowedCountries, uint8 eligibleCategories, uint32 maxHolders, uint256 maxBalancePerInvestor, uint64 lockupSeconds) rules, string metadataURI, bytes32 metadataHash) returns (address)",
  "event TokenDeployed(address indexed token, address indexed issuer, string name, string symbol)",
]);
const offeringAbi = parseAbi([
  `function createOffering(address token, ${terms} terms) returns (uint256)`,
  `event OfferingCreated(uint256 indexed id, address indexed token, address indexed issuer, ${terms} terms)`,
]);

function deployments(): { shareTokenFactory: Address; primaryOffering: Address } {
  return JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "deployments", "31337.json"), "utf8"));
}

/** Sends a transaction from a dev account straight through anvil (no page involved) and waits for its receipt. */
async function sendDirect(from: DemoKey, to: Address, data: Hex): Promise<{ hash: Hex; logs: Log[] }> {
  const hash = await rpc<Hex>("eth_sendTransaction", [{ from: addressOf(from), to, data }]);
  let receipt: { status: string; logs: Log[] } | null = null;
  await expect
    .poll(
      async () =>
        (receipt = await rpc<{ status: string; logs: Log[] } | null>("eth_getTransactionReceipt", [hash]))?.status,
    )
    .toBe("0x1");
  return { hash, logs: receipt!.logs };
}

/** The id under which Next serves a server action (the build's manifest), to call it as a forger would. */
function actionId(file: string, name: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(E2E_DIST_DIR, "server", "server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!found) throw new Error(`server action ${name} not found in the build manifest`);
  return found[0];
}

/** Calls a server action directly from the page (the signed-in browser's cookies), with forged arguments. */
async function callAction(page: Page, id: string, args: unknown[]): Promise<string> {
  return page.evaluate(
    async ({ id, body }) => {
      const res = await fetch(location.pathname, {
        method: "POST",
        headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        body,
      });
      return res.text();
    },
    { id, body: JSON.stringify(args) },
  );
}

/** Hidden fields placed first in a form: an action reads the first value of each name in the form data. */
async function forge(form: Locator, fields: Record<string, string>) {
  await form.evaluate((el, entries) => {
    for (const [name, value] of entries) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      el.prepend(input);
    }
  }, Object.entries(fields));
}

/** Screenshots of one part of the page in both languages at 1280 and 375 px (then back to English, 1280). */
async function snap(page: Page, testInfo: TestInfo, name: string, selector: string) {
  for (const locale of ["en", "zh-HK"] as const) {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E_ORIGIN }]);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.reload();
      await expect(page.locator(selector)).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.locator(selector).screenshot({ path: testInfo.outputPath(`${name}-${locale}-${width}.png`) });
    }
  }
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: E2E_ORIGIN }]);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.reload();
}

/** The audit log as compliance exports it (CSV), for one action. */
async function auditCsv(page: Page, action: string): Promise<string> {
  const res = await page.request.get(`/compliance/audit/audit.csv?action=${action}`);
  expect(res.status()).toBe(200);
  return res.text();
}

async function as(browser: Browser, who: DemoKey, next: string): Promise<{ page: Page; log: WalletLog }> {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  const log = await installWallet(page, who);
  await signInWithTestWallet(page, { next });
  return { page, log };
}

/**
 * Makes sure the wallet is connected for `action` (a button that needs it): wagmi reconnects a moment after a
 * reload, so decide only once the page has settled either way.
 */
async function connectFor(page: Page, action: Locator) {
  await expect(async () => {
    if (await action.isEnabled()) return;
    const connect = page.getByRole("button", { name: "Connect wallet" }).first();
    if (await connect.isVisible()) {
      await connect.click();
      const dialog = page.getByRole("dialog", { name: "Connect a wallet" });
      await dialog.getByRole("button", { name: /Test Wallet/ }).click();
      await expect(dialog).toBeHidden();
    }
    expect(await action.isEnabled()).toBe(true);
  }).toPass({ timeout: 20_000 });
}

async function createDraft(page: Page, title: string): Promise<string> {
  await page.goto("/issuer/artworks/new");
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(title);
  await page.getByLabel("Artist").fill("Chan Siu-ming");
  await page
    .getByRole("textbox", { name: "Description", exact: true })
    .fill("Ink and colour on paper.\n\nA **quiet** harbour at dawn.");
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page).toHaveURL(/\/issuer\/artworks\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

const png = (r: number, g: number, b: number) =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: { r, g, b } } })
    .png()
    .toBuffer();

async function uploadImage(page: Page, alt: string, buffer: Buffer) {
  await page.getByLabel("Image file").setInputFiles({ name: "image.png", mimeType: "image/png", buffer });
  await page.getByLabel("Image description").fill(alt);
  await page.getByRole("button", { name: "Upload image" }).click();
  await expect(page.getByRole("list", { name: "Images" }).getByText(alt, { exact: true })).toBeVisible();
}

/** A lumen listing with an image and a PDF, submitted and approved by grace. Returns its id. */
async function approvedListing(browser: Browser, page: Page, title: string): Promise<string> {
  const id = await createDraft(page, title);
  await uploadImage(page, `${title}, front`, await png(120, 60, 40));
  await page.getByLabel("Document title").fill("Condition report");
  await page.getByLabel("PDF file").setInputFiles({
    name: "condition.pdf",
    mimeType: "application/pdf",
    buffer: simplePdf("Condition report", [title]),
  });
  await page.getByRole("button", { name: "Upload document" }).click();
  await expect(page.getByTestId("document-sha256")).toHaveCount(1);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("In review", { exact: true }).first()).toBeVisible();
  const grace = await as(browser, "grace", "/compliance/listings");
  const card = grace.page.getByRole("article", { name: new RegExp(title) });
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(card).toHaveCount(0);
  await grace.page.context().close();
  await page.reload();
  await expect(page.getByText("Approved", { exact: true }).first()).toBeVisible();
  return id;
}

test.describe.configure({ mode: "serial" });

test("an issuer lists an artwork, it is approved, goes on-chain (resuming after a reload), sells, and proceeds are withdrawn", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const title = `Morning Tide ${Date.now().toString(36)}`;
  const { page, log } = await as(browser, "lumen", "/issuer");
  await expect(page.getByRole("heading", { name: "Issuer console" })).toBeVisible();

  // Field-by-field validation, messages beside the fields, typed values kept.
  await page.goto("/issuer/artworks/new");
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(title);
  await page.getByLabel("Year").fill("20x9");
  await page.getByLabel("Provenance").fill("2019 — Studio of the artist\nexhibited somewhere");
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page.getByLabel("Year")).toHaveAccessibleDescription(/four-digit year/);
  await expect(page.getByLabel("Artist")).toHaveAccessibleDescription("Required.");
  await expect(page.getByLabel("Provenance")).toHaveAccessibleDescription(/Line 2 should start with a year/);
  await expect(page.getByRole("textbox", { name: "Title", exact: true })).toHaveValue(title);

  await page.getByLabel("Year").fill("2021");
  await page.getByLabel("Artist").fill("Lam Wing-sze");
  await page.getByLabel("Medium").fill("Oil on linen");
  await page.getByLabel("Provenance").fill("2021 — Studio of the artist\n2023 — Exhibited: Tides, Hong Kong");
  await page
    .getByRole("textbox", { name: "Description", exact: true })
    .fill("Low tide at **Tai O**, painted at first light.\n\n<script>alert(1)</script>");
  await page.getByLabel("Dimensions").fill("150 × 120 cm");
  await page.getByLabel("Custodian", { exact: true }).fill("Hong Kong Fine Art Storage Ltd");
  await page.getByLabel("Insured value (HK$)").fill("2,400,000");
  await page.getByLabel("Appraised value (HK$)").fill("1,200,000");
  await page.getByLabel("Appraiser").fill("Asia Art Valuers Ltd");
  await page.getByLabel("Appraisal date").fill("2026-03-02");
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page).toHaveURL(/\/issuer\/artworks\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  // Markdown rendered safely: bold is bold, the script tag is text.
  await expect(page.locator("strong", { hasText: "Tai O" })).toBeVisible();
  await expect(page.getByText("<script>alert(1)</script>")).toBeVisible();

  // A file that claims to be an image but is not is refused by content.
  await page
    .getByLabel("Image file")
    .setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("not really a png") });
  await page.getByRole("button", { name: "Upload image" }).click();
  await expect(page.getByLabel("Image file")).toHaveAccessibleDescription(/not a JPEG, PNG or WebP image/);

  const blue = await png(40, 90, 140);
  await page.getByLabel("Image file").setInputFiles({ name: "tide.png", mimeType: "image/png", buffer: blue });
  await page.getByLabel("Image description").fill("Morning tide, blue field");
  await page.getByRole("button", { name: "Upload image" }).click();
  await expect(page.getByText("Image added.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Morning tide, blue field" })).toBeVisible();

  // A second image, uploaded by mistake, is removed — after a confirmation that can be declined.
  await uploadImage(page, "Wrong photograph", await png(200, 30, 30));
  await expect(page.getByRole("img", { name: "Wrong photograph" })).toBeVisible();
  await page.getByRole("button", { name: "Remove image: Wrong photograph" }).click();
  const confirm = page.getByRole("dialog", { name: "Remove this image?" });
  await expect(confirm).toContainText("“Wrong photograph” is taken off the listing");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("img", { name: "Wrong photograph" })).toBeVisible();
  await page.getByRole("button", { name: "Remove image: Wrong photograph" }).click();
  await page.getByRole("dialog", { name: "Remove this image?" }).getByRole("button", { name: "Remove" }).click();
  await expect(page.getByRole("img", { name: "Wrong photograph" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Images" }).getByRole("listitem")).toHaveCount(1);

  // A PDF that is not a PDF, then a real one with its SHA-256 shown.
  await page.getByLabel("Document title").fill("Independent appraisal");
  await page.getByLabel("PDF file").setInputFiles({ name: "appraisal.pdf", mimeType: "application/pdf", buffer: blue });
  await page.getByRole("button", { name: "Upload document" }).click();
  await expect(page.getByLabel("PDF file")).toHaveAccessibleDescription(/not a PDF/);
  // A file over the size limit (30 MB; the limit is 15 MB) is refused in the browser before anything is sent: the
  // words beside the field, the typed title kept. Sent, such a body used to end in "Something went wrong".
  await page.getByLabel("Document title").fill("Independent appraisal");
  await page
    .getByLabel("PDF file")
    .setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(30 * 1024 * 1024, 0x25) });
  await page.getByRole("button", { name: "Upload document" }).click();
  await expect(page.getByLabel("PDF file")).toHaveAccessibleDescription(/over the size limit/);
  await expect(page.getByLabel("Document title")).toHaveValue("Independent appraisal");
  const pdf = simplePdf("Independent appraisal", [`Artwork: ${title}`, "Appraised value: HKD 1,200,000"]);
  const sha = `0x${createHash("sha256").update(pdf).digest("hex")}`;
  await page.getByLabel("Document title").fill("Independent appraisal");
  await page.getByLabel("PDF file").setInputFiles({ name: "appraisal.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("button", { name: "Upload document" }).click();
  await expect(page.getByTestId("document-sha256")).toHaveText(sha);

  // Until the listing is approved its image and documents go only to its issuer and compliance: 404 for a
  // visitor with the URL and for another issuer.
  const imageUrl = (await page.getByRole("img", { name: "Morning tide, blue field" }).getAttribute("src"))!;
  const documentUrl = (await page.getByRole("link", { name: "Independent appraisal" }).getAttribute("href"))!;
  const visitor = await browser.newContext({ baseURL: E2E_ORIGIN });
  const harbour = await as(browser, "harbourfront", "/issuer");
  const status = async (who: { request: Page["request"] }, url: string) => (await who.request.get(url)).status();
  for (const url of [imageUrl, documentUrl]) {
    expect(await status(page, url)).toBe(200);
    expect(await status(visitor, url)).toBe(404);
    expect(await status(harbour.page, url)).toBe(404);
  }

  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("In review", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit details" })).toHaveCount(0);
  for (const url of [imageUrl, documentUrl]) expect(await status(visitor, url)).toBe(404);
  // In review, images can no longer be removed.
  await expect(page.getByRole("button", { name: /^Remove image/ })).toHaveCount(0);

  // Compliance: grace approves.
  const grace = await as(browser, "grace", "/compliance/listings");
  const card = grace.page.getByRole("article", { name: new RegExp(title) });
  await expect(card).toBeVisible();
  // The card shows what approval depends on, and who the issuer is by name.
  const fact = (label: string) => card.locator(`dt:text-is("${label}") + dd`);
  await expect(fact("Issuer")).toHaveText("Lumen Art Partners Ltd");
  await expect(fact("Medium")).toHaveText("Oil on linen");
  await expect(fact("Dimensions")).toHaveText("150 × 120 cm");
  await expect(fact("Insured value")).toHaveText("HK$2,400,000.00");
  await expect(fact("Appraisal")).toHaveText(/HK\$1,200,000\.00.*Asia Art Valuers Ltd.*2 March 2026/);
  await expect(card.getByRole("list", { name: "Provenance" }).getByRole("listitem")).toHaveText([
    "2021 — Studio of the artist",
    "2023 — Exhibited: Tides, Hong Kong",
  ]);
  for (const url of [imageUrl, documentUrl]) expect(await status(grace.page, url)).toBe(200);
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(
    grace.page.getByRole("status").filter({ hasText: "The issuer can now deploy the token." }),
  ).toContainText(`Approved: ${title}`);
  await expect(card).toHaveCount(0);
  await grace.page.context().close();
  // Approved: the files are public from now on.
  for (const url of [imageUrl, documentUrl]) expect(await status(visitor, url)).toBe(200);
  await visitor.close();
  await harbour.page.context().close();

  // Go on-chain: deploy, then an interruption (reload), then resume.
  await page.reload();
  await expect(page.getByText("Approved", { exact: true }).first()).toBeVisible();
  await connectFor(page, page.getByRole("button", { name: "Deploy token" }));
  // The artwork's share count is required and becomes the token's fixed maximum supply.
  await page.getByRole("button", { name: "Deploy token" }).click();
  await expect(page.getByLabel("Number of shares")).toHaveAccessibleDescription(/Enter a whole number|Required/);
  await page.getByLabel("Number of shares").fill("200");
  const before = sends(log);
  // Symbols are unique on the platform: a symbol already used is refused beside the field, before any signature.
  const symbolField = page.getByRole("textbox", { name: "Symbol" });
  const chosen = await symbolField.inputValue();
  await symbolField.fill("QMTN");
  await page.getByRole("button", { name: "Deploy token" }).click();
  await expect(symbolField).toHaveAccessibleDescription(/The symbol QMTN is already used by “Quiet Mountains”/);
  expect(sends(log) - before).toBe(0);
  await symbolField.fill(chosen);
  await page.getByRole("button", { name: "Deploy token" }).click();
  await expect(page.getByTestId("token-address")).toContainText(/0x[0-9a-fA-F]{40}/, { timeout: 30_000 });
  expect(sends(log) - before).toBe(1);
  await expect(page.getByText(/Deployed in transaction: 0x[0-9a-f]{64}/)).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("token-address")).toBeVisible();
  await expect(page.getByRole("button", { name: "Deploy token" })).toHaveCount(0);
  await connectFor(page, page.getByRole("button", { name: "Anchor 1 document" }));
  await page.getByRole("button", { name: "Anchor 1 document" }).click();
  await expect(page.getByRole("button", { name: "Create offering" })).toBeVisible({ timeout: 30_000 });
  expect(sends(log) - before).toBe(2);

  await page.reload();
  await expect(page.getByTestId("token-address")).toBeVisible();
  await expect(page.getByText("Anchored", { exact: true })).toBeVisible();
  await connectFor(page, page.getByRole("button", { name: "Create offering" }));

  // Bad terms are refused before anything is signed.
  await page.getByLabel("Price per share (HK$)").fill("500");
  await page.getByLabel("Shares offered").fill("0");
  await page.getByLabel("Minimum ticket (shares)").fill("5");
  await page.getByLabel("Maximum per investor (shares)").fill("2");
  await page.getByRole("button", { name: "Create offering" }).click();
  await expect(page.getByLabel("Shares offered")).toHaveAccessibleDescription(/at least 1 share/);
  await expect(page.getByLabel("Maximum per investor (shares)")).toHaveAccessibleDescription(
    /cannot be below the minimum/,
  );
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
  await mei.page
    .getByRole("dialog", { name: "Confirm your purchase" })
    .getByRole("button", { name: "Sign and buy" })
    .click();
  await expect(mei.page.getByTestId("purchase-status")).toContainText("Purchase confirmed", { timeout: 30_000 });
  await mei.page.goto(`/artworks/${slug}`);
  await expect(mei.page.getByRole("heading", { name: title })).toBeVisible();
  await expect(
    mei.page
      .getByRole("region", { name: "Documents" })
      .getByText(/verified/i)
      .first(),
  ).toBeVisible();
  await mei.page.context().close();

  // The issuer sees the sale and withdraws the proceeds.
  await page.reload();
  await expect(page.getByTestId("live-sold")).toHaveText("2 / 100");
  await expect(page.getByTestId("live-investors")).toHaveText("1");
  await expect(page.getByTestId("live-proceeds")).toHaveText("HK$1,000.00");
  await connectFor(page, page.getByRole("button", { name: "Withdraw proceeds" }));
  await page.getByRole("button", { name: "Withdraw proceeds" }).click();
  await expect(page.getByTestId("withdraw-status")).toContainText("Proceeds withdrawn.", { timeout: 30_000 });
  await expect(page.getByTestId("live-withdrawn")).toHaveText("HK$1,000.00");

  await page.goto("/issuer");
  await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText("Offering live");
  await page.context().close();
});

test("a deploy sent while the console was closed is found on-chain and recorded, never deployed twice; a second offering is refused; the offering is closed early", async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  const title = `Night Ferry ${Date.now().toString(36)}`;
  const first = await as(browser, "lumen", "/issuer");
  const id = await approvedListing(browser, first.page, title);
  await snap(first.page, testInfo, "deploy-form", "section:has(#on-chain)");
  const metadataUri = (await first.page.getByTestId("metadata-uri").textContent())!;
  const metadataHash = (await first.page.getByTestId("metadata-hash").textContent()) as Hex;
  await first.page.context().close();

  // The console is closed: the issuer's wallet deploys the token from elsewhere (this page never sees it).
  const d = deployments();
  const rules = {
    allowedCountries: [344],
    eligibleCategories: 14,
    maxHolders: 500,
    maxBalancePerInvestor: 0n,
    lockupSeconds: 0n,
  };
  const deploy = await sendDirect(
    "lumen",
    d.shareTokenFactory,
    encodeFunctionData({
      abi: factoryAbi,
      functionName: "deployToken",
      args: ["Atelier Night Ferry", "NFRS", 100n, rules, metadataUri, metadataHash],
    }),
  );
  const [deployed] = parseEventLogs({ abi: factoryAbi, logs: deploy.logs, eventName: "TokenDeployed" });
  const token = deployed!.args.token;

  // Reopened: the token is found on-chain and recorded with its transaction; no deploy is offered, none is sent.
  const { page, log } = await as(browser, "lumen", `/issuer/artworks/${id}`);
  await expect(page.getByTestId("token-address")).toContainText(token);
  await expect(page.getByText(`Deployed in transaction: ${deploy.hash}`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Deploy token" })).toHaveCount(0);
  await expect(page.getByText("Token deployed", { exact: true }).first()).toBeVisible();
  await connectFor(page, page.getByRole("button", { name: "Anchor 1 document" }));
  await page.getByRole("button", { name: "Anchor 1 document" }).click();
  await expect(page.getByRole("button", { name: "Create offering" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Anchored in transaction: 0x[0-9a-f]{64}/)).toBeVisible();
  expect(sends(log)).toBe(1);
  await snap(page, testInfo, "offering-form", "section:has(#on-chain)");
  await connectFor(page, page.getByRole("button", { name: "Create offering" }));

  // Meanwhile an offering is created from another tab. The console's own "Create offering" checks the chain
  // first: it finds that one and does not create a second.
  const now = Math.floor(Date.now() / 1000);
  const created = await sendDirect(
    "lumen",
    d.primaryOffering,
    encodeFunctionData({
      abi: offeringAbi,
      functionName: "createOffering",
      args: [
        token,
        {
          pricePerShare: 250_000_000n,
          supplyCap: 40n,
          minTicket: 1n,
          maxTicket: 10n,
          start: BigInt(now - 60),
          end: BigInt(now + 7 * 86_400),
          eligibleCategories: 14,
          treasury: addressOf("lumen"),
        },
      ],
    }),
  );
  const [event] = parseEventLogs({ abi: offeringAbi, logs: created.logs, eventName: "OfferingCreated" });
  const offeringId = event!.args.id.toString();
  await page.getByLabel("Price per share (HK$)").fill("300");
  await page.getByLabel("Shares offered").fill("50");
  await page.getByLabel("Maximum per investor (shares)").fill("5");
  await page.getByRole("button", { name: "Create offering" }).click();
  await expect(
    page.getByText("This listing already has an offering on-chain: a second one was not created."),
  ).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("offering-created")).toHaveText(`Offering #${offeringId} created.`);
  await expect(page.getByText(`Created in transaction: ${created.hash}`)).toBeVisible();
  expect(sends(log)).toBe(1);
  await expect(page.getByTestId("live-sold")).toHaveText("0 / 40");

  // Close early: explained, confirmed once more, signed, then recorded from the receipt.
  await page.getByRole("button", { name: "Close offering" }).click();
  await expect(page.getByText("Close the offering now? This cannot be undone")).toBeVisible();
  await page.getByRole("button", { name: "Close it — open my wallet" }).click();
  await expect(page.getByTestId("close-status")).toContainText("Offering closed.", { timeout: 30_000 });
  expect(sends(log)).toBe(2);
  const history = page.getByTestId("offering-history");
  await expect(history).toContainText("Closed early");
  const closeHash = (await history.locator("code").first().textContent())!;
  await expect(page.getByRole("button", { name: "Close offering" })).toBeDisabled();
  await page.reload();
  await expect(page.getByText("The offering is not open.")).toBeVisible();
  // One state in every view: the issuer's badge and the public page both say it was closed (no market yet), the
  // public page shows no scheduled close date and nothing left to buy.
  await page.goto("/issuer");
  await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText("Offering closed");
  await expect(page.getByRole("row", { name: new RegExp(title) })).not.toContainText("Trading");
  await page.goto(`/issuer/artworks/${id}`);
  await page.goto((await page.getByRole("link", { name: "Public page" }).getAttribute("href"))!);
  const panel = page.getByRole("region", { name: "Offering" });
  await expect(panel.getByTestId("offering-state")).toHaveText("Closed by the issuer");
  await expect(panel).toContainText("The issuer closed this offering before it sold out.");
  await expect(panel).not.toContainText("Closes");
  await expect(panel).toContainText("0 shares available");
  await page.context().close();

  // Compliance sees each step in the audit log with its transaction, verified from the receipts.
  const grace = await as(browser, "grace", "/compliance/audit");
  expect(await auditCsv(grace.page, "listing.token_deployed")).toContain(deploy.hash);
  expect(await auditCsv(grace.page, "listing.document_anchored")).toMatch(
    new RegExp(`listing\\.document_anchored,artwork,${id}.*0x[0-9a-f]{64}`),
  );
  expect(await auditCsv(grace.page, "listing.offering_created")).toContain(created.hash);
  expect(await auditCsv(grace.page, "listing.offering_closed")).toContain(closeHash);
  await grace.page.context().close();
});

test("a deploy still pending when the console is reopened is waited for, not offered again, and recorded once mined", async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const title = `Lantern Street ${Date.now().toString(36)}`;
  const first = await as(browser, "lumen", "/issuer");
  const id = await approvedListing(browser, first.page, title);
  await connectFor(first.page, first.page.getByRole("button", { name: "Deploy token" }));
  // The chain stops mining: the deploy stays pending.
  await rpc("evm_setAutomine", [false]);
  try {
    const recorded = first.page.waitForResponse(
      (r) => r.request().method() === "POST" && (r.request().postData() ?? "").includes('"kind":"deploy"'),
    );
    await first.page.getByLabel("Number of shares").fill("100");
    await first.page.getByRole("button", { name: "Deploy token" }).click();
    await expect(first.page.getByTestId("deploy-status")).toHaveAttribute("data-step", "pending", { timeout: 30_000 });
    await expect(first.page.getByTestId("deploy-status")).toContainText("You can leave this page");
    const hash = (await first.page.getByTestId("deploy-status").locator("code").textContent())!;
    await recorded;
    expect(sends(first.log)).toBe(1);
    // The tab is closed while the transaction is pending.
    await first.page.context().close();

    const { page, log } = await as(browser, "lumen", `/issuer/artworks/${id}`);
    const waiting = page.getByTestId("deploy-waiting");
    await expect(waiting).toContainText("Deploy transaction sent, waiting for confirmation");
    await expect(waiting).toContainText(hash);
    await expect(page.getByRole("button", { name: "Deploy token" })).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId("deploy-waiting")).toContainText(hash);
    await expect(page.getByRole("button", { name: "Deploy token" })).toHaveCount(0);
    await snap(page, testInfo, "deploy-waiting", "section:has(#on-chain)");

    // Mined: the open page notices by itself and records the token from that transaction.
    await rpc("evm_mine");
    await expect(page.getByTestId("token-address")).toContainText(/0x[0-9a-fA-F]{40}/, { timeout: 45_000 });
    await expect(page.getByText(`Deployed in transaction: ${hash}`)).toBeVisible();
    expect(sends(log)).toBe(0);
    await page.context().close();
  } finally {
    await rpc("evm_setAutomine", [true]);
  }
  const grace = await as(browser, "grace", "/compliance/audit");
  const sent = await auditCsv(grace.page, "listing.deploy.sent");
  expect(sent).toContain(id);
  expect((await auditCsv(grace.page, "listing.token_deployed")).split("\n").filter((l) => l.includes(id))).toHaveLength(
    1,
  );
  await grace.page.context().close();
});

test("another issuer cannot edit, submit, remove an image of or go on-chain with a listing, neither by URL nor by calling the actions directly", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const lumen = await as(browser, "lumen", "/issuer");
  const title = `Private draft ${Date.now().toString(36)}`;
  const lumenId = await createDraft(lumen.page, title);
  await uploadImage(lumen.page, "Private draft, front", await png(30, 120, 60));
  const lumenImage = (await lumen.page.getByRole("img", { name: "Private draft, front" }).getAttribute("src"))!;

  const harbour = await as(browser, "harbourfront", "/issuer");
  await expect(harbour.page.getByRole("link", { name: new RegExp(title) })).toHaveCount(0);
  for (const path of [`/issuer/artworks/${lumenId}`, `/issuer/artworks/${lumenId}/edit`]) {
    const res = await harbour.page.goto(path);
    expect(res?.status()).toBe(404);
  }

  // The server action itself: harbourfront's own form, with lumen's listing id forged into it.
  await harbour.page.goto("/issuer/artworks/new");
  await harbour.page.getByRole("textbox", { name: "Title", exact: true }).fill("Hijacked title");
  await harbour.page.getByLabel("Artist").fill("Nobody");
  await harbour.page.getByRole("textbox", { name: "Description", exact: true }).fill("Overwritten.");
  await forge(harbour.page.getByRole("button", { name: "Create listing" }).locator("xpath=ancestor::form"), {
    id: lumenId,
  });
  await harbour.page.getByRole("button", { name: "Create listing" }).click();
  await expect(harbour.page.getByText("This listing does not exist or is not yours.")).toBeVisible();

  // Harbourfront's own draft, whose submit and remove-image forms get lumen's listing (and image) forged in.
  const harbourId = await createDraft(harbour.page, `Harbour draft ${Date.now().toString(36)}`);
  await uploadImage(harbour.page, "Harbour draft, front", await png(60, 60, 160));
  await forge(harbour.page.getByRole("button", { name: "Submit for review" }).locator("xpath=ancestor::form"), {
    id: lumenId,
  });
  await harbour.page.getByRole("button", { name: "Submit for review" }).click();
  // Refused: said in the form's error summary, which takes focus.
  const refusal = harbour.page.locator("[data-error-summary]").filter({
    hasText: "This listing does not exist or is not yours.",
  });
  await expect(refusal).toBeFocused();

  await harbour.page.getByRole("button", { name: "Remove image: Harbour draft, front" }).click();
  const dialog = harbour.page.getByRole("dialog", { name: "Remove this image?" });
  await forge(dialog.locator("form"), { id: lumenId, src: lumenImage });
  await dialog.getByRole("button", { name: "Remove" }).click();
  await expect(dialog.getByText("This listing does not exist or is not yours.")).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // The go-on-chain actions, called directly with lumen's listing id: refused before anything is read or written.
  const forgedHash = `0x${"ab".repeat(32)}`;
  for (const [name, args] of [
    ["recordSentTxAction", { id: lumenId, kind: "deploy", txHash: forgedHash }],
    ["confirmChainTxAction", { id: lumenId, txHash: forgedHash }],
    ["checkOnChainAction", { id: lumenId }],
  ] as const) {
    const answer = await callAction(harbour.page, actionId("components/issuer/chain-actions.ts", name), [args]);
    expect(answer, name).toContain('"code":"not_found"');
  }
  // The same call as the owner reaches the listing (and is refused for what it is: a draft, nothing to deploy).
  await lumen.page.goto(`/issuer/artworks/${lumenId}`);
  expect(
    await callAction(lumen.page, actionId("components/issuer/chain-actions.ts", "recordSentTxAction"), [
      { id: lumenId, kind: "deploy", txHash: forgedHash },
    ]),
  ).toContain('"code":"not_approved"');

  await lumen.page.reload();
  await expect(lumen.page.getByRole("heading", { name: title })).toBeVisible();
  await expect(lumen.page.getByText("Draft", { exact: true })).toBeVisible();
  await expect(lumen.page.getByRole("img", { name: "Private draft, front" })).toBeVisible();
  expect(harbourId).not.toBe(lumenId);
  await lumen.page.context().close();
  await harbour.page.context().close();
});

test("issuer console, listing editor, go-on-chain panel and live offering at 1280 and 375 px, in English and Chinese (screenshots)", async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const lumen = await as(browser, "lumen", "/issuer");
  const page = lumen.page;
  const rows = await page.getByRole("row").count();
  expect(rows).toBeGreaterThan(1);
  const href = async (name: RegExp) => (await page.getByRole("link", { name }).first().getAttribute("href"))!;
  // Left by the journeys above: a live offering with a sale, a draft, and a listing half-way on-chain.
  const live = await href(/Morning Tide/);
  const draft = await href(/Private draft/);
  const midway = await href(/Lantern Street/);
  const shots: [string, string, string | null][] = [
    ["dashboard", "/issuer", null],
    ["new", "/issuer/artworks/new", null],
    ["draft", draft, null],
    ["edit", `${draft}/edit`, null],
    ["go-on-chain", midway, "section:has(#on-chain)"],
    ["live-offering", live, "section:has(#live)"],
    ["listing", live, null],
  ];
  for (const locale of ["en", "zh-HK"] as const) {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E_ORIGIN }]);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      for (const [name, path, section] of shots) {
        await page.goto(path);
        await expect(page.locator("h1")).toBeVisible();
        // Nothing may stick out sideways on a phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const file = testInfo.outputPath(`${name}-${locale}-${width}.png`);
        if (section) await page.locator(section).screenshot({ path: file });
        else await page.screenshot({ path: file, fullPage: true });
      }
    }
  }
  await page.context().close();
});

test("an issuer withdraws a listing from review and deletes a draft, each after a confirmation; the approval comment reaches the issuer", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { page } = await as(browser, "lumen", "/issuer");
  const title = `Second thoughts ${Date.now().toString(36)}`;
  const id = await createDraft(page, title);
  await uploadImage(page, `${title}, front`, await png(30, 90, 60));
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("In review", { exact: true }).first()).toBeVisible();

  // Withdraw: asked first, then a draft again, gone from the review queue.
  await page.getByRole("button", { name: "Withdraw from review" }).click();
  const withdraw = page.getByRole("dialog", { name: "Withdraw this listing from review?" });
  await expect(withdraw).toContainText(`“${title}” goes back to a draft`);
  await withdraw.getByRole("button", { name: "Withdraw", exact: true }).click();
  await expect(page.getByText("Draft", { exact: true }).first()).toBeVisible();
  const grace = await as(browser, "grace", "/compliance/listings");
  await expect(grace.page.getByRole("article", { name: new RegExp(title) })).toHaveCount(0);

  // Delete: declining keeps it; confirming removes it and its files.
  const imageUrl = (await page.getByRole("img", { name: `${title}, front` }).getAttribute("src"))!;
  await page.getByRole("button", { name: "Delete listing" }).click();
  const del = page.getByRole("dialog", { name: "Delete this listing?" });
  await expect(del).toContainText("This cannot be undone.");
  await del.getByRole("button", { name: "Cancel" }).click();
  await expect(del).toBeHidden();
  await page.getByRole("button", { name: "Delete listing" }).click();
  await page
    .getByRole("dialog", { name: "Delete this listing?" })
    .getByRole("button", { name: "Delete for good" })
    .click();
  await expect(page).toHaveURL(/\/issuer(\?deleted=1)?$/);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  expect((await page.request.get(`/issuer/artworks/${id}`)).status()).toBe(404);
  expect((await page.request.get(imageUrl)).status()).toBe(404);

  // The reviewer's comment on approval is shown to the issuer on the listing.
  const kept = `Approved with a note ${Date.now().toString(36)}`;
  await createDraft(page, kept);
  await uploadImage(page, `${kept}, front`, await png(90, 30, 60));
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("In review", { exact: true }).first()).toBeVisible();
  await grace.page.reload();
  const card = grace.page.getByRole("article", { name: new RegExp(kept) });
  await card
    .getByLabel("Comment to the issuer")
    .fill("Approved. Please add the insurance certificate before the offering.");
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(card).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "The reviewer's comment on approval" })).toContainText(
    "Please add the insurance certificate before the offering.",
  );
  await expect(page.getByRole("button", { name: "Delete listing" })).toHaveCount(0);
});
