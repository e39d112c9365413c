/**
 * Issuer onboarding (issue 16, KYB) with the wallet that really signs: a gallery's wallet applies (company details,
 * directors, signatory wallets; a mistyped CR number and a wallet without its checksum refused in words), uploads its
 * three documents and submits; officer A pre-approves, cannot approve alone; officer B approves; the application
 * waits for the issuer role on /admin, where the admin grants it from its own wallet (the reason names the
 * application); the application reads "active", the gallery opens the issuer console and lists an artwork, which
 * compliance reviews under the company's name.
 */
import type { Browser, Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { addressOf, expect, installWallet, test, type DemoKey } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_ORIGIN } from "./ports";
import sharp from "sharp";
import { simplePdf } from "../scripts/seed/pdf";

test.describe.configure({ mode: "serial" });

const COMPANY = "Sheung Wan Print Studio Limited";

async function as(browser: Browser, key: DemoKey, next: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  await installWallet(page, key);
  await signInWithTestWallet(page, { next });
  return page;
}

async function upload(page: Page, title: string) {
  const slot = page.getByRole("region", { name: title });
  await slot.getByLabel(`Choose a file: ${title}`).setInputFiles({
    name: `${title}.pdf`,
    mimeType: "application/pdf",
    buffer: simplePdf(title, [COMPANY]),
  });
  await slot.getByRole("button", { name: `Upload ${title}` }).click();
  await expect(slot.getByText("Uploaded", { exact: true })).toBeVisible({ timeout: 20_000 });
}

