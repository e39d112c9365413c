/**
 * After a refused submission the form's error summary takes focus, is in view and is announced
 * (role="alert"), with links to the refused fields (WCAG 3.3.1, 4.1.3): the listing form, onboarding.
 */
import { expect, test, type Page } from "@playwright/test";
import { installWallet } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";

async function expectSummaryFocused(page: Page, title: string | RegExp) {
  const summary = page.getByRole("alert").filter({ hasText: title });
  await expect(summary).toBeVisible();
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
