/**
 * Closing a dialog returns focus to the button that opened it (WCAG 2.4.3 focus order): Escape, the
 * × button, and choosing a wallet in the connect dialog. Focus never drops to <body>.
 */
import { expect, test, type Page } from "@playwright/test";
import { installWallet } from "./fixtures/wallet";

async function openConnectDialog(page: Page) {
  const opener = page.getByRole("button", { name: "Connect a wallet" });
  await opener.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Connect a wallet" });
  await expect(dialog).toBeVisible();
  // Focus is inside the dialog while it is open.
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  return { opener, dialog };
}

test.describe("dialogs return focus", () => {
  test("the connect dialog closed with Escape or × returns focus to its button", async ({ page }) => {
    await installWallet(page, "newcomer");
    await page.goto("/sign-in");

    let { opener, dialog } = await openConnectDialog(page);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    ({ opener, dialog } = await openConnectDialog(page));
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test("choosing a wallet moves focus to the next step, not to <body>", async ({ page }) => {
    await installWallet(page, "newcomer");
    await page.goto("/sign-in");
    const { dialog } = await openConnectDialog(page);
    await dialog.getByRole("button", { name: /Test Wallet/ }).click();
    await expect(dialog).toBeHidden();
    // The connect button has given way to the signing step: focus is on its button.
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeFocused();
  });
});
