/**
 * After a refused submission the form's error summary takes focus, is in view and is announced
 * (role="alert"), with links to the refused fields (WCAG 3.3.1, 4.1.3): the issuer's forms (listing, documents,
 * images), onboarding, the compliance officer's forms (agent actions, KYC decisions). The buy form's refusal (declined
 * in the wallet) is checked with its dialog in dialogs.spec.ts. One signed-in page per role.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { installWallet } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";

async function expectSummaryFocused(page: Page | Locator, title: string | RegExp) {
  // The form's summary (Next's route announcer is an alert too), announced: role="alert".
  const summary = page.locator("[data-error-summary]").filter({ hasText: title });
  await expect(summary).toBeVisible();
  await expect(summary).toHaveAttribute("role", "alert");
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  return summary;
}

test.describe("a refused form", () => {
  test("Create listing: the error summary takes focus and links to the refused field", async ({ page }) => {
    await installWallet(page, "lumen");
    await signInWithTestWallet(page, { next: "/issuer/artworks/new" });
    await page.goto("/issuer/artworks/new");
    // Fill the last field so the refusal happens with the summary far above the button.
    await page.getByLabel("Appraiser").fill("Someone");
    await page.getByRole("button", { name: "Create listing" }).click();
    const summary = await expectSummaryFocused(page, "Please correct the highlighted fields.");
    await expect(page.getByLabel("Appraiser")).toHaveValue("Someone");
    await summary.getByRole("link", { name: /^Title:/ }).click();
    await expect(page.getByRole("textbox", { name: "Title", exact: true })).toBeFocused();

    // A second refusal focuses the summary again.
    await page.getByRole("button", { name: "Create listing" }).focus();
    await page.keyboard.press("Enter");
    await expectSummaryFocused(page, "Please correct the highlighted fields.");

    // The listing's file forms: a document and an image sent without a file.
    await page.getByLabel("Appraiser").fill("");
    await page.getByRole("textbox", { name: "Title", exact: true }).fill(`Summary study ${Date.now().toString(36)}`);
    await page.getByLabel("Artist").fill("Chan Siu-ming");
    await page.getByRole("textbox", { name: "Description", exact: true }).fill("Ink on paper.");
    await page.getByRole("button", { name: "Create listing" }).click();
    await expect(page).toHaveURL(/\/issuer\/artworks\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: "Upload document" }).click();
    const files = await expectSummaryFocused(page, "Please correct the highlighted fields.");
    await files.getByRole("link", { name: /^Document title:/ }).click();
    await expect(page.getByLabel("Document title")).toBeFocused();
    await expect(page.getByLabel("Document title")).toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: "Upload image" }).click();
    const imageForm = page.locator("form").filter({ has: page.getByLabel("Image file") });
    const image = await expectSummaryFocused(imageForm, "Please correct the highlighted fields.");
    await expect(image.getByRole("link", { name: /^Image file:/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("onboarding: the error summary takes focus", async ({ page }) => {
    // Not the newcomer: the onboarding journey expects the newcomer to start from nothing.
    await installWallet(page, "applicant");
    await signInWithTestWallet(page, { next: "/onboarding" });
    await page.goto("/onboarding");
    await page.getByRole("button", { name: "Start your application" }).click();
    await expect(page).toHaveURL(/\/onboarding\/personal/);
    await page.getByLabel(/Full legal name/).fill("");
    await page.getByRole("button", { name: "Save and continue" }).click();
    const summary = page.locator("[data-error-summary]");
    await expect(summary).toBeFocused();
    await expect(summary).toHaveAttribute("role", "alert");
    await expect(summary.getByRole("link").first()).toBeVisible();
  });
});

test.describe("a refused officer's form", () => {
  test("agent action and KYC decision: the error summary takes focus and links to the refused field", async ({
    page,
  }) => {
    await installWallet(page, "grace");
    await signInWithTestWallet(page, { next: "/compliance/tokens" });

    // Freeze / forced transfer / recovery: one dialog; the browser's own checks refuse an empty reason.
    await page.goto("/compliance/tokens");
    await page.getByRole("link", { name: "Quiet Mountains" }).click();
    await page.getByRole("button", { name: "Actions for David Wong" }).first().click();
    const dialog = page.getByRole("dialog", { name: /^Act on / });
    await dialog.getByRole("button", { name: "Review" }).click();
    let summary = await expectSummaryFocused(dialog, "Please correct the highlighted fields.");
    await summary.getByRole("link", { name: /^Reason:/ }).click();
    await expect(dialog.getByLabel("Reason")).toBeFocused();
    await expect(dialog.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);
    await page.keyboard.press("Escape");

    // KYC: rejecting, or asking for information, without a message is refused by the server.
    await page.goto("/compliance/kyc");
    await page.getByRole("link", { name: "Tom Lee" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Tom Lee" })).toBeVisible();
    await page.getByRole("button", { name: "Reject application" }).click();
    summary = await expectSummaryFocused(page.getByRole("region", { name: "Reject" }), /./);
    await summary.getByRole("link", { name: /^Reason \(the investor sees it\):/ }).click();
    await expect(page.getByLabel("Reason (the investor sees it)")).toBeFocused();
    await page.getByRole("button", { name: "Send request" }).click();
    summary = await expectSummaryFocused(page.getByRole("region", { name: "Request information" }), /./);
    await expect(summary.getByRole("link", { name: /^Message to the investor:/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