test("a gallery applies, two officers approve, the admin grants the issuer role, the gallery opens the console", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const wallet = addressOf("gallery");

  // 1. The gallery's wallet (no role, no investor record) finds the application from its account page.
  const gallery = await as(browser, "gallery", "/account");
  await gallery.getByRole("link", { name: "Apply as an issuer" }).click();
  await expect(gallery.getByRole("heading", { level: 1, name: "List your artworks" })).toBeVisible();
  await expect(gallery.getByLabel("Signatory wallet 1", { exact: true })).toHaveValue(wallet);

  // 2. Formats are refused in words, and nothing typed is rewritten.
  await gallery.getByLabel("Legal name in English").fill(COMPANY);
  await gallery.getByLabel("Legal name in Chinese").fill("上環版畫工作室有限公司");
  await gallery.getByLabel("Companies Registry (CR) number").fill("1234 567");
  await gallery.getByLabel("Registered office address").fill("3/F, 21 Tank Lane, Sheung Wan, Hong Kong");
  await gallery.getByLabel("Name of person 1").fill("Ada Wong");
  await gallery.getByLabel("Role of person 1").fill("Director");
  await gallery.getByRole("button", { name: "Add a wallet" }).click();
  await gallery.getByLabel("Signatory wallet 2", { exact: true }).fill(addressOf("harbourfront").toLowerCase());
  await gallery
    .getByLabel("What the company will list")
    .fill("Limited-edition prints by Hong Kong artists, about six works a year.");
  await gallery.getByRole("button", { name: "Save as draft" }).click();
  const summary = gallery.locator("[data-error-summary]");
  await expect(summary).toContainText("A Companies Registry (CR) number is 7 or 8 digits");
  await expect(summary).toContainText("exactly as your wallet shows it");
  await expect(gallery.getByLabel("Companies Registry (CR) number")).toHaveValue("1234 567");
  await expectNoAxeViolations(gallery);

  // An issuer's wallet is refused as a signatory, by name.
  await gallery.getByLabel("Companies Registry (CR) number").fill("1234567");
  await gallery.getByLabel("Signatory wallet 2", { exact: true }).fill(addressOf("harbourfront"));
  await gallery.getByRole("button", { name: "Save as draft" }).click();
  await expect(gallery.locator("[data-error-summary]")).toContainText("already holds a platform role");
  await gallery.getByRole("button", { name: "Remove signatory wallet 2" }).click();
  await gallery.getByRole("button", { name: "Save as draft" }).click();
  await expect(gallery.getByText("Saved. Nothing is sent to compliance until you submit.")).toBeVisible();

  // 3. Documents, then submission.
  for (const title of ["Certificate of incorporation", "Business registration certificate", "Board resolution"])
    await upload(gallery, title);
  await gallery.getByRole("button", { name: "Submit the application" }).click();
  await expect(gallery.getByTestId("kyb-status")).toContainText("Submitted: compliance is reviewing");
  await expectNoAxeViolations(gallery);

  // 4. Officer A: the checklist, then the pre-approval; alone, A cannot approve.
  const grace = await as(browser, "grace", "/compliance/issuers");
  await grace.getByRole("link", { name: COMPANY }).click();
  await expect(grace.getByRole("heading", { level: 1, name: COMPANY })).toBeVisible();
  const doc = grace.getByRole("link", { name: "View Board resolution" });
  const href = await doc.getAttribute("href");
  const res = await grace.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  await expect(grace.getByText("Not ready for approval:")).toBeVisible();
  for (const box of await grace.getByRole("checkbox").all()) await box.check();
  await grace.getByRole("button", { name: "Save checklist and note" }).click();
  await expect(grace.getByRole("button", { name: "Pre-approve" })).toBeVisible();
  await expectNoAxeViolations(grace);
  await grace.getByRole("button", { name: "Pre-approve" }).click();
  await expect(
    grace.getByText("You pre-approved this application. A different officer must approve it."),
  ).toBeVisible();

  // 5. Officer B approves.
  const marcus = await as(browser, "marcus", "/compliance/issuers");
  await marcus.getByRole("link", { name: COMPANY }).click();
  await expect(marcus.getByTestId("four-eyes-step")).toContainText("Step 2 of 2");
  await marcus.getByRole("button", { name: "Approve" }).click();
  await expect(
    marcus.getByText("Approved. Waiting for the platform admin to grant the issuer role to the signatory wallets."),
  ).toBeVisible();
  await gallery.reload();
  await expect(gallery.getByTestId("kyb-status")).toContainText("Approved: waiting for the issuer role");

  // 6. The admin grants the issuer role from its own wallet; the reason names the application.
  const admin = await as(browser, "admin", "/admin");
  const waiting = admin.getByRole("region", { name: /Issuer applications waiting for the issuer role/ });
  await expect(waiting).toContainText(COMPANY);
  await waiting.getByRole("button", { name: `Grant the issuer role to ${wallet}` }).click();
  const dialog = admin.getByRole("dialog", { name: "Grant a role" });
  await expect(dialog.getByLabel("Wallet address")).toHaveValue(wallet);
  await expect(dialog.getByLabel("Reason")).toHaveValue(
    /Issuer application [0-9a-f-]{36} \(Sheung Wan Print Studio Limited\)/,
  );
  await expectNoAxeViolations(admin);
  await dialog.getByRole("button", { name: "Sign the grant" }).click();
  const picker = admin.getByRole("dialog", { name: "Connect a wallet" });
  if (
    await picker.waitFor({ state: "visible", timeout: 3_000 }).then(
      () => true,
      () => false,
    )
  ) {
    await picker.getByRole("button", { name: /Test Wallet/ }).click();
    await dialog.getByRole("button", { name: "Sign the grant" }).click();
  }
  // Once the wallet holds the role the application is active: it leaves the waiting list and says so.
  const recent = admin.getByTestId("kyb-recently-active").getByRole("listitem").filter({ hasText: COMPANY });
  await expect(recent).toContainText("Active issuer", { timeout: 60_000 });
  await expect(waiting.getByRole("button", { name: `Grant the issuer role to ${wallet}` })).toHaveCount(0);
  await expect(admin.getByTestId("holders-issuer").locator(`[data-account="${wallet.toLowerCase()}"]`)).toBeVisible();

  // 7. Active: the gallery's next request opens the issuer console.
  await gallery.reload();
  await expect(gallery.getByTestId("kyb-status")).toContainText("Your company is an issuer");
  await gallery.getByRole("link", { name: "Open the issuer console" }).click();
  await expect(gallery).toHaveURL(/\/issuer$/);
  await expect(gallery.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(gallery.getByRole("heading", { level: 1, name: "This page is not on the wall." })).toHaveCount(0);

  // 8. The gallery lists an artwork: a draft with an image and a condition report, submitted for review; compliance
  // sees it under the company's legal name (from its approved application), not a bare address.
  const title = `Harbour Lines ${Date.now().toString(36)}`;
  await gallery.goto("/issuer/artworks/new");
  await gallery.getByRole("textbox", { name: "Title", exact: true }).fill(title);
  await gallery.getByLabel("Artist").fill("Ho Ka-yan");
  await gallery.getByRole("textbox", { name: "Description", exact: true }).fill("Screenprint, edition of one.");
  await gallery.getByRole("button", { name: "Create listing" }).click();
  await expect(gallery).toHaveURL(/\/issuer\/artworks\/[0-9a-f-]{36}$/);
  const image = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 30, g: 80, b: 120 } } })
    .png()
    .toBuffer();
  await gallery.getByLabel("Image file").setInputFiles({ name: "lines.png", mimeType: "image/png", buffer: image });
  await gallery.getByLabel("Image description").fill(`${title}, front`);
  await gallery.getByRole("button", { name: "Upload image" }).click();
  await expect(
    gallery.getByRole("list", { name: "Images" }).getByText(`${title}, front`, { exact: true }),
  ).toBeVisible();
  await gallery.getByLabel("Document title").fill("Condition report");
  await gallery.getByLabel("PDF file").setInputFiles({
    name: "condition.pdf",
    mimeType: "application/pdf",
    buffer: simplePdf("Condition report", [title]),
  });
  await gallery.getByRole("button", { name: "Upload document" }).click();
  await expect(gallery.getByTestId("document-sha256")).toHaveCount(1);
  await gallery.getByRole("button", { name: "Submit for review" }).click();
  await expect(gallery.getByText("In review", { exact: true }).first()).toBeVisible();
  const reviewer = await as(browser, "grace", "/compliance/listings");
  await expect(reviewer.getByRole("article", { name: new RegExp(title) })).toContainText(COMPANY);
  await reviewer.context().close();
});

test("the seed's pending application waits in the queue with its documents", async ({ browser }) => {
  const marcus = await as(browser, "marcus", "/compliance/issuers");
  await marcus.getByRole("link", { name: "Kowloon Modern Gallery Limited" }).click();
  await expect(marcus.getByRole("link", { name: "View Certificate of incorporation" })).toBeVisible();
  await expect(marcus.getByTestId("four-eyes-step")).toContainText("Step 1 of 2");
});
